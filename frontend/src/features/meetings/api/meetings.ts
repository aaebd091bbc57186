import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { meetingRequest, toMeeting, toPage } from '@/api/mappers';
import { queryKeys } from '@/lib/query-keys';
import type { Meeting, MeetingFields, Page } from '@/types/domain';

export type When = 'upcoming' | 'past' | 'all';

export async function getMeetings(slug: string, when: When): Promise<Page<Meeting>> {
  const page = await unwrap(
    api.GET('/api/groups/{slug}/meetings', { params: { path: { slug }, query: { when, size: 200 } } }),
  );
  return toPage(page, toMeeting);
}

export const getMeetingsQueryOptions = (slug: string, when: When) =>
  queryOptions({ queryKey: queryKeys.meetings(slug, when), queryFn: () => getMeetings(slug, when) });

export function useMeetings(slug: string, when: When) {
  return useQuery(getMeetingsQueryOptions(slug, when));
}

export async function createMeeting(slug: string, fields: MeetingFields): Promise<Meeting> {
  return toMeeting(
    await unwrap(
      api.POST('/api/groups/{slug}/meetings', { params: { path: { slug } }, body: meetingRequest(fields) }),
    ),
  );
}

export async function updateMeeting(slug: string, meeting: Meeting, fields: MeetingFields): Promise<Meeting> {
  return toMeeting(
    await unwrap(
      api.PUT('/api/groups/{slug}/meetings/{id}', {
        params: { path: { slug, id: meeting.id } },
        body: meetingRequest(fields, meeting.version),
      }),
    ),
  );
}

export async function deleteMeeting(slug: string, meeting: Meeting): Promise<void> {
  await unwrap(
    api.DELETE('/api/groups/{slug}/meetings/{id}', {
      params: { path: { slug, id: meeting.id } },
      headers: { 'If-Match': `"${meeting.version}"` },
    }),
  );
}

function useRefresh(slug: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.allMeetings(slug) }),
      // The board shows meetings in their month, the group list the next meeting.
      queryClient.invalidateQueries({ queryKey: queryKeys.board(slug) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.allGroups() }),
    ]);
}

type Lists = [readonly unknown[], Page<Meeting> | undefined][];

/** Writes a meeting into every cached list at once (optimistic), returning what to restore on refusal. */
function patchLists(
  queryClient: ReturnType<typeof useQueryClient>,
  slug: string,
  change: (items: Meeting[]) => Meeting[],
): Lists {
  const lists = queryClient.getQueriesData<Page<Meeting>>({ queryKey: queryKeys.allMeetings(slug) });
  for (const [key, page] of lists) {
    if (page) {
      queryClient.setQueryData<Page<Meeting>>(key, { ...page, items: change(page.items) });
    }
  }
  return lists;
}

function restoreLists(queryClient: ReturnType<typeof useQueryClient>, lists: Lists | undefined) {
  for (const [key, page] of lists ?? []) {
    queryClient.setQueryData(key, page);
  }
}

export function useSaveMeeting(slug: string) {
  const queryClient = useQueryClient();
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: ({ meeting, fields }: { meeting: Meeting | null; fields: MeetingFields }) =>
      meeting ? updateMeeting(slug, meeting, fields) : createMeeting(slug, fields),
    meta: { doing: 'save the meeting', silent: true },
    onMutate: ({ meeting, fields }) =>
      meeting
        ? {
            lists: patchLists(queryClient, slug, (items) =>
              items.map((m) =>
                m.id === meeting.id ? { ...m, ...fields, number: fields.number ?? m.number } : m,
              ),
            ),
          }
        : { lists: undefined },
    onError: (_error, _variables, context) => {
      restoreLists(queryClient, context?.lists);
    },
    onSettled: refresh,
  });
}

export function useDeleteMeeting(slug: string) {
  const queryClient = useQueryClient();
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (meeting: Meeting) => deleteMeeting(slug, meeting),
    meta: { doing: 'delete the meeting' },
    onMutate: (meeting) => ({
      lists: patchLists(queryClient, slug, (items) => items.filter((m) => m.id !== meeting.id)),
    }),
    onError: (_error, _meeting, context) => restoreLists(queryClient, context?.lists),
    onSettled: refresh,
  });
}
