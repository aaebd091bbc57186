/**
 * Card moves as pure functions: where a drop puts a card, the one request that tells the server, the optimistic
 * board, the undo, and what a screen reader hears. No React, no fetch: tested in board-moves.test.ts.
 */
import { columnLabel, type Month } from '@/lib/months';
import type { Board, Card } from '@/types/domain';

/** A column's id: the month's key ("2024-05") or "backlog". */
export type ColumnId = string;
export const BACKLOG: ColumnId = 'backlog';

/** Card ids per column, in order: the shape the drag and drop works on. */
export type ColumnItems = Record<ColumnId, number[]>;

/** Where in its target column a card goes, named by a neighbour (the server's move semantics). */
export interface Placement {
  afterCardId?: number;
  beforeCardId?: number;
}

export interface MoveRequest extends Placement {
  month: string | null;
  version: number;
}

export function columnIdOf(month: Month | null): ColumnId {
  return month ? month.key : BACKLOG;
}

export function columnItems(board: Board, visible: (card: Card) => boolean = () => true): ColumnItems {
  const items: ColumnItems = { [BACKLOG]: board.backlog.filter(visible).map((c) => c.id) };
  for (const column of board.columns) {
    items[column.month.key] = column.cards.filter(visible).map((c) => c.id);
  }
  return items;
}

/** True when both lists hold the same elements (by identity) in the same order. */
function sameElements<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * `next` with each column's array replaced by the one of `previous` when it holds the same ids in the same order, so
 * a column whose cards did not change keeps its array (and its memoised rendering). Returns `previous` itself when
 * nothing changed at all.
 */
export function reuseUnchanged<T>(
  previous: Record<ColumnId, T[]> | undefined,
  next: Record<ColumnId, T[]>,
): Record<ColumnId, T[]> {
  if (!previous) {
    return next;
  }
  let changed = Object.keys(previous).length !== Object.keys(next).length;
  const result: Record<ColumnId, T[]> = {};
  for (const [column, ids] of Object.entries(next)) {
    const before = previous[column];
    if (before && sameElements(before, ids)) {
      result[column] = before;
    } else {
      result[column] = ids;
      changed = true;
    }
  }
  return changed ? result : previous;
}

/** The cards of each column, in order, looked up by id (ids without a card are left out). */
export function columnCards(
  items: ColumnItems,
  cardsById: ReadonlyMap<number, Card>,
): Record<ColumnId, Card[]> {
  const result: Record<ColumnId, Card[]> = {};
  for (const [column, ids] of Object.entries(items)) {
    const cards: Card[] = [];
    for (const id of ids) {
      const card = cardsById.get(id);
      if (card) {
        cards.push(card);
      }
    }
    result[column] = cards;
  }
  return result;
}

export function findColumn(items: ColumnItems, id: number | string): ColumnId | undefined {
  if (typeof id === 'string' && id in items) {
    return id;
  }
  return Object.keys(items).find((column) => items[column]?.includes(Number(id)));
}

/** Moves a card id to `index` of column `to` (at the end when index is past it). Returns new arrays; never mutates. */
export function moveItem(items: ColumnItems, cardId: number, to: ColumnId, index: number): ColumnItems {
  const from = findColumn(items, cardId);
  if (from === undefined || !(to in items)) {
    return items;
  }
  const source = (items[from] ?? []).filter((id) => id !== cardId);
  const target = from === to ? source : [...(items[to] ?? [])];
  const at = Math.max(0, Math.min(index, target.length));
  target.splice(at, 0, cardId);
  return { ...items, [from]: from === to ? target : source, [to]: target };
}

/** The placement that describes a card's spot in an ordered list: after its predecessor, else before its successor. */
export function placementIn(ids: readonly number[], cardId: number): Placement {
  const index = ids.indexOf(cardId);
  if (index < 0) {
    return {};
  }
  if (index > 0) {
    return { afterCardId: ids[index - 1] as number };
  }
  const next = ids[index + 1];
  return next === undefined ? {} : { beforeCardId: next };
}

/** Puts a card into an ordered list the way the server does: after/before the named card, otherwise at the end. */
export function applyPlacement(ids: readonly number[], cardId: number, placement: Placement): number[] {
  const rest = ids.filter((id) => id !== cardId);
  if (placement.afterCardId !== undefined) {
    const at = rest.indexOf(placement.afterCardId);
    if (at >= 0) {
      rest.splice(at + 1, 0, cardId);
      return rest;
    }
  }
  if (placement.beforeCardId !== undefined) {
    const at = rest.indexOf(placement.beforeCardId);
    if (at >= 0) {
      rest.splice(at, 0, cardId);
      return rest;
    }
  }
  rest.push(cardId);
  return rest;
}

