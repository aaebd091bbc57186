/**
 * The API boundary: wire DTOs (all fields optional, months as "YYYY-MM", dates as "YYYY-MM-DD") become domain
 * values, and domain values become request bodies. Components never see a DTO.
 */
import type { Dto } from './types';
import {
  fromCalendarDate,
  fromMonth,
  toCalendarDate,
  toMonth,
  type CalendarDate,
  type Month,
} from '@/lib/months';
import type {
  Board,
  BoardColumn,
  CalendarLink,
  CalendarLinkCreated,
  Card,
  CardFields,
  Change,
  ChangeAction,
  EntityType,
  Goal,
  Group,
  GroupRole,
  GroupSummary,
  ImportCounts,
  ImportPreview,
  ImportResult,
  ImportWarning,
  Me,
  Meeting,
  MeetingFields,
  MeetingSummary,
  Member,
  Page,
  Phase,
} from '@/types/domain';

const text = (value: string | null | undefined): string => value ?? '';
const optionalMonth = (value: string | null | undefined): Month | null => (value ? toMonth(value) : null);
/** A month from a document or a log: an odd value is left out rather than failing the whole answer. */
const lenientMonth = (value: string | null | undefined): Month | null => {
  try {
    return optionalMonth(value);
  } catch {
    return null;
  }
};
const instant = (value: string | null | undefined): Date | null => {
  const date = value ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
};
const optionalDate = (value: string | null | undefined): CalendarDate | null =>
  value ? toCalendarDate(value) : null;
/** Empty text is left out of a request: "not set" (requests replace every editable field). */
const orNull = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

const roles: readonly GroupRole[] = ['CHAIR', 'MEMBER', 'OBSERVER'];
/** A role the app does not know is treated as the least one. */
function toRole(value: string | null | undefined): GroupRole {
  return roles.find((r) => r === value) ?? 'OBSERVER';
}

export function toGroup(dto: Dto<'Group'>): Group {
  return {
    slug: text(dto.slug),
    name: text(dto.name),
    mission: text(dto.mission),
    description: text(dto.description),
    visibility: dto.visibility ?? 'PUBLIC',
    planStart: toMonth(dto.planStart ?? ''),
    planEnd: toMonth(dto.planEnd ?? ''),
    version: dto.version ?? 0,
    myRole: dto.myRole ?? null,
    canEdit: dto.canEdit ?? false,
    canManage: dto.canManage ?? false,
  };
}

export function toGroupSummary(dto: Dto<'GroupSummary'>): GroupSummary {
  const next = dto.nextMeeting;
  return {
    slug: text(dto.slug),
    name: text(dto.name),
    mission: text(dto.mission),
    visibility: dto.visibility ?? 'PUBLIC',
    planStart: optionalMonth(dto.planStart),
    planEnd: optionalMonth(dto.planEnd),
    myRole: dto.myRole ?? null,
    nextMeeting: next
      ? {
          number: next.number ?? 0,
          date: optionalDate(next.date),
          tentative: next.tentative ?? false,
          location: text(next.location),
        }
      : null,
  };
}

export function toPage<D, T>(
  dto: { items?: D[]; page?: number; size?: number; total?: number },
  map: (item: D) => T,
): Page<T> {
  const items = (dto.items ?? []).map(map);
  return { items, page: dto.page ?? 0, size: dto.size ?? items.length, total: dto.total ?? items.length };
}

export function toGoal(dto: Dto<'Goal'>): Goal {
  const measure = dto.measure;
  return {
    id: dto.id ?? 0,
    position: dto.position ?? 0,
    title: text(dto.title),
    description: text(dto.description),
    color: dto.color ?? null,
    measure: measure
      ? { label: text(measure.label), target: measure.target ?? null, current: measure.current ?? null }
      : null,
    version: dto.version ?? 0,
  };
}

export function toPhase(dto: Dto<'Phase'>): Phase {
  return {
    id: dto.id ?? 0,
    name: text(dto.name),
    start: toMonth(dto.startMonth ?? ''),
    end: toMonth(dto.endMonth ?? ''),
    focus: text(dto.focus),
    activities: text(dto.activities),
    outcomes: text(dto.outcomes),
    version: dto.version ?? 0,
  };
}

