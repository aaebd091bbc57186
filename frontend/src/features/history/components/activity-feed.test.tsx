import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { changeDto, changePage } from '@/testing/fixtures/changes';
import { FakeEventSource } from '@/testing/fake-event-source';
import { fakeFetch, renderWithProviders } from '@/testing/render';
import type { Change } from '@/types/domain';
import { ActivityFeed } from './activity-feed';

const slug = 'core-infra-roadmap';
const now = new Date('2024-06-12T15:00:00Z');
// The route decides where entries lead (app/routes/activity.tsx); here: cards that still exist, and meetings.
const hrefFor = (change: Change) =>
  change.action === 'DELETED'
    ? null
    : change.entityType === 'CARD'
      ? `/groups/${slug}/board?card=${change.entityId}`
      : change.entityType === 'MEETING'
        ? `/groups/${slug}/meetings`
        : null;

function renderFeed() {
  return renderWithProviders(<ActivityFeed slug={slug} hrefFor={hrefFor} now={now} />);
}

beforeEach(() => {
  FakeEventSource.reset();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ActivityFeed', () => {
  it('shouldListChangesNewestFirstByDayLinkedToWhatTheyConcern', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch(() => ({
        status: 200,
        body: changePage([
          changeDto({
            id: 9,
            type: 'card.moved',
            action: 'MOVED',
            entityId: 41,
            title: 'Draft charter',
            summary: 'moved from May to June',
            diff: { month: ['2024-05', '2024-06'] },
            at: '2024-06-12T14:00:00Z',
          }),
          changeDto({
            id: 8,
            type: 'meeting.updated',
            entityType: 'MEETING',
            entityId: 7,
            title: '#3',
            summary: 'confirmed',
            diff: { tentative: [true, false] },
            actor: { subject: 'sub-bob', name: 'Bob' },
            at: '2024-06-12T10:00:00Z',
          }),
          changeDto({
            id: 7,
            type: 'card.deleted',
            action: 'DELETED',
            entityId: 40,
            title: 'Old idea',
            summary: 'deleted from the backlog',
            diff: {},
            at: '2024-06-03T10:00:00Z',
          }),
        ]),
      })).fetch,
    );
    renderFeed();

    const entries = await screen.findAllByTestId('activity-entry');
    expect(entries.map((e) => e.querySelector('p')!.textContent)).toEqual([
      "Alice Example moved 'Draft charter' from May to June",
      'Bob confirmed meeting #3',
      "Alice Example deleted 'Old idea' from the backlog",
    ]);
    expect(within(entries[0]!).getByRole('link', { name: "'Draft charter'" })).toHaveAttribute(
      'href',
      `/groups/${slug}/board?card=41`,
    );
    expect(within(entries[1]!).getByRole('link', { name: '#3' })).toHaveAttribute(
      'href',
      `/groups/${slug}/meetings`,
    );
    // A deleted card has nothing to open.
    expect(within(entries[2]!).queryByRole('link')).not.toBeInTheDocument();
    expect(within(entries[1]!).getByText('Tentative').nextElementSibling).toHaveTextContent(
      'from Yes → to No',
    );
    expect(screen.getByRole('heading', { name: 'Today' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Monday 3 June 2024' })).toBeInTheDocument();
    expect(screen.getByText('All 3 changes')).toBeInTheDocument();
  });

  it('shouldPageBackByTheLastChangeShown', async () => {
    const server = fakeFetch((request) => {
      const before = new URL(request.url).searchParams.get('before');
      return before === null
        ? { status: 200, body: changePage([changeDto({ id: 50 }), changeDto({ id: 49 })], 3) }
        : { status: 200, body: changePage([changeDto({ id: 48, summary: 'title "A" -> "B"' })], 1) };
    });
    vi.stubGlobal('fetch', server.fetch);
    renderFeed();

    expect(await screen.findAllByTestId('activity-entry')).toHaveLength(2);
    expect(screen.getByText('Showing the latest 2 of 3 changes')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Show older' }));
    await waitFor(() => expect(screen.getAllByTestId('activity-entry')).toHaveLength(3));
    expect(server.requests.map((r) => new URL(r.url).search)).toEqual(['?size=30', '?before=49&size=30']);
    expect(screen.getByText('All 3 changes')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show older' })).not.toBeInTheDocument();
  });

  it('shouldRefreshWhenAChangeArrivesLive', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    let latest = [changeDto({ id: 10, title: 'First' })];
    const server = fakeFetch(() => ({ status: 200, body: changePage(latest) }));
    vi.stubGlobal('fetch', server.fetch);
    renderFeed();
    expect(await screen.findAllByTestId('activity-entry')).toHaveLength(1);

    latest = [
      changeDto({ id: 11, title: 'Second', summary: 'created in June 2024', action: 'CREATED' }),
      ...latest,
    ];
    FakeEventSource.open()[0]!.emit({ type: 'card.created', id: 11, cardId: 3 });
    await waitFor(() => expect(screen.getAllByTestId('activity-entry')).toHaveLength(2));
    expect(screen.getAllByTestId('activity-entry')[0]).toHaveTextContent("created 'Second' in June 2024");
  });

  it('shouldSayWhenThereIsNoActivity', async () => {
    vi.stubGlobal('fetch', fakeFetch(() => ({ status: 200, body: changePage([]) })).fetch);
    renderFeed();
    expect(await screen.findByText('No activity yet')).toBeInTheDocument();
  });

  it('shouldExplainAFailure', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch(() => ({ status: 500, body: { title: 'Internal Server Error', status: 500 } })).fetch,
    );
    renderFeed();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not load the activity: the server had a problem',
    );
  });
});
