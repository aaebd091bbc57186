/**
 * The one API client: openapi-fetch over the types generated from the backend's OpenAPI document. Same origin, the
 * session cookie goes along; unsafe requests carry X-Requested-With so the backend can refuse cross-site forms.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { ApiPaths } from '@/api/types';
import { env } from '@/config/env';
import { ApiError } from './api-error';

const sameOriginHeaders: Middleware = {
  onRequest({ request }) {
    request.headers.set('X-Requested-With', 'XMLHttpRequest');
    if (!request.headers.has('Accept')) {
      request.headers.set('Accept', 'application/json, application/problem+json');
    }
    return request;
  },
};

export const api = createClient<ApiPaths>({
  baseUrl: env.apiBaseUrl,
  credentials: 'same-origin',
  // Looked up on every call (not captured once), so tests can stand in for the network.
  fetch: (request) => globalThis.fetch(request),
});
api.use(sameOriginHeaders);

type Result = { data?: unknown; error?: unknown; response: Response };

/** Awaits an openapi-fetch call: its data on success, otherwise throws an ApiError (network failures included). */
export async function unwrap<R extends Result>(call: Promise<R>): Promise<Exclude<R['data'], undefined>> {
  let result: R;
  try {
    result = await call;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }
    throw ApiError.network(error);
  }
  if (!result.response.ok) {
    throw ApiError.fromResponse(result.response, result.error);
  }
  return result.data as Exclude<R['data'], undefined>;
}