export function toCard(dto: Dto<'Card'>): Card {
  return {
    id: dto.id ?? 0,
    title: text(dto.title),
    description: text(dto.description),
    status: dto.status ?? 'PLANNED',
    responsible: text(dto.responsible),
    support: text(dto.support),
    deliverable: text(dto.deliverable),
    goalId: dto.goalId ?? null,
    month: optionalMonth(dto.month),
    version: dto.version ?? 0,
    createdBy: text(dto.createdBy),
    createdByName: text(dto.createdByName),
    createdAt: dto.createdAt ?? null,
    updatedBy: text(dto.updatedBy),
    updatedByName: text(dto.updatedByName),
    updatedAt: dto.updatedAt ?? null,
  };
}

export function toMeetingSummary(dto: Dto<'BoardMeeting'>): MeetingSummary {
  return {
    id: dto.id ?? 0,
    number: dto.number ?? 0,
    date: optionalDate(dto.date),
    time: dto.time ? dto.time.slice(0, 5) : null,
    tentative: dto.tentative ?? false,
    location: text(dto.location),
  };
}

function toColumn(dto: Dto<'BoardColumn'>): BoardColumn {
  return {
    month: toMonth(dto.month ?? ''),
    milestone: {
      title: text(dto.milestone?.title),
      focus: text(dto.milestone?.focus),
      outcomes: text(dto.milestone?.outcomes),
      version: dto.milestone?.version ?? 0,
    },
    cards: (dto.cards ?? []).map(toCard),
    meetings: (dto.meetings ?? []).map(toMeetingSummary),
  };
}

export function toBoard(dto: Dto<'Board'>): Board {
  if (!dto.group) {
    throw new Error('Board without its group');
  }
  return {
    group: toGroup(dto.group),
    goals: (dto.goals ?? []).map(toGoal),
    phases: (dto.phases ?? []).map(toPhase),
    columns: (dto.columns ?? []).map(toColumn),
    backlog: (dto.backlog ?? []).map(toCard),
  };
}

export function toMeeting(dto: Dto<'Meeting'>): Meeting {
  return {
    id: dto.id ?? 0,
    number: dto.number ?? 0,
    date: optionalDate(dto.date),
    time: dto.time ? dto.time.slice(0, 5) : null,
    timeZone: text(dto.timeZone),
    tentative: dto.tentative ?? false,
    location: text(dto.location),
    joinUrl: text(dto.joinUrl),
    objectives: dto.objectives ?? [],
    outcome: text(dto.outcome),
    minutes: text(dto.minutes),
    cardIds: dto.cardIds ?? [],
    version: dto.version ?? 0,
  };
}

export function toMember(dto: Dto<'Member'>): Member {
  return {
    id: dto.id ?? 0,
    subject: text(dto.subject),
    displayName: text(dto.displayName),
    email: dto.email ?? null,
    role: toRole(dto.role),
    version: dto.version ?? 0,
  };
}

export function toMe(dto: Dto<'Me'>): Me {
  return {
    authenticated: dto.authenticated ?? false,
    subject: dto.subject ?? null,
    name: text(dto.name) || text(dto.subject),
    email: dto.email ?? null,
    roles: dto.roles ?? [],
    memberships: (dto.memberships ?? []).map((m) => ({
      slug: text(m.slug),
      name: text(m.name),
      role: toRole(m.role),
    })),
  };
}

export function monthParam(month: Month | null): string | null {
  return month ? fromMonth(month) : null;
}

export function cardRequest(fields: CardFields, month: Month | null): Dto<'CardRequest'> {
  return { ...cardFields(fields), month: monthParam(month) };
}

export function cardUpdate(fields: CardFields, version: number): Dto<'CardUpdate'> {
  return { ...cardFields(fields), version };
}

function cardFields(fields: CardFields) {
  return {
    title: fields.title.trim(),
    description: orNull(fields.description),
    status: fields.status,
    responsible: orNull(fields.responsible),
    support: orNull(fields.support),
    deliverable: orNull(fields.deliverable),
    goalId: fields.goalId ?? undefined,
  };
}

export function meetingRequest(fields: MeetingFields): Dto<'MeetingRequest'>;
export function meetingRequest(fields: MeetingFields, version: number): Dto<'MeetingUpdate'>;
export function meetingRequest(
  fields: MeetingFields,
  version?: number,
): Dto<'MeetingRequest'> | Dto<'MeetingUpdate'> {
  return {
    number: fields.number ?? undefined,
    date: fields.date ? fromCalendarDate(fields.date) : undefined,
    time: fields.time || undefined,
    timeZone: orNull(fields.timeZone),
    tentative: fields.tentative,
    location: orNull(fields.location),
    joinUrl: orNull(fields.joinUrl),
    objectives: fields.objectives.map((o) => o.trim()).filter(Boolean),
    outcome: orNull(fields.outcome),
    minutes: orNull(fields.minutes),
    cardIds: fields.cardIds,
    ...(version === undefined ? {} : { version }),
  };
}

