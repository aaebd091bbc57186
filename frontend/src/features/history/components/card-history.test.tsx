import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { cardanoBoard, cardByTitle } from '@/testing/fixtures';
import { changeDto, changePage } from '@/testing/fixtures/changes';
import { fakeFetch, renderWithProviders } from '@/testing/render';
import { CardDialog } from '@/features/cards/components/card-dialog';
import { CardHistory } from './card-history';

const board = cardanoBoard();
const card = cardByTitle(board, 'Name CIP Reviewer');
const now = new Date('2024-06-12T12:30:00Z');

function renderHistory() {
  return renderWithProviders(
    <CardHistory
      slug="core-infra-roadmap"
      cardId={card.id}
      version={card.version}
      goals={board.goals}
      now={now}
    />,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('CardHistory', () => {
  it('shouldShowWhoChangedWhatFromWhatToWhatAndWhen', async () => {
    const server = fakeFetch(() => ({
      status: 200,
      body: changePage([
        changeDto({
          id: 3,
          diff: { status: ['PLANNED', 'DONE'], goalId: [null, 3], support: ['Aiko', null] },
          summary: 'status PLANNED -> DONE; goal none -> 3; support "Aiko" -> none',
        }),
        changeDto({
          id: 2,
          type: 'card.moved',
          action: 'MOVED',
          actor: { subject: 'sub-bob', name: 'Bob' },
          at: '2024-06-10T08:00:00Z',
          summary: 'moved from August to September',
          diff: { month: ['2024-08', '2024-09'] },
        }),
        changeDto({
          id: 1,
          type: 'card.created',
          action: 'CREATED',
          actor: null as never,
          at: '2024-04-20T09:00:00Z',
          summary: 'created in August 2024',
          diff: { title: [null, 'Name CIP Reviewer'] },
        }),
      ]),
    }));
    vi.stubGlobal('fetch', server.fetch);
    renderHistory();

    const entries = await screen.findAllByTestId('history-entry');
    expect(server.requests[0]!.url).toBe(
      `http://localhost/api/groups/core-infra-roadmap/cards/${card.id}/history?page=0&size=20`,
    );
    expect(entries).toHaveLength(3);
    const [edit, move, created] = entries as [HTMLElement, HTMLElement, HTMLElement];
    expect(edit).toHaveTextContent('Alice Example changed the status, goal and support');
    expect(within(edit).getByText('Status').nextElementSibling).toHaveTextContent('from Planned → to Done');
    expect(within(edit).getByText('Goal').nextElementSibling).toHaveTextContent('from none → to The Process');
    expect(within(edit).getByText('Support').nextElementSibling).toHaveTextContent('from Aiko → to none');
    const time = edit.querySelector('time')!;
    expect(time).toHaveTextContent('3 hours ago');
    expect(time).toHaveAttribute('datetime', '2024-06-12T09:30:00.000Z');
    expect(time.getAttribute('title')).toMatch(/12 Jun 2024, \d\d:30/);
    expect(move).toHaveTextContent('Bob moved from August to September');
    expect(move).toHaveTextContent('2 days ago');
    expect(created).toHaveTextContent('Milepost created in August 2024');
    expect(screen.getByText('3 changes')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show older changes' })).not.toBeInTheDocument();
  });

  it('shouldShowALongTextChangeOnRequest', async () => {
    vi.stubGlobal(
      'fetch',
      fakeFetch(() => ({
        status: 200,
        body: changePage([
          changeDto({ diff: { description: ['Old text', 'A new description\n\nwith two paragraphs'] } }),
        ]),
      })).fetch,
    );
    renderHistory();
    const toggle = await screen.findByText('Show the change');
    const details = toggle.closest('details')!;
    expect(details).not.toHaveAttribute('open');
    fireEvent.click(toggle);
    expect(details).toHaveAttribute('open');
    expect(within(details).getByText(/with two paragraphs/)).toBeInTheDocument();
    expect(within(details).getByText('Old text')).toBeInTheDocument();
  });

  it('shouldLoadOlderChangesOnRequest', async () => {
    const first = Array.from({ length: 20 }, (_, i) => changeDto({ id: 100 - i }));
    const older = Array.from({ length: 5 }, (_, i) => changeDto({ id: 80 - i, summary: 'older' }));
    const server = fakeFetch((request) => {
      const page = new URL(request.url).searchParams.get('page');
      return { status: 200, body: changePage(page === '0' ? first : older, 25, Number(page)) };
    });
    vi.stubGlobal('fetch', server.fetch);
    renderHistory();

    expect(await screen.findAllByTestId('history-entry')).toHaveLength(20);
    expect(screen.getByText('Showing 20 of 25 changes')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Show older changes' }));
    await waitFor(() => expect(screen.getAllByTestId('history-entry')).toHaveLength(25));
    expect(server.requests.map((r) => new URL(r.url).searchParams.get('page'))).toEqual(['0', '1']);
    expect(screen.getByText('25 changes')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Show older changes' })).not.toBeInTheDocument();
  });

  it('shouldSayWhenNothingWasRecordedYet', async () => {
    vi.stubGlobal('fetch', fakeFetch(() => ({ status: 200, body: changePage([]) })).fetch);
    renderHistory();
    expect(await screen.findByText('No changes recorded yet')).toBeInTheDocument();
  });

  it('shouldExplainAFailureAndTryAgain', async () => {
    let fail = true;
    const server = fakeFetch(() =>
      fail
        ? { status: 404, body: { title: 'Not Found', status: 404, detail: `No card ${card.id}` } }
        : { status: 200, body: changePage([changeDto()]) },
    );
    vi.stubGlobal('fetch', server.fetch);
    renderHistory();

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(`Could not load the history: No card ${card.id}`);
    fail = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findAllByTestId('history-entry')).toHaveLength(1);
  });
});

describe('CardDialog with its history', () => {
  it('shouldLoadTheHistoryOnlyWhenItsTabIsOpened', async () => {
    const server = fakeFetch(() => ({ status: 200, body: changePage([changeDto()]) }));
    vi.stubGlobal('fetch', server.fetch);
    renderWithProviders(
      <CardDialog
        slug="core-infra-roadmap"
        card={card}
        goals={board.goals}
        canEdit
        onClose={() => {}}
        renderHistory={(shown) => (
          <CardHistory
            slug="core-infra-roadmap"
            cardId={shown.id}
            version={shown.version}
            goals={board.goals}
          />
        )}
      />,
    );
    const dialog = screen.getByRole('dialog');
    const details = within(dialog).getByRole('tab', { name: 'Details' });
    expect(details).toHaveAttribute('aria-selected', 'true');
    expect(within(dialog).getByRole('tabpanel')).toHaveAccessibleName('Details');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.requests).toHaveLength(0);

    // Keyboard: the arrow key moves to the History tab and opens it.
    details.focus();
    fireEvent.keyDown(details, { key: 'ArrowRight' });
    const history = within(dialog).getByRole('tab', { name: 'History' });
    expect(history).toHaveAttribute('aria-selected', 'true');
    expect(history).toHaveFocus();
    expect(await within(dialog).findByTestId('history-entry')).toHaveTextContent(
      'Alice Example changed the status',
    );
    expect(server.requests).toHaveLength(1);

    // Editing goes back to the details.
    fireEvent.click(within(dialog).getByRole('button', { name: /Edit/ }));
    expect(within(dialog).getByLabelText('Title')).toBeInTheDocument();
  });
});
