/** The API's wire types: generated from the OpenAPI document, completed by the contract for what is not there yet. */
import type { components, paths as generatedPaths } from './schema';
import type { ContractSchemas, contractPaths } from './contract-paths';

export type Schemas = components['schemas'] & Omit<ContractSchemas, keyof components['schemas']>;
export type Dto<K extends keyof Schemas> = Schemas[K];
export type ApiPaths = generatedPaths & Omit<contractPaths, keyof generatedPaths>;
export type { CardStatus } from './contract-paths';
