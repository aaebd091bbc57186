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
  /** /api/me: the identity feature (sign-in through the backend). */
  Me: {
    authenticated?: boolean;
    subject?: string | null;
    name?: string | null;
    email?: string | null;
    roles?: string[];
    memberships?: { slug?: string; name?: string; role?: S['GroupRole'] }[];
  };
}

type Problem = {
  headers: { [name: string]: unknown };
  content: { 'application/problem+json': S['Problem'] };
};
type NoParameters = { query?: never; header?: never; path?: never; cookie?: never };

export interface contractPaths {
  '/api/me': {
    parameters: NoParameters;
    get: {
      parameters: NoParameters;
      requestBody?: never;
      responses: {
        200: { headers: { [name: string]: unknown }; content: { 'application/json': ContractSchemas['Me'] } };
        default: Problem;
      };
    };
  };
}