const entityTypes: readonly EntityType[] = [
  'CARD',
  'MILESTONE',
  'PHASE',
  'GOAL',
  'MEETING',
  'GROUP',
  'MEMBER',
];
const changeActions: readonly ChangeAction[] = ['CREATED', 'UPDATED', 'MOVED', 'DELETED'];

export function toChange(dto: Dto<'Change'>): Change {
  const actor = dto.actor;
  return {
    id: dto.id ?? 0,
    entityType: entityTypes.find((t) => t === dto.entityType) ?? 'GROUP',
    entityId: dto.entityId ?? 0,
    action: changeActions.find((a) => a === dto.action) ?? 'UPDATED',
    title: text(dto.title),
    month: lenientMonth(dto.month as string | null | undefined),
    actor:
      actor && (actor.subject || actor.name)
        ? { subject: actor.subject ?? null, name: text(actor.name) }
        : null,
    at: instant(dto.at),
    summary: text(dto.summary),
    diff: Object.entries(dto.diff ?? {}).map(([field, pair]) => ({
      field,
      from: Array.isArray(pair) ? (pair[0] ?? null) : null,
      to: Array.isArray(pair) ? (pair[1] ?? null) : null,
    })),
  };
}

function toCounts(dto: Dto<'ImportCounts'> | undefined): ImportCounts {
  return {
    goals: dto?.goals ?? 0,
    phases: dto?.phases ?? 0,
    months: dto?.months ?? 0,
    cards: dto?.cards ?? 0,
    backlogCards: dto?.backlogCards ?? 0,
    meetings: dto?.meetings ?? 0,
  };
}

function toWarning(dto: Dto<'RoadmapWarning'>): ImportWarning {
  return { line: dto.line ?? null, text: text(dto.text), reason: text(dto.reason) };
}

export function toImportPreview(dto: Dto<'ImportPreview'>): ImportPreview {
  const group = dto.group ?? {};
  return {
    group: {
      name: text(group.name),
      slug: text(group.slug),
      mission: text(group.mission),
      planStart: lenientMonth(group.planStart),
      planEnd: lenientMonth(group.planEnd),
    },
    counts: toCounts(dto.counts),
    goals: (dto.goals ?? []).map((g) => ({ title: text(g.title), measure: text(g.measure?.label) })),
    phases: (dto.phases ?? []).map((p) => ({
      name: text(p.name),
      start: lenientMonth(p.start),
      end: lenientMonth(p.end),
      focus: text(p.focus),
    })),
    months: (dto.months ?? []).flatMap((m) => {
      const month = lenientMonth(m.month);
      return month
        ? [{ month, title: text(m.title), focus: text(m.focus), cards: (m.cards ?? []).map(text) }]
        : [];
    }),
    backlog: (dto.backlog ?? []).map(text),
    meetings: (dto.meetings ?? []).map((m) => ({
      number: m.number ?? null,
      date: m.date ? toCalendarDate(m.date) : null,
      time: m.time ? m.time.slice(0, 5) : null,
      tentative: m.tentative ?? false,
      location: text(m.location),
      objectives: m.objectives ?? [],
    })),
    warnings: (dto.warnings ?? []).map(toWarning),
    problems: (dto.problems ?? []).map((p) => ({ field: text(p.field), message: text(p.message) })),
  };
}

export function toImportResult(dto: Dto<'ImportResult'>): ImportResult {
  return {
    slug: text(dto.slug),
    name: text(dto.name),
    planStart: lenientMonth(dto.planStart),
    planEnd: lenientMonth(dto.planEnd),
    counts: toCounts(dto.counts),
    warnings: (dto.warnings ?? []).map(toWarning),
  };
}

export function toCalendarLink(dto: Dto<'CalendarLink'>): CalendarLink {
  return { id: dto.id ?? 0, createdAt: instant(dto.createdAt) };
}

export function toCalendarLinkCreated(dto: Dto<'CalendarLinkCreated'>): CalendarLinkCreated {
  return { id: dto.id ?? 0, createdAt: instant(dto.createdAt), url: text(dto.url), path: text(dto.path) };
}
