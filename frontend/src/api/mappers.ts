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
  Card,
  CardFields,
  Goal,
  Group,
  GroupRole,
  GroupSummary,
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
