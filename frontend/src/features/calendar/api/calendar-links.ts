import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toCalendarLink, toCalendarLinkCreated } from '@/api/mappers';
import { env } from '@/config/env';
import { api, unwrap } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { CalendarLink } from '@/types/domain';

/** An API path as an absolute URL on the origin people use (calendar apps need the full address). */
export function absoluteApiUrl(path: string): string {
  return new URL(`${env.apiBaseUrl}${path}`, window.location.href).href;
}

/** The public feed of a PUBLIC group's meetings (no sign-in). */
export function publicCalendarUrl(slug: string): string {
  return absoluteApiUrl(`/api/groups/${encodeURIComponent(slug)}/meetings.ics`);
}

/** The same feed for calendar apps: webcal:// opens the subscription dialog of the system's calendar. */
export function webcalUrl(url: string): string {
  return url.replace(/^https?:/, 'webcal:');
}

export async function getCalendarLinks(slug: string): Promise<CalendarLink[]> {
  const links = await unwrap(api.GET('/api/groups/{slug}/calendar-links', { params: { path: { slug } } }));
  return links.map(toCalendarLink);
}

export const getCalendarLinksQueryOptions = (slug: string) =>
  queryOptions({ queryKey: queryKeys.calendarLinks(slug), queryFn: () => getCalendarLinks(slug) });

export function useCalendarLinks(slug: string, enabled = true) {
  return useQuery({ ...getCalendarLinksQueryOptions(slug), enabled });
}

/** A new secret link; its URL is in the answer, this once (the server keeps only a hash of its secret). */
export function useCreateCalendarLink(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const created = toCalendarLinkCreated(
        await unwrap(api.POST('/api/groups/{slug}/calendar-links', { params: { path: { slug } } })),
      );
      return { ...created, url: created.path ? absoluteApiUrl(created.path) : created.url };
    },
    meta: { doing: 'make a calendar link', silent: true },
    onSuccess: (created) => {
      queryClient.setQueryData<CalendarLink[]>(queryKeys.calendarLinks(slug), (links) =>
        links ? [...links, { id: created.id, createdAt: created.createdAt }] : links,
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.calendarLinks(slug) });
    },
  });
}

/** Revokes a link at once; put back if the server refuses. */
export function useRevokeCalendarLink(slug: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.calendarLinks(slug);
  return useMutation({
    mutationFn: async (link: CalendarLink) => {
      await unwrap(
        api.DELETE('/api/groups/{slug}/calendar-links/{id}', { params: { path: { slug, id: link.id } } }),
      );
    },
    meta: { doing: 'revoke the calendar link', silent: true },
    onMutate: (link) => {
      const previous = queryClient.getQueryData<CalendarLink[]>(key);
      queryClient.setQueryData<CalendarLink[]>(key, (links) => links?.filter((l) => l.id !== link.id));
      return { previous };
    },
    onError: (_error, _link, context) => {
      queryClient.setQueryData(key, context?.previous);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
