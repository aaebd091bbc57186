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

  it('shouldMoveACardBelowTheLastDrawnOneWithTheArrowKeys', async () => {
    const board = withLongJune(92);
    const june = idsOf(board, '2024-06');
    const server = fakeFetch(async () => ({
      status: 200,
      body: { ...cardanoBoardDto().columns![1]!.cards![0], version: 1 },
    }));
    vi.stubGlobal('fetch', server.fetch);
    renderBoard(board);
    // The 23rd card of June, two above the end of the first slice.
    const title = 'Extra card 15';
    expect(june.indexOf(90_014)).toBe(22);
    const handle = screen.getByRole('button', { name: `Move '${title}'` });
    handle.focus();
    fireEvent.keyDown(handle, { code: 'Space', key: ' ' });
    await frame();
    for (let i = 0; i < 6; i += 1) {
      fireEvent.keyDown(document.activeElement ?? handle, { code: 'ArrowDown', key: 'ArrowDown' });
      await frame();
    }
    // Cards below the first slice were drawn as the card went down.
    expect(cardsIn('2024-06').length).toBeGreaterThan(28);
    fireEvent.keyDown(document.activeElement ?? handle, { code: 'Space', key: ' ' });
    await frame();

    await waitFor(() => expect(server.requests).toHaveLength(1), { timeout: 3000 });
    // Six places down: after the card that was 29th.
    expect(server.requests[0]!.body).toMatchObject({ month: '2024-06', afterCardId: june[28] });
  });
});

/** The Cardano board with `extra` more cards at the end of June (a column of 8 + extra cards). */
function withLongJune(extra: number): Board {
  const board = cardanoBoard();
  const june = board.columns.find((c) => c.month.key === '2024-06')!;
  const template = june.cards[0]!;
  const more = Array.from({ length: extra }, (_, i) => ({
    ...template,
    id: 90_000 + i,
    title: `Extra card ${i + 1}`,
  }));
  return {
    ...board,
    columns: board.columns.map((c) => (c === june ? { ...c, cards: [...c.cards, ...more] } : c)),
  };
}

const cardsIn = (month: string) => within(screen.getByTestId(`column-${month}`)).queryAllByTestId('card');

describe('BoardView long columns', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shouldDrawTheFirstCardsOfALongColumnAndSayHowManyAreBelow', () => {
    renderBoard(withLongJune(92));
    expect(cardsIn('2024-06')).toHaveLength(24);
    expect(within(screen.getByTestId('column-2024-06')).getByTestId('column-count')).toHaveTextContent('100');
    expect(screen.getByRole('button', { name: 'Show more (76 cards below)' })).toBeInTheDocument();
    // The room of the cards not drawn keeps the column's scroll bar true.
    expect(screen.getByTestId('column-more')).toHaveStyle({ height: `${76 * 88}px` });
    // Short columns draw every card.
    expect(cardsIn('2024-05')).toHaveLength(6);
  });

  it('shouldDrawEveryCardOfAColumnUpToTheWindowingThreshold', () => {
    renderBoard(withLongJune(40));
    expect(cardsIn('2024-06')).toHaveLength(48);
    expect(screen.queryByTestId('column-more')).not.toBeInTheDocument();
  });

  it('shouldDrawAnotherSliceWhenShowMoreIsPressed', () => {
    renderBoard(withLongJune(92));
    fireEvent.click(screen.getByRole('button', { name: 'Show more (76 cards below)' }));
    expect(cardsIn('2024-06')).toHaveLength(48);
    expect(screen.getByRole('button', { name: 'Show more (52 cards below)' })).toBeInTheDocument();
  });

  /** What a browser would report for the column's list and the room below its cards (jsdom lays nothing out). */
  function layOut(scrollTop: number) {
    const list = within(screen.getByTestId('column-2024-06')).getByRole('list', { name: /^Cards in June/ });
    const spacer = screen.getByTestId('column-more');
    const drawn = list.querySelectorAll('[data-card-id]').length;
    Object.defineProperty(list, 'clientHeight', { configurable: true, value: 600 });
    Object.defineProperty(list, 'scrollTop', { configurable: true, value: scrollTop });
    Object.defineProperty(spacer, 'offsetTop', { configurable: true, value: drawn * 100 });
    return list;
  }

  it('shouldDrawMoreCardsAsTheColumnIsScrolledTowardsItsEnd', async () => {
    renderBoard(withLongJune(92));
    fireEvent.scroll(layOut(1300));
    // 1,300 + two screens of 600 reach 2,500, past the end of 24 drawn cards of 100 px: another slice is drawn.
    await waitFor(() => expect(cardsIn('2024-06')).toHaveLength(48));
    // The room below now uses the measured height of a card.
    expect(screen.getByTestId('column-more')).toHaveStyle({ height: `${52 * 100}px` });
  });

  it('shouldNotDrawMoreWhileTheEndOfTheDrawnCardsIsFarBelow', async () => {
    renderBoard(withLongJune(92));
    fireEvent.scroll(layOut(100));
    await act(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(cardsIn('2024-06')).toHaveLength(24);
  });

  it('shouldDrawEverythingUpToWhereTheScrollBarWasDraggedTo', async () => {
    renderBoard(withLongJune(92));
    fireEvent.scroll(layOut(9000));
    await waitFor(() => expect(cardsIn('2024-06')).toHaveLength(100));
    expect(screen.queryByTestId('column-more')).not.toBeInTheDocument();
  });

  it('shouldShowACardAddedAtTheEndOfALongColumn', async () => {
    const board = withLongJune(92);
    const client = testQueryClient();
    const key = queryKeys.board(board.group.slug);
    client.setQueryData(key, board);
    const onAddCard = vi.fn<(columnId: string, title: string) => Promise<void>>(async (columnId, title) => {
      const now = client.getQueryData<Board>(key)!;
      const june = now.columns.find((c) => c.month.key === columnId)!;
      const card = { ...june.cards[0]!, id: 99_999, title };
      client.setQueryData<Board>(key, {
        ...now,
        columns: now.columns.map((c) => (c === june ? { ...c, cards: [...c.cards, card] } : c)),
      });
    });
    renderWithProviders(
      <CachedBoardView
        slug={board.group.slug}
        filters={noFilters}
        onOpenCard={vi.fn<(cardId: number) => void>()}
        onAddCard={onAddCard}
        meetingsHref="/m"
        now={JUNE_2024}
      />,
      { client },
    );
    const june = screen.getByTestId('column-2024-06');
    fireEvent.click(within(june).getByRole('button', { name: 'Add card' }));
    fireEvent.change(within(june).getByLabelText(/^Title of the new card in June/), {
      target: { value: 'Publish the survey' },
    });
    fireEvent.click(within(june).getByRole('button', { name: 'Add card' }));

    await waitFor(() => expect(within(june).getByText('Publish the survey')).toBeInTheDocument());
    expect(cardsIn('2024-06')).toHaveLength(101);
  });
});
