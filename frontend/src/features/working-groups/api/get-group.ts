import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { toGroup } from '@/api/mappers';
import { queryKeys } from '@/lib/query-keys';

export async function getGroup(slug: string) {
  return toGroup(await unwrap(api.GET('/api/groups/{slug}', { params: { path: { slug } } })));
}

export const getGroupQueryOptions = (slug: string) =>
  queryOptions({ queryKey: queryKeys.group(slug), queryFn: () => getGroup(slug) });

export function useGroup(slug: string) {
  return useQuery(getGroupQueryOptions(slug));
}
