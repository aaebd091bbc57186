/**
 * Endpoints of docs/api-contract.md that are not yet in the backend's OpenAPI document, written by hand in the shape
 * openapi-typescript generates (response fields optional, as the backend's generator emits them). Empty while the
 * document covers the whole contract.
 *
 * Delete an entry here as soon as `npm run generate:api` brings it into schema.d.ts: the generated type wins.
 */
import type { components } from './schema';

export type CardStatus = components['schemas']['CardStatus'];

export type ContractSchemas = Record<never, never>;

export type contractPaths = Record<never, never>;
