import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { queryKeys } from '@/lib/query-keys';
import { cardanoBoard, cardanoBoardDto, cardByTitle, idsOf } from '@/testing/fixtures';
import { installFakeBoardLayout } from '@/testing/fake-layout';
import { fakeFetch, renderWithProviders, testQueryClient } from '@/testing/render';
import type { Board } from '@/types/domain';
import { noFilters } from '../lib/filters';
import { useBoard } from '../api/get-board';
import { BoardView, type BoardViewProps } from './board-view';

const JUNE_2024 = new Date(2024, 5, 12);

/** The board as the route shows it: read from the query cache, so optimistic changes and rollbacks re-render it. */
function CachedBoardView(props: Omit<BoardViewProps, 'board'> & { slug: string }) {
  const { data } = useBoard(props.slug);
  return data ? <BoardView board={data} {...props} /> : null;
}

function renderBoard(board: Board, filters = noFilters) {
  const client = testQueryClient();
  client.setQueryData(queryKeys.board(board.group.slug), board);
  const onOpenCard = vi.fn<(cardId: number) => void>();
  const onAddCard = vi.fn<(columnId: string, title: string) => Promise<unknown>>(async () => undefined);
  const view = renderWithProviders(
    <CachedBoardView
      slug={board.group.slug}
      filters={filters}
      onOpenCard={onOpenCard}
      onAddCard={onAddCard}
      meetingsHref="/m"
      now={JUNE_2024}
    />,
    { client },
  );
  return { ...view, onOpenCard };
}

describe('BoardView', () => {
  it('shouldShowABacklogAndOneColumnPerMonthWithMilestoneAndCount', () => {
    renderBoard(cardanoBoard());
    const columns = screen.getAllByRole('region').filter((r) => r.hasAttribute('data-column'));
    expect(columns.map((c) => within(c).getByRole('heading', { level: 2 }).textContent)).toEqual([
      'Backlog',
      'May 2024',
      'June 2024',
      'July 2024',
      'August 2024',
      'September 2024',
      'October 2024',
    ]);
    const june = screen.getByTestId('column-2024-06');
    expect(within(june).getByText('Map of the current state')).toBeInTheDocument();
    expect(within(june).getByTestId('column-count')).toHaveTextContent('8');
    expect(within(june).getAllByTestId('card')).toHaveLength(8);
  });

  it('shouldShowTitleStatusResponsibleAndGoalOnACard', () => {
    renderBoard(cardanoBoard());
    const card = screen
      .getByText('Create Rough Map of Current State')
      .closest('[data-testid="card"]') as HTMLElement;
    expect(within(card).getByText('In progress')).toBeInTheDocument();
    expect(within(card).getByText('Lena')).toBeInTheDocument();
    expect(within(card).getByText('Vision')).toBeInTheDocument();
  });

  it('shouldHighlightTheCurrentMonth', () => {
    renderBoard(cardanoBoard());
    expect(screen.getByTestId('column-2024-06')).toHaveClass('is-current');
    expect(within(screen.getByTestId('column-2024-06')).getByText('This month')).toBeInTheDocument();
    expect(screen.getByTestId('column-2024-05')).not.toHaveClass('is-current');
  });

  it('shouldDrawPhasesAsBands', () => {
    renderBoard(cardanoBoard());
    expect(
      screen.getAllByTestId('phase-band').map((b) => b.querySelector('.phase-band__name')?.textContent),
    ).toEqual(['Launch', 'Grow', 'Review']);
  });

  it('shouldGiveMembersDragHandlesAndAddButtons', () => {
    renderBoard(cardanoBoard({ canEdit: true }));
    expect(screen.getByRole('button', { name: "Move 'Name CIP Reviewer'" })).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /Add card/ })).toHaveLength(7);
  });

  it('shouldShowReadOnlyViewersNoDragHandlesAndNoEditControls', () => {
    renderBoard(cardanoBoard({ canEdit: false }));
    expect(screen.queryAllByRole('button', { name: /^Move / })).toHaveLength(0);
    expect(screen.queryByRole('button', { name: /Add card/ })).not.toBeInTheDocument();
    expect(document.querySelector('[aria-roledescription="sortable"]')).toBeNull();
    // Reading still works: a card opens.
    expect(screen.getByRole('button', { name: 'Name CIP Reviewer' })).toBeEnabled();
  });

  it('shouldOpenACardFromItsTitle', () => {
    const board = cardanoBoard();
    const { onOpenCard } = renderBoard(board);
    fireEvent.click(screen.getByRole('button', { name: 'Name CIP Reviewer' }));
    expect(onOpenCard).toHaveBeenCalledWith(cardByTitle(board, 'Name CIP Reviewer').id);
  });

  it('shouldCountOnlyMatchingCardsWhenFiltering', () => {
    renderBoard(cardanoBoard(), { ...noFilters, responsible: 'Maria' });
    expect(within(screen.getByTestId('column-2024-05')).getByTestId('column-count')).toHaveTextContent(
      '2 of 6',
    );
    expect(within(screen.getByTestId('column-2024-09')).getByText('No matching cards')).toBeInTheDocument();
  });
});

