import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { toGoal } from '@/api/mappers';
import { queryKeys } from '@/lib/query-keys';

export async function getGoals(slug: string) {
  return (await unwrap(api.GET('/api/groups/{slug}/goals', { params: { path: { slug } } }))).map(toGoal);
}

export const getGoalsQueryOptions = (slug: string) =>
  queryOptions({ queryKey: queryKeys.goals(slug), queryFn: () => getGoals(slug) });

export function useGoals(slug: string) {
  return useQuery(getGoalsQueryOptions(slug));
}
