/**
 * What a live event (GET /api/groups/{slug}/events, server-sent) means for the board on screen: pure, tested in
 * live-events.test.ts. The stream says what changed; the board is refetched, never patched from an event.
 */
import type { LiveEvent } from '@/lib/group-events';
import type { Board } from '@/types/domain';
import { findCard } from './board-moves';

export type LiveAction = 'ignore' | 'refetch' | 'refetch-group' | 'refetch-meetings' | 'stop';

/**
 * What to do about one event, given the board on screen. `boardIsFresh`: the board was loaded moments ago (or is being
 * loaded), so the `ready` of a new stream needs no refetch.
 */
export function actionFor(
  event: LiveEvent,
  board: Board | undefined,
  options: { boardIsFresh: boolean },
): LiveAction {
  switch (event.type) {
    case 'ready':
      return options.boardIsFresh ? 'ignore' : 'refetch';
    case 'resync':
    case 'batch':
      return 'refetch';
    case 'group.deleted':
      return 'stop';
    default:
      break;
  }
  if (event.type.startsWith('group.') || event.type.startsWith('member.')) {
    return 'refetch-group';
  }
  if (event.type.startsWith('meeting.')) {
    return 'refetch-meetings';
  }
  if (event.cardId != null && event.version != null && board) {
    // Our own change (or one we already fetched) carries a version we hold: nothing to do.
    const card = findCard(board, event.cardId);
    if (card && card.version >= event.version) {
      return 'ignore';
    }
  }
  return 'refetch';
}
