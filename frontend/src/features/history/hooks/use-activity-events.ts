import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { subscribeGroupEvents } from '@/lib/group-events';
import { queryKeys } from '@/lib/query-keys';

const SETTLE_MS = 400;
const FRESH_MS = 5_000;

/**
 * Keeps the activity feed current: any change of the group (or a reconnection, after which changes may have been
 * missed) reloads it, a moment after the last event of a burst. The feed pages by change id, so reloading neither
 * repeats nor skips entries.
 */
export function useActivityEvents(slug: string) {
  const queryClient = useQueryClient();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = subscribeGroupEvents(slug, (event) => {
      if (event.type === 'ready') {
        const state = queryClient.getQueryState(queryKeys.activity(slug));
        if (state?.fetchStatus === 'fetching' || (state?.dataUpdatedAt ?? 0) > Date.now() - FRESH_MS) {
          return;
        }
      }
      if (timer === undefined) {
        timer = setTimeout(() => {
          timer = undefined;
          void queryClient.invalidateQueries({ queryKey: queryKeys.activity(slug) });
        }, SETTLE_MS);
      }
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) {
        clearTimeout(timer);
      }
    };
  }, [queryClient, slug]);
}
