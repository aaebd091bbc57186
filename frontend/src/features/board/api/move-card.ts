import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { toCard } from '@/api/mappers';
import { queryKeys } from '@/lib/query-keys';
import type { Board, Card } from '@/types/domain';
import {
  buildMoveRequest,
  moveCardInBoard,
  replaceCard,
  type ColumnId,
  type Placement,
} from '../lib/board-moves';

/** Moves in flight are known by this key (plus the slug), so live updates wait for them. */
export const MOVE_MUTATION_KEY = ['move-card'] as const;

export interface MoveCardVariables {
  cardId: number;
  to: ColumnId;
  placement: Placement;
  /** The version of the card the move is based on. */
  version: number;
}

export async function moveCard(
  slug: string,
  { cardId, to, placement, version }: MoveCardVariables,
): Promise<Card> {
  const body = buildMoveRequest({ version }, to, placement);
  return toCard(
    await unwrap(
      api.POST('/api/groups/{slug}/cards/{id}/move', { params: { path: { slug, id: cardId } }, body }),
    ),
  );
}

interface Variables extends MoveCardVariables {
  /** The board before the optimistic change: what a refusal restores. */
  previous: Board | undefined;
}

/**
 * One API call per drop. The board changes at once: the cache is updated synchronously, before the request, so a
 * dropped card never flickers back to where it came from. On refusal the previous board is restored and the current
 * state fetched. The caller tells the person what happened (it knows the card's title and the months' names), so the
 * mutation is silent.
 */
export function useMoveCard(slug: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.board(slug);
  const mutation = useMutation<Card, unknown, Variables>({
    mutationKey: [...MOVE_MUTATION_KEY, slug],
    mutationFn: (variables) => moveCard(slug, variables),
    meta: { silent: true, doing: 'move the card' },
    onSuccess(card) {
      queryClient.setQueryData<Board>(key, (board) => (board ? replaceCard(board, card) : board));
    },
    onError(_error, { previous }) {
      if (previous) {
        queryClient.setQueryData<Board>(key, previous);
      }
      // Whatever the reason (changed meanwhile, no permission, gone), show what the server holds now.
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });

  function move(
    variables: MoveCardVariables,
    callbacks: { onSuccess?: (card: Card) => void; onError?: (error: unknown) => void } = {},
  ) {
    void queryClient.cancelQueries({ queryKey: key });
    const previous = queryClient.getQueryData<Board>(key);
    if (previous) {
      queryClient.setQueryData<Board>(
        key,
        moveCardInBoard(previous, variables.cardId, variables.to, variables.placement),
      );
    }
    mutation.mutate({ ...variables, previous }, callbacks);
  }

  return { move, isPending: mutation.isPending };
}
