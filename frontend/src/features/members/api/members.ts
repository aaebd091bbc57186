import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { toMember } from '@/api/mappers';
import { queryKeys } from '@/lib/query-keys';
import type { GroupRole, Member } from '@/types/domain';

export async function getMembers(slug: string) {
  return (await unwrap(api.GET('/api/groups/{slug}/members', { params: { path: { slug } } }))).map(toMember);
}

export const getMembersQueryOptions = (slug: string) =>
  queryOptions({ queryKey: queryKeys.members(slug), queryFn: () => getMembers(slug) });

export function useMembers(slug: string) {
  return useQuery(getMembersQueryOptions(slug));
}

export interface NewMember {
  subject: string;
  displayName: string;
  email: string;
  role: GroupRole;
}

export function useAddMember(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (member: NewMember) =>
      toMember(
        await unwrap(
          api.POST('/api/groups/{slug}/members', {
            params: { path: { slug } },
            body: {
              subject: member.subject.trim(),
              displayName: member.displayName.trim(),
              email: member.email.trim() || undefined,
              role: member.role,
            },
          }),
        ),
      ),
    meta: { doing: 'add the member', silent: true },
    onSuccess: (member) => {
      queryClient.setQueryData<Member[]>(queryKeys.members(slug), (list) =>
        list ? [...list, member] : list,
      );
    },
  });
}

/** Changes a role at once; a refusal (e.g. demoting the last chair: 409) puts it back. */
export function useChangeRole(slug: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.members(slug);
  return useMutation({
    mutationFn: async ({ member, role }: { member: Member; role: GroupRole }) =>
      toMember(
        await unwrap(
          api.PUT('/api/groups/{slug}/members/{id}', {
            params: { path: { slug, id: member.id } },
            body: { displayName: member.displayName, role, version: member.version },
          }),
        ),
      ),
    meta: { doing: 'change the role' },
    onMutate: ({ member, role }) => {
      const previous = queryClient.getQueryData<Member[]>(key);
      queryClient.setQueryData<Member[]>(key, (list) =>
        list?.map((m) => (m.id === member.id ? { ...m, role } : m)),
      );
      return { previous };
    },
    onError: (_error, _variables, context) => {
      queryClient.setQueryData(key, context?.previous);
      void queryClient.invalidateQueries({ queryKey: key });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData<Member[]>(key, (list) => list?.map((m) => (m.id === saved.id ? saved : m)));
      void queryClient.invalidateQueries({ queryKey: queryKeys.group(slug) });
    },
  });
}

export function useRemoveMember(slug: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.members(slug);
  return useMutation({
    mutationFn: async (member: Member) => {
      await unwrap(
        api.DELETE('/api/groups/{slug}/members/{id}', {
          params: { path: { slug, id: member.id } },
          headers: { 'If-Match': `"${member.version}"` },
        }),
      );
    },
    meta: { doing: 'remove the member' },
    onMutate: (member) => {
      const previous = queryClient.getQueryData<Member[]>(key);
      queryClient.setQueryData<Member[]>(key, (list) => list?.filter((m) => m.id !== member.id));
      return { previous };
    },
    onError: (_error, _member, context) => {
      queryClient.setQueryData(key, context?.previous);
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}
