import type { ReactElement, ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { Toaster } from '@/components/ui/toaster';

export function testQueryClient() {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } },
  });
}

export function Providers({
  client,
  children,
  route = '/',
}: {
  client: QueryClient;
  children: ReactNode;
  route?: string;
}) {
  return (
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[route]}>{children}</MemoryRouter>
      <Toaster />
    </QueryClientProvider>
  );
}

export function renderWithProviders(ui: ReactElement, { client = testQueryClient(), route = '/' } = {}) {
  return {
    client,
    ...render(ui, {
      wrapper: ({ children }) => (
        <Providers client={client} route={route}>
          {children}
        </Providers>
      ),
    }),
  };
}

/** What a fake server answers: JSON (problem+json for 4xx/5xx), or `text` with its own content type. */
export type FakeAnswer = { status: number; body?: unknown; text?: string; contentType?: string };

/** A fetch stand-in: answers JSON (or problem+json for 4xx/5xx) or text, and records the requests it saw. */
export function fakeFetch(answer: (request: Request) => FakeAnswer | Promise<FakeAnswer>) {
  const requests: { method: string; url: string; body: unknown; headers: Headers }[] = [];
  const fetch = async (input: Request) => {
    const text = input.method === 'GET' || input.method === 'DELETE' ? '' : await input.clone().text();
    const json = (input.headers.get('Content-Type') ?? 'application/json').includes('json');
    requests.push({
      method: input.method,
      url: input.url,
      body: text ? (json ? JSON.parse(text) : text) : undefined,
      headers: input.headers,
    });
    const { status, body, text: answerText, contentType } = await answer(input);
    if (answerText !== undefined) {
      return new Response(answerText, {
        status,
        headers: { 'Content-Type': contentType ?? 'text/plain' },
      });
    }
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  };
  return { fetch, requests };
}
