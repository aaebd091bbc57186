import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { toChange } from '@/api/mappers';
import { queryKeys } from '@/lib/query-keys';
import type { Change, CursorPage } from '@/types/domain';

export const CARD_HISTORY_PAGE_SIZE = 20;

/** One page (0 = the newest changes) of a card's history, newest first. */
export async function getCardHistory(
  slug: string,
  cardId: number,
  page: number,
  size = CARD_HISTORY_PAGE_SIZE,
): Promise<CursorPage<Change, number>> {
  const dto = await unwrap(
    api.GET('/api/groups/{slug}/cards/{id}/history', {
      params: { path: { slug, id: cardId }, query: { page, size } },
    }),
  );
  const items = (dto.items ?? []).map(toChange);
  const total = dto.total ?? items.length;
  return { items, total, next: (page + 1) * size < total && items.length > 0 ? page + 1 : null };
}

/** The history as of the card's `version`: a newer version (a change anyone made) loads it again. */
export const getCardHistoryQueryOptions = (slug: string, cardId: number, version: number) =>
  infiniteQueryOptions({
    queryKey: queryKeys.cardHistory(slug, cardId, version),
    queryFn: ({ pageParam }) => getCardHistory(slug, cardId, pageParam),
    initialPageParam: 0,
    getNextPageParam: (last) => last.next,
    // While a newer version loads, the older history stays on screen instead of a skeleton.
    placeholderData: keepPreviousData,
    meta: { doing: 'load the history' },
  });

export function useCardHistory(slug: string, cardId: number, version: number) {
  return useInfiniteQuery(getCardHistoryQueryOptions(slug, cardId, version));
}
