import { describe, expect, it } from 'vitest';
import { cardanoBoard, cardByTitle } from '@/testing/fixtures';
import { parseLiveEvent } from '@/lib/group-events';
import { actionFor } from './live-events';

const board = cardanoBoard();
const card = cardByTitle(board, 'Name CIP Reviewer');
const fresh = { boardIsFresh: true };
const stale = { boardIsFresh: false };

describe('live events', () => {
  it('shouldReloadOnReadyUnlessTheBoardWasJustLoaded', () => {
    expect(actionFor({ type: 'ready' }, board, fresh)).toBe('ignore');
    expect(actionFor({ type: 'ready' }, board, stale)).toBe('refetch');
  });

  it('shouldIgnoreACardChangeWhoseVersionIsAlreadyOnScreen', () => {
    const moved = { type: 'card.moved', cardId: card.id, version: card.version };
    expect(actionFor(moved, board, fresh)).toBe('ignore');
    expect(actionFor({ ...moved, version: card.version + 1 }, board, fresh)).toBe('refetch');
  });

  it('shouldRefetchForCardsItDoesNotKnowAndForEveryOtherChange', () => {
    expect(actionFor({ type: 'card.created', cardId: 99_999, version: 0 }, board, fresh)).toBe('refetch');
    expect(actionFor({ type: 'milestone.updated', entityType: 'MILESTONE' }, board, fresh)).toBe('refetch');
    expect(actionFor({ type: 'batch', count: 120 }, board, fresh)).toBe('refetch');
    expect(actionFor({ type: 'resync' }, board, fresh)).toBe('refetch');
  });

  it('shouldRefreshTheGroupOrMeetingsAndStopWhenTheGroupIsDeleted', () => {
    expect(actionFor({ type: 'group.updated' }, board, fresh)).toBe('refetch-group');
    expect(actionFor({ type: 'member.deleted' }, board, fresh)).toBe('refetch-group');
    expect(actionFor({ type: 'meeting.created' }, board, fresh)).toBe('refetch-meetings');
    expect(actionFor({ type: 'group.deleted' }, board, fresh)).toBe('stop');
  });

  it('shouldReadOnlyWellFormedEvents', () => {
    expect(parseLiveEvent('{"type":"card.moved","cardId":3,"version":2}')).toEqual({
      type: 'card.moved',
      cardId: 3,
      version: 2,
    });
    expect(parseLiveEvent(': keep-alive')).toBeNull();
    expect(parseLiveEvent('{"no":"type"}')).toBeNull();
  });
});
