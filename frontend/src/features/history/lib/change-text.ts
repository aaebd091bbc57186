/**
 * Changes in words: "Alice moved 'Draft charter' from May to June", and each changed field from what to what with
 * the labels people know (statuses, goal titles, month names). Pure; tested in change-text.test.ts.
 */
import { statusLabels } from '@/components/ui/status-chip';
import { dateLabel, monthLabel, toCalendarDate, toMonth } from '@/lib/months';
import type { Actor, Change, EntityType } from '@/types/domain';

/** What the sentence needs of a change (a history entry, or a live event). */
export interface ChangeLike {
  type?: string | null;
  entityType?: EntityType | string | null;
  title?: string | null;
  summary?: string | null;
}

/**
 * A sentence without its subject, in parts, so a feed can link the name: `${verb} ${noun}${name}${tail}`, e.g.
 * verb "moved", noun "", name "Draft charter" (quoted), tail " from May to June".
 */
export interface Phrase {
  verb: string;
  noun: string;
  name: string;
  quoted: boolean;
  tail: string;
}

/** Words the server's summaries start with that are the verb of the sentence. */
const VERBS = new Set([
  'created',
  'moved',
  'deleted',
  'reordered',
  'scheduled',
  'added',
  'removed',
  'confirmed',
  'marked',
]);

const NOUNS: Record<string, { noun: string; quoted: boolean; fallback: string }> = {
  CARD: { noun: '', quoted: true, fallback: 'a card' },
  MILESTONE: { noun: 'the milestone of ', quoted: false, fallback: 'a month' },
  PHASE: { noun: 'phase ', quoted: true, fallback: 'a phase' },
  GOAL: { noun: 'goal ', quoted: true, fallback: 'a goal' },
  MEETING: { noun: 'meeting ', quoted: false, fallback: 'a meeting' },
  GROUP: { noun: 'the group', quoted: false, fallback: 'the group' },
  MEMBER: { noun: '', quoted: false, fallback: 'a member' },
};

const roleWords: Record<string, string> = { CHAIR: 'chair', MEMBER: 'member', OBSERVER: 'observer' };

/** The server's summary with enum names and arrows as people read them: "status Planned → Done". */
export function readableSummary(summary: string): string {
  return summary
    .replace(/ -> /g, ' → ')
    .replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (iso) => {
      try {
        return dateLabel(toCalendarDate(iso));
      } catch {
        return iso;
      }
    })
    .replace(
      /\b(PLANNED|IN_PROGRESS|DONE|BLOCKED|DROPPED)\b/g,
      (s) => statusLabels[s as keyof typeof statusLabels],
    )
    .replace(/\b(CHAIR|MEMBER|OBSERVER)\b/g, (r) => roleWords[r] ?? r)
    .replace(/\bPUBLIC\b/g, 'public')
    .replace(/\bMEMBERS\b/g, 'members only');
}

export function phraseOf(change: ChangeLike): Phrase {
  const kind = NOUNS[change.entityType ?? ''] ?? NOUNS.CARD!;
  const title = (change.title ?? '').trim();
  const summary = readableSummary((change.summary ?? '').trim());
  let noun = kind.noun;
  let name = title;
  let quoted = kind.quoted;
  if (change.entityType === 'GROUP') {
    // "the group" says enough on the group's own pages.
    noun = 'the group';
    name = '';
    quoted = false;
  } else if (!title) {
    noun = kind.fallback;
    quoted = false;
  }
  const [first = '', ...others] = summary.split(' ');
  if (VERBS.has(first)) {
    let tail = others.length > 0 ? ` ${others.join(' ')}` : '';
    if (change.entityType === 'GROUP' && tail.startsWith(' the group')) {
      tail = tail.slice(' the group'.length);
    }
    return { verb: first, noun, name, quoted, tail };
  }
  if (!summary) {
    return { verb: 'changed', noun, name, quoted, tail: '' };
  }
  // A field change ("status Planned → Done; support changed"): what changed follows the name.
  return { verb: 'changed', noun, name, quoted, tail: `: ${summary}` };
}

/**
 * The phrase of a history entry, which (unlike a live event) has its diff: an edit names the fields it changed, and
 * leaves their values to the details ("changed the status and support of 'Draft charter'").
 */
export function entryPhraseOf(
  change: Pick<Change, 'action' | 'diff' | 'entityType' | 'title' | 'summary'>,
): Phrase {
  const phrase = phraseOf(change);
  // The server's own verb ("confirmed meeting #3") says it better than a list of fields.
  if (change.action !== 'UPDATED' || change.diff.length === 0 || phrase.verb !== 'changed') {
    return phrase;
  }
  return { ...phrase, verb: 'changed', noun: `${fieldsText(change.diff)} of ${phrase.noun}`, tail: '' };
}

export function phraseText(phrase: Phrase): string {
  const name = phrase.quoted ? `'${phrase.name}'` : phrase.name;
  return `${phrase.verb} ${phrase.noun}${name}${phrase.tail}`.replace(/\s+/g, ' ').trim();
}