export function buildMoveRequest(
  card: Pick<Card, 'version'>,
  to: ColumnId,
  placement: Placement,
): MoveRequest {
  return { month: to === BACKLOG ? null : to, ...placement, version: card.version };
}

export function findCard(board: Board, cardId: number): Card | undefined {
  return (
    board.backlog.find((c) => c.id === cardId) ??
    board.columns.flatMap((column) => column.cards).find((c) => c.id === cardId)
  );
}

function cardsOf(board: Board, column: ColumnId): Card[] {
  return column === BACKLOG
    ? board.backlog
    : (board.columns.find((c) => c.month.key === column)?.cards ?? []);
}

/** The card's column and its placement there (to undo a move, or to tell whether a drop changed anything). */
export function locate(
  board: Board,
  cardId: number,
): { column: ColumnId; placement: Placement; index: number } | undefined {
  const card = findCard(board, cardId);
  if (!card) {
    return undefined;
  }
  const column = columnIdOf(card.month);
  const ids = cardsOf(board, column).map((c) => c.id);
  return { column, placement: placementIn(ids, cardId), index: ids.indexOf(cardId) };
}

/**
 * The board after moving a card (the optimistic state). `updated` replaces the card, e.g. with the server's answer
 * carrying the new version. Returns the same board when the card or column is unknown.
 */
export function moveCardInBoard(
  board: Board,
  cardId: number,
  to: ColumnId,
  placement: Placement,
  updated?: Card,
): Board {
  const card = findCard(board, cardId);
  const target = to === BACKLOG ? null : board.columns.find((c) => c.month.key === to);
  if (!card || target === undefined) {
    return board;
  }
  const moved: Card = { ...(updated ?? card), month: target ? target.month : null };
  const place = (cards: Card[], column: ColumnId): Card[] => {
    const without = cards.filter((c) => c.id !== cardId);
    if (column !== to) {
      return without.length === cards.length ? cards : without;
    }
    const order = applyPlacement(
      without.map((c) => c.id),
      cardId,
      placement,
    );
    const byId = new Map(without.map((c) => [c.id, c] as const));
    byId.set(cardId, moved);
    return order.map((id) => byId.get(id) as Card);
  };
  return {
    ...board,
    backlog: place(board.backlog, BACKLOG),
    columns: board.columns.map((column) => {
      const cards = place(column.cards, column.month.key);
      return cards === column.cards ? column : { ...column, cards };
    }),
  };
}

/** Replaces a card in the board where it is (e.g. with the server's version after a move or an edit). */
export function replaceCard(board: Board, card: Card): Board {
  const swap = (cards: Card[]) =>
    cards.some((c) => c.id === card.id) ? cards.map((c) => (c.id === card.id ? card : c)) : cards;
  return {
    ...board,
    backlog: swap(board.backlog),
    columns: board.columns.map((column) => {
      const cards = swap(column.cards);
      return cards === column.cards ? column : { ...column, cards };
    }),
  };
}

export function spansYears(board: Pick<Board, 'group'>): boolean {
  return board.group.planStart.year !== board.group.planEnd.year;
}

/** "May", "May 2024" in a plan across years, or "the backlog". */
export function columnName(board: Board, column: ColumnId): string {
  if (column === BACKLOG) {
    return 'Backlog';
  }
  const found = board.columns.find((c) => c.month.key === column);
  return found ? columnLabel(found.month, spansYears(board)) : column;
}

export interface MoveDescription {
  title: string;
  from: string;
  to: string;
  /** 1-based */
  position: number;
  total: number;
}

/** "Moved 'Publish roadmap' from May to June, position 2 of 5" (or "within May"). */
export function describeMove({ title, from, to, position, total }: MoveDescription): string {
  const where = from === to ? `within ${to}` : `from ${from} to ${to}`;
  return `Moved '${title}' ${where}, position ${position} of ${total}`;
}

export function describePickup(title: string, column: string, position: number, total: number): string {
  return `Picked up '${title}' in ${column}, position ${position} of ${total}. Use the arrow keys to move it, Space to drop it, Escape to cancel.`;
}

export function describeOver(title: string, column: string, position: number, total: number): string {
  return `'${title}' is over ${column}, position ${position} of ${total}.`;
}

export function describeCancel(title: string, column: string): string {
  return `Move cancelled. '${title}' stays in ${column}.`;
}
