import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { showToast } from '@/components/ui/toast-store';
import { signInUrl } from '@/config/env';
import { describeError, isApiError } from './api-error';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** What the mutation does, for messages: "move the card". */
      doing?: string;
      /** The mutation tells the person itself (e.g. inline in a form); no toast. */
      silent?: boolean;
    };
    queryMeta: { doing?: string };
  }
}

/** Shows an API failure to the person: the one place a problem becomes a toast. */
export function notifyError(error: unknown, doing?: string) {
  const { title, message, signIn } = describeError(error, doing);
  showToast({
    tone: 'error',
    title,
    message,
    action: signIn
      ? { label: 'Sign in', href: signInUrl(window.location.pathname + window.location.search) }
      : undefined,
  });
}

export function makeQueryClient() {
  return new QueryClient({
    queryCache: new QueryCache({
      onError(error, query) {
        // A first load that fails is shown in place by the page; a refresh that fails after data was shown is a toast.
        if (query.state.data !== undefined) {
          notifyError(error, query.meta?.doing ?? 'refresh');
        }
      },
    }),
    mutationCache: new MutationCache({
      onError(error, _variables, _context, mutation) {
        if (!mutation.meta?.silent) {
          notifyError(error, mutation.meta?.doing);
        }
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 20_000,
        refetchOnWindowFocus: true,
        retry: (failureCount, error) =>
          failureCount < 2 && (!isApiError(error) || error.kind === 'network' || error.kind === 'server'),
      },
      mutations: { retry: false },
    },
  });
}
