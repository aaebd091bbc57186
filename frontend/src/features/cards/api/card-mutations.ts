import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { isApiError } from '@/lib/api-error';
import { cardRequest, cardUpdate, toCard } from '@/api/mappers';
import { appendCardToBoard, putCardInBoard, removeCardFromBoard, restoreBoard } from '@/lib/board-cache';
import { queryKeys } from '@/lib/query-keys';
import type { Month } from '@/lib/months';
import type { Card, CardFields } from '@/types/domain';

export async function createCard(slug: string, fields: CardFields, month: Month | null): Promise<Card> {
  return toCard(
    await unwrap(
      api.POST('/api/groups/{slug}/cards', { params: { path: { slug } }, body: cardRequest(fields, month) }),
    ),
  );
}

export async function updateCard(slug: string, card: Card, fields: CardFields): Promise<Card> {
  return toCard(
    await unwrap(
      api.PUT('/api/groups/{slug}/cards/{id}', {
        params: { path: { slug, id: card.id } },
        body: cardUpdate(fields, card.version),
      }),
    ),
  );
}

export async function deleteCard(slug: string, card: Card): Promise<void> {
  await unwrap(
    api.DELETE('/api/groups/{slug}/cards/{id}', {
      params: { path: { slug, id: card.id } },
      headers: { 'If-Match': `"${card.version}"` },
    }),
  );
}

/** The card as the server holds it now, when a conflict (409) carried it. */
export function currentCardOf(error: unknown): Card | null {
  if (isApiError(error) && error.kind === 'conflict' && error.current && typeof error.current === 'object') {
    const current = toCard(error.current as Parameters<typeof toCard>[0]);
    return current.id ? current : null;
  }
  return null;
}

export function useCreateCard(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ fields, month }: { fields: CardFields; month: Month | null }) =>
      createCard(slug, fields, month),
    meta: { doing: 'add the card' },
    onSuccess(card) {
      appendCardToBoard(queryClient, slug, card);
    },
  });
}

/** Saves a card's fields; the board shows the change at once and goes back if the server refuses. */
export function useUpdateCard(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ card, fields }: { card: Card; fields: CardFields }) => updateCard(slug, card, fields),
    // The dialog explains a refusal next to the form (with the current version for a conflict).
    meta: { doing: 'save the card', silent: true },
    onMutate({ card, fields }) {
      return { previous: putCardInBoard(queryClient, slug, { ...card, ...fields }) };
    },
    onError(error, _variables, context) {
      restoreBoard(queryClient, slug, context?.previous);
      const current = currentCardOf(error);
      if (current) {
        putCardInBoard(queryClient, slug, current);
      } else {
        void queryClient.invalidateQueries({ queryKey: queryKeys.board(slug) });
      }
    },
    onSuccess(card) {
      putCardInBoard(queryClient, slug, card);
    },
  });
}

export function useDeleteCard(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (card: Card) => deleteCard(slug, card),
    meta: { doing: 'delete the card' },
    onMutate(card) {
      return { previous: removeCardFromBoard(queryClient, slug, card.id) };
    },
    onError(_error, _card, context) {
      restoreBoard(queryClient, slug, context?.previous);
      void queryClient.invalidateQueries({ queryKey: queryKeys.board(slug) });
    },
  });
}
