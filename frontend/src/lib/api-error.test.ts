import { describe, expect, it } from 'vitest';
import { ApiError, describeError } from './api-error';

const response = (status: number) => new Response(null, { status });

describe('problem+json becomes a typed error', () => {
  it('shouldReadTheProblemFieldsAndFieldErrors', () => {
    const error = ApiError.fromResponse(response(400), {
      type: '/problems/validation',
      title: 'Invalid request',
      status: 400,
      detail: 'title: must not be blank',
      errors: [{ field: 'title', message: 'must not be blank' }],
    });
    expect(error.kind).toBe('validation');
    expect(error.fieldError('title')).toBe('must not be blank');
    expect(describeError(error, 'save the card').message).toBe(
      'Could not save the card: title: must not be blank',
    );
  });

  it('shouldKeepTheCurrentStateOfAConflict', () => {
    const error = ApiError.fromResponse(response(409), {
      title: 'Conflict',
      detail: 'Card 7 has version 3',
      current: { id: 7 },
    });
    expect(error.kind).toBe('conflict');
    expect(error.current).toEqual({ id: 7 });
    expect(describeError(error, "move 'A'")).toMatchObject({
      title: 'Changed by someone else',
      message: "Could not move 'A': Card 7 has version 3 The board now shows the current state.",
    });
  });

  it('shouldOfferSignInForA401', () => {
    const description = describeError(ApiError.fromResponse(response(401), undefined), 'move the card');
    expect(description.signIn).toBe(true);
    expect(description.title).toBe('Please sign in');
  });

  it('shouldExplainA403WithTheServersDetail', () => {
    const error = ApiError.fromResponse(response(403), { detail: "Only members of 'x' may change its plan" });
    expect(describeError(error, 'move the card').message).toBe(
      "Could not move the card: Only members of 'x' may change its plan",
    );
  });

  it('shouldCopeWithNonJsonBodiesAndNetworkFailures', () => {
    expect(ApiError.fromResponse(response(502), 'Bad gateway').kind).toBe('server');
    expect(ApiError.network(new TypeError('fetch failed')).kind).toBe('network');
    expect(describeError(new Error('boom')).signIn).toBe(false);
  });
});
