/**
 * Small edits of the cached board shared by features that change cards (cards, meetings), so they can update the
 * board optimistically without importing the board feature.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { Board, Card } from '@/types/domain';
import { queryKeys } from './query-keys';

function mapCards(board: Board, map: (cards: Card[]) => Card[]): Board {
  return {
    ...board,
    backlog: map(board.backlog),
    columns: board.columns.map((column) => ({ ...column, cards: map(column.cards) })),
  };
}

/** Replaces the card in place (same column, same position); returns the board before, for a rollback. */
export function putCardInBoard(client: QueryClient, slug: string, card: Card): Board | undefined {
  const key = queryKeys.board(slug);
  const previous = client.getQueryData<Board>(key);
  if (previous) {
    client.setQueryData<Board>(
      key,
      mapCards(previous, (cards) => cards.map((c) => (c.id === card.id ? card : c))),
    );
  }
  return previous;
}

export function removeCardFromBoard(client: QueryClient, slug: string, cardId: number): Board | undefined {
  const key = queryKeys.board(slug);
  const previous = client.getQueryData<Board>(key);
  if (previous) {
    client.setQueryData<Board>(
      key,
      mapCards(previous, (cards) => cards.filter((c) => c.id !== cardId)),
    );
  }
  return previous;
}

/** Appends a card at the end of its column (where the server puts a new card). */
export function appendCardToBoard(client: QueryClient, slug: string, card: Card): Board | undefined {
  const key = queryKeys.board(slug);
  const previous = client.getQueryData<Board>(key);
  if (previous) {
    client.setQueryData<Board>(key, {
      ...previous,
      backlog: card.month ? previous.backlog : [...previous.backlog, card],
      columns: previous.columns.map((column) =>
        card.month && column.month.key === card.month.key
          ? { ...column, cards: [...column.cards, card] }
          : column,
      ),
    });
  }
  return previous;
}

export function restoreBoard(client: QueryClient, slug: string, board: Board | undefined) {
  if (board) {
    client.setQueryData<Board>(queryKeys.board(slug), board);
  }
}
