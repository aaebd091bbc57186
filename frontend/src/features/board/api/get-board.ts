import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { toBoard } from '@/api/mappers';
import { queryKeys } from '@/lib/query-keys';
import { env } from '@/config/env';
import type { Dto } from '@/api/types';

type Preload = { url: string; response: Promise<Response | null> };

declare global {
  interface Window {
    /** Set by public/board-preload.js when the page opened on a board: its request, started before the app loaded. */
    milepostBoardPreload?: Preload;
  }
}

/** The board's request that public/board-preload.js started, once, if it is this board's and it answered with one. */
async function takePreloadedBoard(slug: string): Promise<Dto<'Board'> | undefined> {
  const preload = window.milepostBoardPreload;
  const url = `${env.apiBaseUrl || window.location.origin}/api/groups/${encodeURIComponent(slug)}/board`;
  if (!preload || preload.url !== url) {
    return undefined; // another board's, or the API lives elsewhere (VITE_API_BASE_URL)
  }
  delete window.milepostBoardPreload;
  const response = await preload.response;
  if (!response?.ok || !response.headers.get('Content-Type')?.includes('json')) {
    return undefined; // asked again below, which reports what went wrong the usual way
  }
  try {
    return (await response.json()) as Dto<'Board'>;
  } catch {
    return undefined;
  }
}

export async function getBoard(slug: string) {
  const preloaded = await takePreloadedBoard(slug);
  if (preloaded) {
    return toBoard(preloaded);
  }
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
