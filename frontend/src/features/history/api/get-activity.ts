import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { toChange } from '@/api/mappers';
import { queryKeys } from '@/lib/query-keys';
import type { Change, CursorPage } from '@/types/domain';

export const ACTIVITY_PAGE_SIZE = 30;

/**
 * The group's changes older than `before` (a change id; none: the newest), newest first. Paging by the last id shown
 * means changes made meanwhile neither shift nor repeat entries.
 */
export async function getActivity(
  slug: string,
  before: number | undefined,
  size = ACTIVITY_PAGE_SIZE,
): Promise<CursorPage<Change, number>> {
  const dto = await unwrap(
    api.GET('/api/groups/{slug}/activity', {
      params: { path: { slug }, query: before === undefined ? { size } : { before, size } },
    }),
  );
  const items = (dto.items ?? []).map(toChange);
  const total = dto.total ?? items.length;
  const last = items[items.length - 1];
  return { items, total, next: last && total > items.length ? last.id : null };
}

export const getActivityQueryOptions = (slug: string) =>
  infiniteQueryOptions({
    queryKey: queryKeys.activity(slug),
    queryFn: ({ pageParam }) => getActivity(slug, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    meta: { doing: 'refresh the activity' },
  });

export function useActivity(slug: string) {
  return useInfiniteQuery(getActivityQueryOptions(slug));
}

/** The change with this id (its actor, for a batch event, which names none). */
export async function getChange(slug: string, id: number): Promise<Change | null> {
  const page = await getActivity(slug, id + 1, 1);
  const change = page.items[0];
  return change && change.id === id ? change : null;
}
