import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { toBoard } from '@/api/mappers';
import { queryKeys } from '@/lib/query-keys';

export async function getBoard(slug: string) {
  return toBoard(await unwrap(api.GET('/api/groups/{slug}/board', { params: { path: { slug } } })));
}

export const getBoardQueryOptions = (slug: string) =>
  queryOptions({
    queryKey: queryKeys.board(slug),
    queryFn: () => getBoard(slug),
    meta: { doing: 'refresh the board' },
  });

export function useBoard(slug: string) {
  return useQuery(getBoardQueryOptions(slug));
}
