import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { toGroupSummary, toPage } from '@/api/mappers';
import { queryKeys } from '@/lib/query-keys';

export async function getGroups(q: string) {
  const page = await unwrap(api.GET('/api/groups', { params: { query: { q: q || undefined, size: 200 } } }));
  return toPage(page, toGroupSummary);
}

export const getGroupsQueryOptions = (q = '') =>
  queryOptions({
    queryKey: queryKeys.groups(q),
    queryFn: () => getGroups(q),
    placeholderData: keepPreviousData,
  });

export function useGroups(q = '') {
  return useQuery(getGroupsQueryOptions(q));
}
