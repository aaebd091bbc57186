/**
 * Endpoints of docs/api-contract.md that are not yet in the backend's OpenAPI document, written by hand in the shape
 * openapi-typescript generates (response fields optional, as the backend's generator emits them).
 *
 * Delete an entry here as soon as `npm run generate:api` brings it into schema.d.ts: the generated type wins.
 */
import type { components } from './schema';

type S = components['schemas'];
export type CardStatus = S['CardStatus'];

export interface ContractSchemas {
  Measure: { label?: string; target?: number | null; current?: number | null };
  Goal: {
    id?: number;
    position?: number;
    title?: string;
    description?: string | null;
    color?: string | null;
    measure?: ContractSchemas['Measure'] | null;
    version?: number;
  };
  GoalRequest: {
    title: string;
    description?: string | null;
    color?: string | null;
    measure?: ContractSchemas['Measure'] | null;
    position?: number;
    version?: number;
  };
  Phase: {
    id?: number;
    name?: string;
    startMonth?: S['YearMonth'];
    endMonth?: S['YearMonth'];
    focus?: string | null;
    activities?: string | null;
    outcomes?: string | null;
    version?: number;
  };
  Milestone: {
    month?: S['YearMonth'];
    title?: string | null;
    focus?: string | null;
    outcomes?: string | null;
    cardCount?: number;
    version?: number;
  };
  MilestoneUpdate: {
    title?: string | null;
    focus?: string | null;
    outcomes?: string | null;
    version: number;
  };
  Meeting: {
    id?: number;
    number?: number;
    date?: S['LocalDate'] | null;
    time?: string | null;
    timeZone?: string | null;
    tentative?: boolean;
    location?: string | null;
    joinUrl?: string | null;
    objectives?: string[];
    outcome?: string | null;
    minutes?: string | null;
    cardIds?: number[];
    version?: number;
  };
  MeetingRequest: {
    number?: number | null;
    date?: S['LocalDate'] | null;
    time?: string | null;
    timeZone?: string | null;
    tentative: boolean;
    location?: string | null;
    joinUrl?: string | null;
    objectives: string[];
    outcome?: string | null;
    minutes?: string | null;
    cardIds: number[];
    version?: number;
  };
  MeetingPage: { items?: ContractSchemas['Meeting'][]; page?: number; size?: number; total?: number };
  Member: {
    id?: number;
    subject?: string;
    displayName?: string;
    email?: string | null;
    role?: S['GroupRole'];
    version?: number;
  };
  MemberRequest: { subject: string; displayName: string; email?: string | null; role: S['GroupRole'] };
  MemberUpdate: { displayName: string; role: S['GroupRole']; version: number };
  Me: {
    authenticated?: boolean;
    subject?: string | null;
    name?: string | null;
    email?: string | null;
    roles?: string[];
    memberships?: { slug?: string; name?: string; role?: S['GroupRole'] }[];
  };
}

type C = ContractSchemas;
type Json<T> = { content: { 'application/json': T } };
type Ok<T> = { headers: { [name: string]: unknown } } & Json<T>;
type NoContent = { headers: { [name: string]: unknown }; content?: never };
type Problem = {
  headers: { [name: string]: unknown };
  content: { 'application/problem+json': S['Problem'] };
};
type Params<P = never, Q = never> = [P] extends [never]
  ? { query?: Q; header?: never; path?: never; cookie?: never }
  : { query?: Q; header?: never; path: P; cookie?: never };
type Slug = { slug: string };
type SlugId = { slug: string; id: number };
type Read<P, R, Q = never> = {
  parameters: Params<P, Q>;
  requestBody?: never;
  responses: { 200: Ok<R>; default: Problem };
};
type Write<P, B, R, Code extends 200 | 201 = 200> = {
  parameters: Params<P>;
  requestBody: Json<B>;
  responses: { [K in Code]: Ok<R> } & { default: Problem };
};
type Remove<P> = {
  parameters: Params<P>;
  requestBody?: never;
  responses: { 204: NoContent; default: Problem };
};
type Unused = { parameters: { query?: never; header?: never; path?: never; cookie?: never } };

export interface contractPaths {
  '/api/me': Unused & { get: Read<never, C['Me']> };
  '/api/groups/{slug}/goals': Unused & {
    get: Read<Slug, C['Goal'][]>;
    post: Write<Slug, C['GoalRequest'], C['Goal'], 201>;
  };
  '/api/groups/{slug}/goals/{id}': Unused & {
    put: Write<SlugId, C['GoalRequest'], C['Goal']>;
    delete: Remove<SlugId>;
  };
  '/api/groups/{slug}/milestones': Unused & { get: Read<Slug, C['Milestone'][]> };
  '/api/groups/{slug}/milestones/{month}': Unused & {
    put: Write<{ slug: string; month: string }, C['MilestoneUpdate'], C['Milestone']>;
  };
  '/api/groups/{slug}/phases': Unused & { get: Read<Slug, C['Phase'][]> };
  '/api/groups/{slug}/meetings': Unused & {
    get: Read<Slug, C['MeetingPage'], { when?: 'upcoming' | 'past' | 'all'; page?: number; size?: number }>;
    post: Write<Slug, C['MeetingRequest'], C['Meeting'], 201>;
  };
  '/api/groups/{slug}/meetings/{id}': Unused & {
    get: Read<SlugId, C['Meeting']>;
    put: Write<SlugId, C['MeetingRequest'], C['Meeting']>;
    delete: Remove<SlugId>;
  };
  '/api/groups/{slug}/members': Unused & {
    get: Read<Slug, C['Member'][]>;
    post: Write<Slug, C['MemberRequest'], C['Member'], 201>;
  };
  '/api/groups/{slug}/members/{id}': Unused & {
    put: Write<SlugId, C['MemberUpdate'], C['Member']>;
    delete: Remove<SlugId>;
  };
}
