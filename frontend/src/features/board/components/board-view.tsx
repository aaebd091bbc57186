import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
} from 'react';
import {
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  TouchSensor,
  defaultDropAnimationSideEffects,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type DropAnimation,
  type PointerActivationConstraint,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { showToast } from '@/components/ui/toast-store';
import { describeError } from '@/lib/api-error';
import { notifyError } from '@/lib/query-client';
import { currentMonth } from '@/lib/months';
import type { Board, Card } from '@/types/domain';
import { useMoveCard } from '../api/move-card';
import {
  applyPlacement,
  BACKLOG,
  columnCards,
  columnItems,
  columnName,
  describeCancel,
  describeMove,
  describeOver,
  describePickup,
  findCard,
  findColumn,
  locate,
  moveItem,
  placementIn,
  reuseUnchanged,
  spansYears,
  type ColumnId,
  type ColumnItems,
} from '../lib/board-moves';
import { isFiltering, matchesFilters, type BoardFilters } from '../lib/filters';
import { phaseBands } from '../lib/phase-lanes';
import { BoardColumn } from './board-column';
import { CardTileBody } from './card-tile';
import { PhaseBands } from './phase-bands';
import './board.css';

/** The mouse and pen: drag from anywhere on a card once it moved a few pixels (a click still opens it). */
class MousePointerSensor extends PointerSensor {
  static activators = [
    {
      eventName: 'onPointerDown' as const,
      handler: ({ nativeEvent: event }: React.PointerEvent) =>
        event.isPrimary && event.button === 0 && event.pointerType !== 'touch',
    },
  ];
}

const pointerConstraint: PointerActivationConstraint = { distance: 6 };
/** Touch: a long press lifts the card, so a swipe still scrolls the board. */
const touchConstraint: PointerActivationConstraint = { delay: 220, tolerance: 8 };

const dropAnimation: DropAnimation = {
  sideEffects: defaultDropAnimationSideEffects({ styles: { active: { opacity: '0.4' } } }),
};

const screenReaderInstructions = {
  draggable:
    'To move this card, press Space. Use the arrow keys to move it within a month or to another month. ' +
    'Press Space again to drop it here, or Escape to cancel.',
};

// Droppables (every card and column) are measured when a drag starts and when a column's items change, not on every
// pointer move: measuring a thousand cards per move made dragging on a large board stutter.
const measuring = { droppable: { strategy: MeasuringStrategy.WhileDragging } };

const noIds: number[] = [];
const noCards: Card[] = [];
const noAdd = () => Promise.resolve();
const noEdit = () => {};

/**
 * `next`, with the parts that equal those of the last value kept from it (`reuse` decides): derived state, updated
 * during rendering when `next` changes (React's pattern for state that depends on the previous one).
 */
function useReused<T>(next: T, reuse: (previous: T | undefined, next: T) => T): T {
  const [state, setState] = useState<{ from: T; value: T }>(() => ({ from: next, value: next }));
  if (state.from === next) {
    return state.value;
  }
  const value = reuse(state.value, next);
  setState({ from: next, value });
  return value;
}

/** A function that stays the same across renders and calls the latest `callback`. */
function useStableCallback<A extends unknown[], R>(callback: (...args: A) => R): (...args: A) => R {
  const latest = useRef(callback);
  useLayoutEffect(() => {
    latest.current = callback;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}

export interface BoardViewProps {
  board: Board;
  filters: BoardFilters;
  onOpenCard: (cardId: number) => void;
  onAddCard?: (columnId: ColumnId, title: string) => Promise<unknown>;
  /** Members edit a month's milestone (title, focus, outcomes). */
  onEditMilestone?: (columnId: ColumnId) => void;
  meetingsHref: string;
  /** Today, for "this month" (tests pin it). */
  now?: Date;
}

export function BoardView({
  board,
  filters,
  onOpenCard,
  onAddCard,
  onEditMilestone,
  meetingsHref,
  now,
}: BoardViewProps) {
  const { group } = board;
  const editable = group.canEdit;
  const filtering = isFiltering(filters);
  const { move } = useMoveCard(group.slug);

  const visible = useCallback((card: Card) => matchesFilters(card, filters), [filters]);
  // Each column keeps its array while its cards stay the same (a move, a refetch, a new filters object with the same
  // values), so the memoised columns that did not change are not rendered again.
  const derivedItems = useReused(
    useMemo(() => columnItems(board, visible), [board, visible]),
    reuseUnchanged,
  );
  const totals = useMemo(() => columnItems(board), [board]);
  const [dragItems, setDragItems] = useState<ColumnItems | null>(null);
  const items = dragItems ?? derivedItems;
  const [activeId, setActiveId] = useState<number | null>(null);
  const start = useRef<{ column: ColumnId; index: number } | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const cardsById = useMemo(() => {
    const map = new Map<number, Card>();
    for (const card of [...board.backlog, ...board.columns.flatMap((c) => c.cards)]) {
      map.set(card.id, card);
    }
    return map;
  }, [board]);
  const goalsById = useMemo(() => new Map(board.goals.map((g) => [g.id, g] as const)), [board.goals]);
  const cards = useReused(
    useMemo(() => columnCards(items, cardsById), [items, cardsById]),
    reuseUnchanged,
  );
  // The columns are memoised: hand them callbacks that stay the same while the page's own change.
  const openCard = useStableCallback(onOpenCard);
  const addCardNow = useStableCallback(onAddCard ?? noAdd);
  const addCard = onAddCard ? addCardNow : undefined;
  const editMilestoneNow = useStableCallback(onEditMilestone ?? noEdit);
  const editMilestone = onEditMilestone ? editMilestoneNow : undefined;

  const sensors = useSensors(
    useSensor(MousePointerSensor, { activationConstraint: pointerConstraint }),
    useSensor(TouchSensor, { activationConstraint: touchConstraint }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const nameOf = useCallback((column: ColumnId) => columnName(board, column), [board]);
  const titleOf = (id: UniqueIdentifier) => cardsById.get(Number(id))?.title ?? 'card';
  const positionIn = (itemsNow: ColumnItems, id: UniqueIdentifier) => {
    const column = findColumn(itemsNow, id);
    const ids = column ? (itemsNow[column] ?? []) : [];
    return { column, position: ids.indexOf(Number(id)) + 1, total: ids.length };
  };

  // What a screen reader hears while dragging; the drop itself is announced by our own live region below,
  // because only we know where the card ended up after the server was asked.
  const itemsRef = useRef(items);
  useLayoutEffect(() => {
    itemsRef.current = items;
  });
  const overPosition = useRef<{ column: ColumnId; position: number; total: number } | null>(null);
  const announcements: Announcements = {
    onDragStart({ active }) {
      const { column, position, total } = positionIn(itemsRef.current, active.id);
      return describePickup(titleOf(active.id), column ? nameOf(column) : '', position, total);
    },
    onDragOver({ active, over }) {
      if (!over) {
        return `'${titleOf(active.id)}' is no longer over a month.`;
      }
      // handleDragOver ran just before and worked out where the card would land.
      const target = overPosition.current;
      const begin = start.current;
      if (target && begin && target.column === begin.column && target.position === begin.index + 1) {
        // Still where it was picked up (dnd-kit reports that right after the pickup): keep the pickup message.
        return undefined;
      }
      return target
        ? describeOver(titleOf(active.id), nameOf(target.column), target.position, target.total)
        : undefined;
    },
    onDragEnd() {
      return undefined;
    },
    onDragCancel({ active }) {
      const from = start.current ? nameOf(start.current.column) : '';
      return describeCancel(titleOf(active.id), from);
    },
  };

  function handleDragStart({ active }: DragStartEvent) {
    const column = findColumn(derivedItems, active.id);
    if (!column) {
      return;
    }
    start.current = { column, index: (derivedItems[column] ?? []).indexOf(Number(active.id)) };
    setActiveId(Number(active.id));
    setDragItems(derivedItems);
    setAnnouncement('');
  }

  // After a card went into another column, wait for the next frame (the columns laid out anew) before moving it again:
  // otherwise the move can change what the pointer is over and the card bounces between two columns, render after render.
  const movedTo = useRef<ColumnItems | null>(null);
  useEffect(() => {
    if (movedTo.current === null || movedTo.current !== dragItems) {
      return;
    }
    const frame = requestAnimationFrame(() => {
      movedTo.current = null;
    });
    return () => cancelAnimationFrame(frame);
  }, [dragItems]);

  function handleDragOver({ active, over }: DragOverEvent) {
    overPosition.current = null;
    if (!over || movedTo.current !== null) {
      return;
    }
    const before = dragItems ?? derivedItems;
    const from = findColumn(before, active.id);
    const to = findColumn(before, over.id);
    if (!from || !to) {
      return;
    }
    const target = before[to] ?? [];
    const overColumn = typeof over.id === 'string' && over.id in before;
    if (from === to) {
      // Within a column the sortable strategy shows the gap; the card would take the place of the one it is over.
      const index = overColumn ? target.length - 1 : target.indexOf(Number(over.id));
      overPosition.current = { column: to, position: index + 1, total: target.length };
      return;
    }
    let index = target.length;
    if (!overColumn) {
      const overIndex = target.indexOf(Number(over.id));
      const translated = active.rect.current.translated;
      const below = translated ? translated.top > over.rect.top + over.rect.height / 2 : false;
      index = overIndex >= 0 ? overIndex + (below ? 1 : 0) : target.length;
    }
    const next = moveItem(before, Number(active.id), to, index);
    overPosition.current = {
      column: to,
      position: (next[to] ?? []).indexOf(Number(active.id)) + 1,
      total: next[to]?.length ?? 0,
    };
    movedTo.current = next;
    setDragItems(next);
  }

  function finish() {
    movedTo.current = null;
    setActiveId(null);
    setDragItems(null);
    start.current = null;
    overPosition.current = null;
  }

  // A card dropped in another column is a new element there: give the keyboard its handle back, so the next move
  // can start from where the last one ended.
  const refocus = useRef<{ cardId: number; column: ColumnId } | null>(null);
  useEffect(() => {
    const target = refocus.current;
    const handle = target
      ? document.querySelector<HTMLElement>(
          `[data-column="${target.column}"] [data-card-id="${target.cardId}"] .card-tile__handle`,
        )
      : null;
    if (handle) {
      refocus.current = null;
      if (!handle.contains(document.activeElement) && document.activeElement === document.body) {
        handle.focus();
      }
    }
  });

  function handleDragEnd({ active, over }: DragEndEvent) {
    const begin = start.current;
    const cardId = Number(active.id);
    const card = findCard(board, cardId);
    let final = dragItems ?? derivedItems;
    const overColumn = over ? findColumn(final, over.id) : undefined;
    const current = findColumn(final, active.id);
    if (over && current && overColumn !== undefined && overColumn !== current) {
      // The last change of column came too soon after the one before to be applied (see handleDragOver): apply it now.
      const target = final[overColumn] ?? [];
      const overIndex = target.indexOf(Number(over.id));
      final = moveItem(final, cardId, overColumn, overIndex >= 0 ? overIndex : target.length);
    }
    const column = findColumn(final, active.id);
    if (!over || !card || !begin || !column || overColumn === undefined) {
      finish();
      if (card && begin) {
        setAnnouncement(describeCancel(card.title, nameOf(begin.column)));
      }
      return;
    }
    if (
      overColumn === column &&
      !(typeof over.id === 'string' && over.id in final) &&
      over.id !== active.id
    ) {
      const overIndex = (final[column] ?? []).indexOf(Number(over.id));
      final = moveItem(final, cardId, column, overIndex);
    }
    const ids = final[column] ?? [];
    const index = ids.indexOf(cardId);
    if (column === begin.column && index === begin.index) {
      finish();
      setAnnouncement(`'${card.title}' dropped where it was, in ${nameOf(column)}.`);
      return;
    }
    const origin = locate(board, cardId);
    const placement = placementIn(ids, cardId);
    const from = nameOf(begin.column);
    const to = nameOf(column);
    // Position among all the cards of the column once the server placed it (filters may hide some).
    const full = applyPlacement(totals[column] ?? [], cardId, placement);
    const message = describeMove({
      title: card.title,
      from,
      to,
      position: full.indexOf(cardId) + 1,
      total: full.length,
    });
    refocus.current = { cardId, column };
    move(
      { cardId, to: column, placement, version: card.version },
      {
        onSuccess: (saved) => {
          showToast({
            tone: 'success',
            title: 'Card moved',
            message: `'${card.title}': ${from} → ${to}`,
            replaces: 'Card moved',
            action: origin
              ? {
                  label: 'Undo',
                  onClick: () =>
                    move(
                      { cardId, to: origin.column, placement: origin.placement, version: saved.version },
                      {
                        onSuccess: () => {
                          setAnnouncement(`Move undone. '${card.title}' is back in ${from}.`);
                          showToast({
                            tone: 'info',
                            title: 'Move undone',
                            message: `'${card.title}' is back in ${from}.`,
                          });
                        },
                        onError: (error) => notifyError(error, `undo the move of '${card.title}'`),
                      },
                    ),
                }
              : undefined,
          });
        },
        onError: (error) => {
          const { message: why } = describeError(error, `move '${card.title}'`);
          setAnnouncement(`${why} '${card.title}' is back in ${from}.`);
          notifyError(error, `move '${card.title}'`);
        },
      },
    );
    finish();
    setAnnouncement(message);
  }

  function handleDragCancel() {
    const begin = start.current;
    const card = activeId !== null ? cardsById.get(activeId) : undefined;
    finish();
    if (card && begin) {
      setAnnouncement(describeCancel(card.title, nameOf(begin.column)));
    }
  }

  // "This month" is easy to find: highlighted, and scrolled into view when the board first shows.
  const thisMonth = currentMonth(now);
  const scroller = useRef<HTMLDivElement>(null);
  const scrolledFor = useRef<string | null>(null);
  useEffect(() => {
    const element = scroller.current;
    if (!element || scrolledFor.current === group.slug) {
      return;
    }
    scrolledFor.current = group.slug;
    const column = element.querySelector<HTMLElement>(`[data-column="${thisMonth.key}"]`);
    if (column) {
      element.scrollLeft = Math.max(0, column.offsetLeft - 16);
    }
  }, [group.slug, thisMonth.key]);

  const { bands, lanes } = useMemo(
    () =>
      phaseBands(
        board.phases,
        board.columns.map((c) => c.month),
      ),
    [board.phases, board.columns],
  );
  const columnStyles = useMemo(
    () =>
      Array.from({ length: board.columns.length + 1 }, (_, index) => ({
        gridRow: lanes + 1,
        gridColumn: index + 1,
      })),
    [board.columns.length, lanes],
  );
  const withYear = spansYears(board);
  const activeCard = activeId !== null ? cardsById.get(activeId) : undefined;

  const gridStyle = {
    ['--month-count' as string]: board.columns.length,
    ['--lanes' as string]: lanes,
  } as CSSProperties;

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCorners}
      measuring={measuring}
      accessibility={{ announcements, screenReaderInstructions }}
      onDragStart={handleDragStart}
      onDragOver={handleDragOver}
      onDragEnd={handleDragEnd}
      onDragCancel={handleDragCancel}
    >
      <div className="board-scroller" ref={scroller} data-testid="board">
        <div className="board-grid" style={gridStyle}>
          <PhaseBands bands={bands} firstMonthColumn={2} />
          <BoardColumn
            id={BACKLOG}
            label="Backlog"
            backlog
            cardIds={items[BACKLOG] ?? noIds}
            cards={cards[BACKLOG] ?? noCards}
            total={totals[BACKLOG]?.length ?? 0}
            goalsById={goalsById}
            editable={editable}
            filtering={filtering}
            onOpenCard={openCard}
            onAddCard={addCard}
            style={columnStyles[0]}
          />
          {board.columns.map((column, index) => (
            <BoardColumn
              key={column.month.key}
              id={column.month.key}
              label={nameOf(column.month.key)}
              sublabel={withYear ? undefined : String(column.month.year)}
              milestone={column.milestone}
              meetings={column.meetings}
              cardIds={items[column.month.key] ?? noIds}
              cards={cards[column.month.key] ?? noCards}
              total={totals[column.month.key]?.length ?? 0}
              goalsById={goalsById}
              current={column.month.key === thisMonth.key}
              editable={editable}
              filtering={filtering}
              meetingsHref={meetingsHref}
              onOpenCard={openCard}
              onAddCard={addCard}
              onEditMilestone={editMilestone}
              style={columnStyles[index + 1]}
            />
          ))}
        </div>
      </div>
      <DragOverlay dropAnimation={dropAnimation}>
        {activeCard ? (
          // dnd-kit measures the overlay's first child for collisions (and so for keyboard moves): that box must stay
          // exactly where the card is, so the tilt of the lifted card is applied one level further in.
          <div className="drag-overlay">
            <CardTileBody
              as="div"
              card={activeCard}
              goal={activeCard.goalId !== null ? goalsById.get(activeCard.goalId) : undefined}
              state="overlay"
            />
          </div>
        ) : null}
      </DragOverlay>
      <div
        className="visually-hidden"
        role="status"
        aria-live="assertive"
        aria-atomic="true"
        data-testid="board-announcer"
      >
        {announcement}
      </div>
    </DndContext>
  );
}
