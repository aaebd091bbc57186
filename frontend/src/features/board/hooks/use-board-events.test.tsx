import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryClientProvider } from '@tanstack/react-query';
import { renderHook } from '@testing-library/react';
import { queryKeys } from '@/lib/query-keys';
import { FakeEventSource } from '@/testing/fake-event-source';
import { cardanoBoard, cardByTitle } from '@/testing/fixtures';
import { testQueryClient } from '@/testing/render';
import { replaceCard } from '../lib/board-moves';
import { useBoardEvents } from './use-board-events';

const SLUG = 'cardano';

beforeEach(() => {
  FakeEventSource.reset();
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function setUp() {
  const client = testQueryClient();
  const board = cardanoBoard({ canEdit: true });
  client.setQueryData(queryKeys.board(SLUG), board);
  const invalidate = vi.spyOn(client, 'invalidateQueries').mockResolvedValue();
  renderHook(() => useBoardEvents(SLUG), {
    wrapper: ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    ),
  });
  const [source] = FakeEventSource.open();
  const boardRefetches = () =>
    invalidate.mock.calls.filter(([filters]) => {
      const key = filters?.queryKey ?? [];
      return JSON.stringify(key) === JSON.stringify(queryKeys.board(SLUG));
    }).length;
  return { client, board, source: source!, boardRefetches };
}

describe('useBoardEvents', () => {
  it('shouldNotRefetchTheBoardForOnesOwnMoveWhoseAnswerArrivedAfterItsEvent', () => {
    const { client, board, source, boardRefetches } = setUp();
    const card = cardByTitle(board, 'Name CIP Reviewer');

    // The event of the move arrives first, while the board still shows the old version…
    source.emit({ type: 'card.moved', cardId: card.id, version: card.version + 1 });
    // …then the move's answer puts the new version into the cache.
    client.setQueryData(queryKeys.board(SLUG), replaceCard(board, { ...card, version: card.version + 1 }));
    vi.advanceTimersByTime(1_000);

    expect(boardRefetches()).toBe(0);
  });

  it('shouldRefetchTheBoardForSomeoneElsesChange', () => {
    const { board, source, boardRefetches } = setUp();
    const card = cardByTitle(board, 'Name CIP Reviewer');

    source.emit({ type: 'card.moved', cardId: card.id, version: card.version + 1 });
    vi.advanceTimersByTime(1_000);

    expect(boardRefetches()).toBe(1);
  });

  it('shouldRefetchTheBoardForAChangeWithoutACard', () => {
    const { source, boardRefetches } = setUp();

    source.emit({ type: 'milestone.updated', entityType: 'MILESTONE' });
    vi.advanceTimersByTime(1_000);

    expect(boardRefetches()).toBe(1);
  });
});
