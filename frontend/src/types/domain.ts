/** What the app works with. The API layer (src/api/mappers.ts) turns wire DTOs into these and back. */
import type { CardStatus } from '@/api/types';
import type { CalendarDate, Month } from '@/lib/months';

export type { CardStatus };
export type GroupRole = 'CHAIR' | 'MEMBER' | 'OBSERVER';
export type Visibility = 'PUBLIC' | 'MEMBERS';

export interface Group {
  slug: string;
  name: string;
  mission: string;
  description: string;
  visibility: Visibility;
  planStart: Month;
  planEnd: Month;
  version: number;
  myRole: GroupRole | null;
  canEdit: boolean;
  canManage: boolean;
}

export interface NextMeeting {
  number: number;
  date: CalendarDate | null;
  tentative: boolean;
  location: string;
}

export interface GroupSummary {
  slug: string;
  name: string;
  mission: string;
  visibility: Visibility;
  planStart: Month | null;
  planEnd: Month | null;
  myRole: GroupRole | null;
  nextMeeting: NextMeeting | null;
}

export interface Measure {
  label: string;
  target: number | null;
  current: number | null;
}

export interface Goal {
  id: number;
  position: number;
  title: string;
  description: string;
  color: string | null;
  measure: Measure | null;
  version: number;
}

export interface Phase {
  id: number;
  name: string;
  start: Month;
  end: Month;
  focus: string;
  activities: string;
  outcomes: string;
  version: number;
}

export interface Card {
  id: number;
  title: string;
  description: string;
  status: CardStatus;
  responsible: string;
  support: string;
  deliverable: string;
  goalId: number | null;
  /** null: the card is in the backlog. */
  month: Month | null;
  version: number;
  /** Identity-provider subjects, and the display names people know ('' when not recorded). */
  createdBy: string;
  createdByName: string;
  createdAt: string | null;
  updatedBy: string;
  updatedByName: string;
  updatedAt: string | null;
}

/** The editable fields of a card (its month changes through a move). */
export interface CardFields {
  title: string;
  description: string;
  status: CardStatus;
  responsible: string;
  support: string;
  deliverable: string;
  goalId: number | null;
}

export interface MeetingSummary {
  id: number;
  number: number;
  date: CalendarDate | null;
  time: string | null;
  tentative: boolean;
  location: string;
}

export interface Milestone {
  title: string;
  focus: string;
  outcomes: string;
  version: number;
}

export interface BoardColumn {
  month: Month;
  milestone: Milestone;
  cards: Card[];
  meetings: MeetingSummary[];
}

export interface Board {
  group: Group;
  goals: Goal[];
  phases: Phase[];
  columns: BoardColumn[];
  backlog: Card[];
}

export interface Meeting {
  id: number;
  number: number;
  date: CalendarDate | null;
  time: string | null;
  timeZone: string;
  tentative: boolean;
  location: string;
  joinUrl: string;
  objectives: string[];
  outcome: string;
  minutes: string;
  cardIds: number[];
  version: number;
}

export type MeetingFields = Omit<Meeting, 'id' | 'version' | 'number'> & { number: number | null };

export interface Member {
  id: number;
  subject: string;
  displayName: string;
  email: string | null;
  role: GroupRole;
  version: number;
}

export interface Me {
  authenticated: boolean;
  subject: string | null;
  name: string;
  email: string | null;
  roles: string[];
  memberships: { slug: string; name: string; role: GroupRole }[];
}

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

export type EntityType = 'CARD' | 'MILESTONE' | 'PHASE' | 'GOAL' | 'MEETING' | 'GROUP' | 'MEMBER';
export type ChangeAction = 'CREATED' | 'UPDATED' | 'MOVED' | 'DELETED';

/** One changed field, by its API name, with its JSON values before and after (null: none). */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** Who made a change; null for changes made by Milepost itself (demo data at start-up). */
export interface Actor {
  subject: string | null;
  name: string;
}

/** One entry of a card's history or of a group's activity feed. */
export interface Change {
  id: number;
  entityType: EntityType;
  entityId: number;
  action: ChangeAction;
  /** What the entity was called then. */
  title: string;
  /** The month it is in after the change (null: the backlog, or not in a month). */
  month: Month | null;
  actor: Actor | null;
  at: Date | null;
  /** The server's words, e.g. "moved from May to June". */
  summary: string;
  diff: FieldChange[];
}

/** A page reached by a cursor: `next` is what to ask for the older entries, null at the end. */
export interface CursorPage<T, C> {
  items: T[];
  total: number;
  next: C | null;
}

export interface ImportCounts {
  goals: number;
  phases: number;
  months: number;
  cards: number;
  backlogCards: number;
  meetings: number;
}

/** Something of a document the importer did not understand (left out). */
export interface ImportWarning {
  line: number | null;
  text: string;
  reason: string;
}

/** What an import of a document would create; nothing has been written. */
export interface ImportPreview {
  group: {
    name: string;
    slug: string;
    mission: string;
    planStart: Month | null;
    planEnd: Month | null;
  };
  counts: ImportCounts;
  goals: { title: string; measure: string }[];
  phases: { name: string; start: Month | null; end: Month | null; focus: string }[];
  months: { month: Month; title: string; focus: string; cards: string[] }[];
  backlog: string[];
  meetings: {
    number: number | null;
    date: CalendarDate | null;
    time: string | null;
    tentative: boolean;
    location: string;
    objectives: string[];
  }[];
  warnings: ImportWarning[];
  /** What would make the import fail. */
  problems: { field: string; message: string }[];
}

export interface ImportResult {
  slug: string;
  name: string;
  planStart: Month | null;
  planEnd: Month | null;
  counts: ImportCounts;
  warnings: ImportWarning[];
}

/** One of my secret links to a group's calendar (its secret is shown once, when it is made). */
export interface CalendarLink {
  id: number;
  createdAt: Date | null;
}

export interface CalendarLinkCreated extends CalendarLink {
  /** The link as the server sees itself, and its path (the app resolves it against the origin people use). */
  url: string;
  path: string;
}
