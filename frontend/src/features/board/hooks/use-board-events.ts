import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { subscribeGroupEvents, type LiveEvent } from '@/lib/group-events';
import { queryKeys } from '@/lib/query-keys';
import type { Board } from '@/types/domain';
import { MOVE_MUTATION_KEY } from '../api/move-card';
import { actionFor } from '../lib/live-events';

const FRESH_MS = 5_000;
const SETTLE_MS = 250;

/**
 * Keeps the board on screen current while others change it: listens to the group's server-sent events (with the
 * session cookie) and refetches what an event touches, a quarter of a second after the last one, and never while a
 * move of this person is still on its way (its optimistic state would flicker). A card's change is judged once no move
 * is on its way: the event of one's own move often arrives before the move's answer, and once that answer is in the
 * cache the event is old news, so the board (a thousand cards) is not fetched again for it.
 */
export function useBoardEvents(slug: string) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const pending = new Set<'board' | 'group' | 'meetings'>();
    /** Card changes the board did not show yet when they arrived: looked at again when no move is on its way. */
    let cardEvents: LiveEvent[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;

    const flush = () => {
      timer = undefined;
      if (queryClient.isMutating({ mutationKey: [...MOVE_MUTATION_KEY, slug] }) > 0) {
        timer = setTimeout(flush, SETTLE_MS);
        return;
      }
      const board = queryClient.getQueryData<Board>(queryKeys.board(slug));
      if (cardEvents.some((event) => actionFor(event, board, { boardIsFresh: true }) !== 'ignore')) {
        pending.add('board');
      }
      cardEvents = [];
      if (pending.has('board')) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.board(slug) });
      }
      if (pending.has('group')) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.group(slug) });
        void queryClient.invalidateQueries({ queryKey: queryKeys.members(slug) });
      }
      if (pending.has('meetings')) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.allMeetings(slug) });
      }
      pending.clear();
    };
    const schedule = (...what: ('board' | 'group' | 'meetings')[]) => {
      what.forEach((w) => pending.add(w));
      if (timer === undefined) {
        timer = setTimeout(flush, SETTLE_MS);
      }
    };

    // The stream is shared with the rest of the group's page (lib/group-events), which closes it after group.deleted.
    const unsubscribe = subscribeGroupEvents(slug, (event) => {
      const state = queryClient.getQueryState<Board>(queryKeys.board(slug));
      const boardIsFresh =
        state?.fetchStatus === 'fetching' || (state?.dataUpdatedAt ?? 0) > Date.now() - FRESH_MS;
      switch (actionFor(event, state?.data, { boardIsFresh })) {
        case 'refetch':
          if (event.cardId != null && event.version != null) {
            cardEvents.push(event);
            schedule();
          } else {
            schedule('board');
          }
          break;
        case 'refetch-group':
          schedule('board', 'group');
          break;
        case 'refetch-meetings':
          schedule('board', 'meetings');
          break;
        case 'stop':
          schedule('group');
          break;
        default:
          break;
      }
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) {
        clearTimeout(timer);
      }
    };
  }, [queryClient, slug]);
}
