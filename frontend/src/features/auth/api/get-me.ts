import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { isApiError } from '@/lib/api-error';
import { toMe } from '@/api/mappers';
import { queryKeys } from '@/lib/query-keys';
import type { Me } from '@/types/domain';

export const anonymous: Me = {
  authenticated: false,
  subject: null,
  name: '',
  email: null,
  roles: [],
  memberships: [],
};

export async function getMe(): Promise<Me> {
  try {
    return toMe(await unwrap(api.GET('/api/me')));
  } catch (error) {
    // No session (or an identity endpoint that is not deployed): a visitor, not a failure.
    if (isApiError(error) && (error.kind === 'unauthenticated' || error.kind === 'not-found')) {
      return anonymous;
    }
    throw error;
  }
}

export const getMeQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.me(), queryFn: getMe, staleTime: 5 * 60_000 });

export function useMe() {
  return useQuery(getMeQueryOptions());
}
