import { lazy, Suspense, useCallback, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorPanel } from '@/components/ui/error-panel';
import { useBoard } from '@/features/board/api/get-board';
import { BoardSkeleton } from '@/features/board/components/board-skeleton';
import { BoardToolbar } from '@/features/board/components/board-toolbar';
import { BoardView } from '@/features/board/components/board-view';
import { useBoardEvents } from '@/features/board/hooks/use-board-events';
import { BACKLOG, findCard } from '@/features/board/lib/board-moves';
import { filtersFromSearch, filtersToSearch, type BoardFilters } from '@/features/board/lib/filters';
import { useCreateCard } from '@/features/cards/api/card-mutations';
import { MilestoneDialog } from '@/features/milestones/components/milestone-dialog';
import { currentMonth } from '@/lib/months';

// The card dialog brings the Markdown renderer: loaded when a card is first opened; its history when first asked for.
const CardDialog = lazy(() => import('@/features/cards/components/card-dialog'));
const CardHistory = lazy(() => import('@/features/history/components/card-history'));

/** The board: filters in the URL, the card dialog as ?card=<id> so a card can be linked to. */
export function BoardRoute() {
  const { slug = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const { data: board, isPending, isError, error, refetch } = useBoard(slug);
  useBoardEvents(slug);
  const createCard = useCreateCard(slug);
  const filters = filtersFromSearch(search);
  const openCardId = Number(search.get('card')) || null;
  const [milestoneMonth, setMilestoneMonth] = useState<string | null>(null);

  const setFilters = useCallback(
    (next: BoardFilters) => setSearch((params) => filtersToSearch(next, params), { replace: true }),
    [setSearch],
  );
  const openCard = useCallback(
    (cardId: number) =>
      setSearch((params) => {
        const next = new URLSearchParams(params);
        next.set('card', String(cardId));
        return next;
      }),
    [setSearch],
  );
  const closeCard = useCallback(
    () =>
      setSearch((params) => {
        const next = new URLSearchParams(params);
        next.delete('card');
        return next;
      }),
    [setSearch],
  );
  const addCard = useCallback(
    (columnId: string, title: string) => {
      const month =
        columnId === BACKLOG ? null : (board?.columns.find((c) => c.month.key === columnId)?.month ?? null);
      return createCard.mutateAsync({
        fields: {
          title,
          description: '',
          status: 'PLANNED',
          responsible: '',
          support: '',
          deliverable: '',
          goalId: null,
        },
        month,
      });
    },
    [board, createCard],
  );
  const jumpToToday = useCallback(() => {
    document
      .querySelector(`[data-column="${currentMonth().key}"]`)
      ?.scrollIntoView({ behavior: 'smooth', inline: 'start', block: 'nearest' });
  }, []);

  if (isError) {
    return (
      <div className="page">
        <ErrorPanel error={error} doing="load the board" onRetry={() => void refetch()} />
      </div>
    );
  }
  if (isPending) {
    return (
      <div className="board-page">
        <div className="board-toolbar" aria-hidden="true" style={{ minHeight: 50 }} />
        <BoardSkeleton />
      </div>
    );
  }

  const openedCard = openCardId !== null ? findCard(board, openCardId) : undefined;
  const milestoneColumn = milestoneMonth
    ? board.columns.find((c) => c.month.key === milestoneMonth)
    : undefined;
  const hasThisMonth = board.columns.some((c) => c.month.key === currentMonth().key);
  return (
    <div className="board-page">
      <BoardToolbar
        board={board}
        filters={filters}
        onChange={setFilters}
        onJumpToToday={hasThisMonth ? jumpToToday : undefined}
      />
      <div className="board-page__main">
        {board.columns.length === 0 && board.backlog.length === 0 && !board.group.canEdit ? (
          <EmptyState icon="milestone" title="Nothing planned yet">
            This group has not put any milestones on its board.
          </EmptyState>
        ) : (
          <BoardView
            board={board}
            filters={filters}
            onOpenCard={openCard}
            onAddCard={board.group.canEdit ? addCard : undefined}
            onEditMilestone={board.group.canEdit ? setMilestoneMonth : undefined}
            meetingsHref={`/groups/${slug}/meetings`}
          />
        )}
      </div>
      {milestoneColumn ? (
        <MilestoneDialog
          slug={slug}
          month={milestoneColumn.month}
          milestone={milestoneColumn.milestone}
          onClose={() => setMilestoneMonth(null)}
        />
      ) : null}
      {openedCard ? (
        <Suspense fallback={null}>
          <CardDialog
            key={openedCard.id}
            slug={slug}
            card={openedCard}
            goals={board.goals}
            canEdit={board.group.canEdit}
            onClose={closeCard}
            renderHistory={(card) => (
              <Suspense fallback={<p className="muted">Loading the history…</p>}>
                <CardHistory slug={slug} cardId={card.id} version={card.version} goals={board.goals} />
              </Suspense>
            )}
          />
        </Suspense>
      ) : null}
    </div>
  );
}

export default BoardRoute;
