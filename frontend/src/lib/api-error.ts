/**
 * The one place where an API failure becomes something the app can reason about (ApiError, by kind) and something a
 * person can read (describeError). Every fetcher throws ApiError; toasts and inline messages use describeError.
 */

export type ApiErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'version-required'
  | 'server'
  | 'network';

export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem detail as the backend sends it (application/problem+json). */
export interface ProblemDetail {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: { field?: string; message?: string }[];
  current?: unknown;
}

function kindOf(status: number): ApiErrorKind {
  switch (status) {
    case 400:
    case 422:
      return 'validation';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
    case 410:
      return 'not-found';
    case 409:
    case 412:
      return 'conflict';
    case 428:
      return 'version-required';
    case 0:
      return 'network';
    default:
      return status >= 500 ? 'server' : 'validation';
  }
}

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly type: string | undefined;
  readonly fieldErrors: FieldError[];
  /** For a conflict: the current state of what the request tried to change, as the server sees it. */
  readonly current: unknown;

  constructor(status: number, problem: ProblemDetail = {}, options?: { cause?: unknown }) {
    const title = problem.title ?? defaultTitle(status);
    super(problem.detail ?? title, options);
    this.name = 'ApiError';
    this.status = status;
    this.kind = kindOf(status);
    this.title = title;
    this.detail = problem.detail;
    this.type = problem.type;
    this.current = problem.current;
    this.fieldErrors = (problem.errors ?? [])
      .filter((e) => e.field || e.message)
      .map((e) => ({ field: e.field ?? '', message: e.message ?? 'is invalid' }));
  }

  static network(cause: unknown): ApiError {
    return new ApiError(0, { title: 'No connection', detail: 'The server could not be reached.' }, { cause });
  }

  /** Makes an ApiError from a failed response and its parsed body (problem+json, other JSON, text or nothing). */
  static fromResponse(response: Response, body: unknown): ApiError {
    if (body && typeof body === 'object' && !Array.isArray(body)) {
      return new ApiError(response.status, body as ProblemDetail);
    }
    const detail = typeof body === 'string' && body.trim() && body.length < 300 ? body.trim() : undefined;
    return new ApiError(response.status, { detail });
  }

  fieldError(field: string): string | undefined {
    return this.fieldErrors.find((e) => e.field === field)?.message;
  }
}

function defaultTitle(status: number): string {
  switch (kindOf(status)) {
    case 'validation':
      return 'Invalid request';
    case 'unauthenticated':
      return 'Sign-in required';
    case 'forbidden':
      return 'Not allowed';
    case 'not-found':
      return 'Not found';
    case 'conflict':
      return 'Changed meanwhile';
    case 'version-required':
      return 'Version required';
    case 'network':
      return 'No connection';
    default:
      return 'Something went wrong';
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export interface ErrorDescription {
  title: string;
  message: string;
  /** Offer "Sign in" (the session is missing or expired). */
  signIn: boolean;
}

/** What to tell a person about a failure. `doing` names the action, e.g. "move the card". */
export function describeError(error: unknown, doing?: string): ErrorDescription {
  const could = doing ? `Could not ${doing}` : 'That did not work';
  if (!isApiError(error)) {
    return { title: could, message: 'An unexpected error happened. Please try again.', signIn: false };
  }
  switch (error.kind) {
    case 'unauthenticated':
      return {
        title: 'Please sign in',
        message: `${could}: you are not signed in (or your session ended).`,
        signIn: true,
      };
    case 'forbidden':
      return {
        title: 'Not allowed',
        message: `${could}: ${error.detail ?? 'you do not have permission to do this.'}`,
        signIn: false,
      };
    case 'conflict':
      return {
        title: 'Changed by someone else',
        message: `${could}: ${error.detail ?? 'it was changed meanwhile.'} The board now shows the current state.`,
        signIn: false,
      };
    case 'not-found':
      return {
        title: 'Not found',
        message: `${could}: ${error.detail ?? 'it no longer exists.'}`,
        signIn: false,
      };
    case 'validation': {
      const fields = error.fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; ');
      return {
        title: error.title,
        message: `${could}: ${fields || error.detail || error.title}`,
        signIn: false,
      };
    }
    case 'network':
      return { title: 'No connection', message: `${could}: the server could not be reached.`, signIn: false };
    case 'version-required':
      return {
        title: error.title,
        message: `${could}: ${error.detail ?? 'the request named no version.'}`,
        signIn: false,
      };
    default:
      return {
        title: 'Server error',
        message: `${could}: the server had a problem${error.detail ? ` (${error.detail})` : ''}. Please try again.`,
        signIn: false,
      };
  }
}
