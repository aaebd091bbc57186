/** Board filters (goal, status, responsible, text): pure, kept in the URL so a filtered board can be shared. */
import type { Board, Card, CardStatus } from '@/types/domain';

export interface BoardFilters {
  goalId: number | null;
  status: CardStatus | null;
  responsible: string | null;
  text: string;
}

export const noFilters: BoardFilters = { goalId: null, status: null, responsible: null, text: '' };

const STATUSES: readonly CardStatus[] = ['PLANNED', 'IN_PROGRESS', 'DONE', 'BLOCKED', 'DROPPED'];

export function isFiltering(filters: BoardFilters): boolean {
  return (
    filters.goalId !== null ||
    filters.status !== null ||
    filters.responsible !== null ||
    filters.text.trim() !== ''
  );
}

function normalize(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export function matchesFilters(card: Card, filters: BoardFilters): boolean {
  if (filters.goalId !== null && card.goalId !== filters.goalId) {
    return false;
  }
  if (filters.status !== null && card.status !== filters.status) {
    return false;
  }
  if (
    filters.responsible !== null &&
    normalize(card.responsible.trim()) !== normalize(filters.responsible.trim())
  ) {
    return false;
  }
  const words = normalize(filters.text).split(/\s+/).filter(Boolean);
  if (words.length > 0) {
    const haystack = normalize(
      [card.title, card.description, card.responsible, card.support, card.deliverable].join('\n'),
    );
    return words.every((word) => haystack.includes(word));
  }
  return true;
}

/** Everyone named as responsible on the board, once each, sorted. */
export function responsibleOptions(board: Board): string[] {
  const names = new Map<string, string>();
  for (const card of [...board.backlog, ...board.columns.flatMap((c) => c.cards)]) {
    const name = card.responsible.trim();
    if (name && !names.has(normalize(name))) {
      names.set(normalize(name), name);
    }
  }
  return [...names.values()].sort((a, b) => a.localeCompare(b));
}

export function filtersFromSearch(params: URLSearchParams): BoardFilters {
  const goal = Number(params.get('goal'));
  const status = params.get('status') as CardStatus | null;
  return {
    goalId: Number.isInteger(goal) && goal > 0 ? goal : null,
    status: status && STATUSES.includes(status) ? status : null,
    responsible: params.get('responsible') || null,
    text: params.get('q') ?? '',
  };
}

export function filtersToSearch(filters: BoardFilters, params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | null) => (value ? next.set(key, value) : next.delete(key));
  set('goal', filters.goalId === null ? null : String(filters.goalId));
  set('status', filters.status);
  set('responsible', filters.responsible);
  set('q', filters.text || null);
  return next;
}