/** Who made a change, as people know them. */
export function actorName(
  actor: Actor | { subject?: string | null; name?: string | null } | null | undefined,
) {
  if (!actor || (!actor.subject && !actor.name)) {
    return 'Milepost';
  }
  return actor.name?.trim() || 'Someone';
}

const FIELD_LABELS: Record<string, string> = {
  goalId: 'Goal',
  joinUrl: 'Join link',
  timeZone: 'Time zone',
  cardIds: 'Linked cards',
  startMonth: 'Start',
  endMonth: 'End',
  planStart: 'Plan start',
  planEnd: 'Plan end',
  displayName: 'Name',
  measureLabel: 'Measure',
  measureTarget: 'Target',
  measureCurrent: 'Current',
  objectives: 'Agenda',
  color: 'Colour',
};

/** "goalId" → "Goal", "deliverable" → "Deliverable", "someNewField" → "Some new field". */
export function fieldLabel(field: string): string {
  const known = FIELD_LABELS[field];
  if (known) {
    return known;
  }
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface ValueContext {
  /** Goal titles by id, to show "Goal: Vision" instead of a number. */
  goals?: ReadonlyMap<number, string>;
}

const MONTH_FIELDS = new Set(['month', 'startMonth', 'endMonth', 'planStart', 'planEnd']);
const roleLabels: Record<string, string> = { CHAIR: 'Chair', MEMBER: 'Member', OBSERVER: 'Observer' };
const visibilityLabels: Record<string, string> = { PUBLIC: 'Public', MEMBERS: 'Members only' };

function isEmpty(value: unknown): boolean {
  return (
    value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

/** A field's value for people; null when there was none. */
export function formatValue(field: string, value: unknown, context: ValueContext = {}): string | null {
  if (isEmpty(value)) {
    return field === 'month' ? 'Backlog' : null;
  }
  if (typeof value === 'string') {
    if (field === 'status' && value in statusLabels) {
      return statusLabels[value as keyof typeof statusLabels];
    }
    if (field === 'role') {
      return roleLabels[value] ?? value;
    }
    if (field === 'visibility') {
      return visibilityLabels[value] ?? value;
    }
    if (MONTH_FIELDS.has(field) && /^\d{4}-\d{2}$/.test(value)) {
      try {
        return monthLabel(toMonth(value));
      } catch {
        return value;
      }
    }
    if (field === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      return dateLabel(toCalendarDate(value));
    }
    return value;
  }
  if (typeof value === 'number') {
    if (field === 'goalId') {
      return context.goals?.get(value) ?? `Goal #${value}`;
    }
    return String(value);
  }
  if (typeof value === 'boolean') {
    return value ? 'Yes' : 'No';
  }
  if (Array.isArray(value)) {
    const parts = value.map((v) => formatValue(field, v, context) ?? '').filter(Boolean);
    return field === 'cardIds' ? parts.map((p) => `#${p}`).join(', ') : parts.join('; ');
  }
  return JSON.stringify(value);
}

/** Text too long to read inline (descriptions, agendas): shown on request, before and after in full. */
export function isLongValue(value: string | null): boolean {
  return value !== null && (value.length > 80 || value.includes('\n'));
}

/** Fields in the order people read a card (the server's diff comes in storage order). */
const FIELD_ORDER = [
  'title',
  'name',
  'displayName',
  'role',
  'status',
  'month',
  'number',
  'date',
  'time',
  'timeZone',
  'tentative',
  'goalId',
  'responsible',
  'support',
  'deliverable',
  'startMonth',
  'endMonth',
  'focus',
  'activities',
  'outcomes',
  'objectives',
  'outcome',
  'location',
  'joinUrl',
  'description',
  'mission',
];

/** The diff in reading order: known fields as a card shows them, others after, as they came. */
export function orderedDiff<T extends { field: string }>(diff: T[]): T[] {
  const rank = (field: string) => {
    const index = FIELD_ORDER.indexOf(field);
    return index < 0 ? FIELD_ORDER.length : index;
  };
  return [...diff].sort((a, b) => rank(a.field) - rank(b.field));
}

/** "the status", "the status and support", "the title, status, goal and 2 more fields" */
function fieldsText(diff: { field: string }[]): string {
  const labels = orderedDiff(diff).map((d) => fieldLabel(d.field).toLowerCase());
  if (labels.length <= 1) {
    return `the ${labels[0] ?? 'details'}`;
  }
  if (labels.length <= 3) {
    return `the ${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
  }
  return `the ${labels.slice(0, 3).join(', ')} and ${labels.length - 3} more fields`;
}

/** "changed the status and support" (of the card whose history this is) */
export function changedFieldsText(change: Pick<Change, 'diff'>): string {
  return change.diff.length === 0 ? 'changed nothing visible' : `changed ${fieldsText(change.diff)}`;
}
