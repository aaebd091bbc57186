import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import { changeDto, changePage } from '@/testing/fixtures/changes';
import { FakeEventSource } from '@/testing/fake-event-source';
import { fakeFetch, renderWithProviders } from '@/testing/render';
import { LiveNotices } from './live-notices';

const alice = { subject: 'sub-alice', name: 'Alice' };

beforeEach(() => {
  FakeEventSource.reset();
  vi.stubGlobal('EventSource', FakeEventSource);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function stream() {
  const [source] = FakeEventSource.open();
  return (event: object) => act(() => source!.emit(event));
}

describe('LiveNotices', () => {
  it('shouldTellAndAnnounceOthersChangesButNotMine', async () => {
    renderWithProviders(<LiveNotices slug="wg" me="sub-me" />);
    const emit = stream();
    const region = screen.getByTestId('live-notices');
    expect(region).toHaveAttribute('aria-live', 'polite');

    emit({ type: 'ready' });
    emit({
      type: 'card.moved',
      title: 'Mine',
      summary: 'moved from May to June',
      actor: { subject: 'sub-me', name: 'Me' },
    });
    expect(region).toHaveTextContent('');
    expect(screen.queryByText(/Mine/)).not.toBeInTheDocument();

    emit({
      type: 'card.moved',
      entityType: 'CARD',
      title: 'Draft charter',
      summary: 'moved from May to June',
      actor: alice,
    });
    expect(region).toHaveTextContent("Alice moved 'Draft charter' from May to June.");
    // Shown as a toast too, which is not read out a second time.
    const toast = screen.getByText("moved 'Draft charter' from May to June").closest('.toast')!;
    expect(toast).toHaveTextContent('Alice');
    expect(toast).not.toHaveAttribute('role');
  });

  it('shouldCollapseABurstIntoOneNotice', async () => {
    renderWithProviders(<LiveNotices slug="wg" me="sub-me" windowMs={50} />);
    const emit = stream();
    for (let i = 0; i < 12; i++) {
      emit({
        type: 'card.updated',
        entityType: 'CARD',
        title: `Card ${i}`,
        summary: 'status PLANNED -> DONE',
        actor: alice,
      });
    }
    const region = screen.getByTestId('live-notices');
    expect(region).toHaveTextContent("Alice changed 'Card 0': status Planned → Done.");
    await waitFor(() => expect(region).toHaveTextContent('Alice made 12 changes.'));
    // One toast for Alice: the count replaced her first notice.
    expect(screen.getAllByText('Alice')).toHaveLength(1);
    expect(screen.getByText('made 12 changes')).toBeInTheDocument();
  });

  it('shouldFindWhoMadeABatchInTheActivity', async () => {
    const server = fakeFetch(() => ({
      status: 200,
      body: changePage([changeDto({ id: 4720, actor: { subject: 'sub-carol', name: 'Carol' } })], 120),
    }));
    vi.stubGlobal('fetch', server.fetch);
    renderWithProviders(<LiveNotices slug="wg" me="sub-me" />);
    stream()({ type: 'batch', id: 4720, count: 120, summary: 'created 120 cards' });

    const region = screen.getByTestId('live-notices');
    await waitFor(() => expect(region).toHaveTextContent('Carol created 120 cards.'));
    expect(new URL(server.requests[0]!.url).search).toBe('?before=4721&size=1');
  });

  it('shouldKeepQuietAboutMyOwnBatch', async () => {
    const server = fakeFetch(() => ({
      status: 200,
      body: changePage([changeDto({ id: 4720, actor: { subject: 'sub-me', name: 'Me' } })], 120),
    }));
    vi.stubGlobal('fetch', server.fetch);
    renderWithProviders(<LiveNotices slug="wg" me="sub-me" />);
    stream()({ type: 'batch', id: 4720, count: 120, summary: 'created 120 cards' });
    await waitFor(() => expect(server.requests).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(screen.getByTestId('live-notices')).toHaveTextContent('');
    expect(screen.queryByText('created 120 cards')).not.toBeInTheDocument();
  });
});