describe('BoardView keyboard moves', () => {
  let restoreLayout: () => void;
  beforeEach(() => {
    restoreLayout = installFakeBoardLayout();
  });
  afterEach(() => {
    restoreLayout();
    vi.unstubAllGlobals();
  });

  /** Lets dnd-kit measure and re-render between key presses, as a browser would between frames. */
  const frame = () => act(() => new Promise((resolve) => setTimeout(resolve, 30)));

  async function keyboardMove(title: string, keys: string[]) {
    const handle = screen.getByRole('button', { name: `Move '${title}'` });
    handle.focus();
    fireEvent.keyDown(handle, { code: 'Space', key: ' ' });
    await frame();
    for (const key of keys) {
      fireEvent.keyDown(document.activeElement ?? handle, { code: key, key });
      await frame();
    }
    fireEvent.keyDown(document.activeElement ?? handle, { code: 'Space', key: ' ' });
    await frame();
  }

  it('shouldReorderWithinAMonthWithOneMoveRequestAndAnnounceIt', async () => {
    const board = cardanoBoard();
    const card = cardByTitle(board, 'Create Rough Draft of Comms Plan');
    const may = idsOf(board, '2024-05');
    const server = fakeFetch(async (request) => ({
      status: 200,
      body: { ...cardanoBoardDto().columns![0]!.cards![0], version: 1 },
      request,
    }));
    vi.stubGlobal('fetch', server.fetch);
    const { client } = renderBoard(board);

    await keyboardMove(card.title, ['ArrowDown']);

    await waitFor(() => expect(server.requests).toHaveLength(1), { timeout: 3000 });
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      url: `http://localhost/api/groups/core-infra-roadmap/cards/${card.id}/move`,
      body: { month: '2024-05', afterCardId: may[1], version: 0 },
    });
    expect(server.requests[0]!.headers.get('X-Requested-With')).toBe('XMLHttpRequest');
    expect(screen.getByTestId('board-announcer')).toHaveTextContent(
      "Moved 'Create Rough Draft of Comms Plan' within May, position 2 of 6",
    );
    const cached = client.getQueryData<Board>(queryKeys.board('core-infra-roadmap'))!;
    expect(idsOf(cached, '2024-05')).toEqual([may[1], card.id, ...may.slice(2)]);
    expect(await screen.findByText('Card moved')).toBeInTheDocument();
  });

  it('shouldMoveToTheNextMonthWithArrowRightAndGiveTheHandleBackItsFocus', async () => {
    const board = cardanoBoard();
    const card = cardByTitle(board, 'Submit Vocab to community for review');
    const server = fakeFetch(async () => ({
      status: 200,
      body: { ...cardanoBoardDto().columns![0]!.cards![2], month: '2024-06', version: 1 },
    }));
    vi.stubGlobal('fetch', server.fetch);
    renderBoard(board);

    await keyboardMove(card.title, ['ArrowRight']);

    await waitFor(() => expect(server.requests).toHaveLength(1));
    expect(server.requests[0]!.body).toMatchObject({ month: '2024-06', version: 0 });
    expect(screen.getByTestId('board-announcer')).toHaveTextContent(
      "Moved 'Submit Vocab to community for review' from May to June",
    );
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(screen.getByTestId('column-2024-06')).getByRole('button', { name: `Move '${card.title}'` }),
      ),
    );
  });

  it('shouldUndoTheLastMoveFromTheToastWithTheNewVersion', async () => {
    const board = cardanoBoard();
    const card = cardByTitle(board, 'Create Rough Draft of Comms Plan');
    const may = idsOf(board, '2024-05');
    let version = 0;
    const server = fakeFetch(async () => {
      version += 1;
      return { status: 200, body: { ...cardanoBoardDto().columns![0]!.cards![0], version } };
    });
    vi.stubGlobal('fetch', server.fetch);
    const { client } = renderBoard(board);

    await keyboardMove(card.title, ['ArrowDown']);
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));

    await waitFor(() => expect(server.requests).toHaveLength(2));
    // Back before the card it used to precede, based on the version the first move produced.
    expect(server.requests[1]!.body).toEqual({ month: '2024-05', beforeCardId: may[1], version: 1 });
    await waitFor(() =>
      expect(idsOf(client.getQueryData<Board>(queryKeys.board('core-infra-roadmap'))!, '2024-05')).toEqual(
        may,
      ),
    );
    expect(await screen.findByText('Move undone')).toBeInTheDocument();
  });

  it('shouldRollBackAndSayWhyWhenTheServerRefusesTheMove', async () => {
    const board = cardanoBoard();
    const card = cardByTitle(board, 'Create Rough Draft of Comms Plan');
    const may = idsOf(board, '2024-05');
    let answer!: (value: { status: number; body?: unknown }) => void;
    const server = fakeFetch((request) =>
      request.method === 'GET'
        ? { status: 200, body: cardanoBoardDto() }
        : new Promise((resolve) => {
            answer = resolve;
          }),
    );
    vi.stubGlobal('fetch', server.fetch);
    const { client } = renderBoard(board);
    const key = queryKeys.board('core-infra-roadmap');

    await keyboardMove(card.title, ['ArrowDown']);
    // Optimistic: moved before the server answered.
    expect(idsOf(client.getQueryData<Board>(key)!, '2024-05')).toEqual([may[1], card.id, ...may.slice(2)]);

    await act(async () =>
      answer({
        status: 409,
        body: {
          title: 'Conflict',
          status: 409,
          detail: `'${card.title}' was changed by someone else`,
          current: {},
        },
      }),
    );

    await waitFor(() => expect(idsOf(client.getQueryData<Board>(key)!, '2024-05')).toEqual(may));
    expect(await screen.findByRole('alert')).toHaveTextContent('Changed by someone else');
    expect(screen.getByTestId('board-announcer')).toHaveTextContent(`is back in May`);
  });
});
