import { useEffect, useState, type CSSProperties } from 'react';
import { Icon } from '@/components/ui/icon';
import { statusLabels, statuses } from '@/components/ui/status-chip';
import type { Board, CardStatus } from '@/types/domain';
import { isFiltering, noFilters, responsibleOptions, type BoardFilters } from '../lib/filters';

interface BoardToolbarProps {
  board: Board;
  filters: BoardFilters;
  onChange: (filters: BoardFilters) => void;
  onJumpToToday?: () => void;
}

/** Filters by goal, status, responsible and text; the goal colour legend; "read only" for visitors. */
export function BoardToolbar({ board, filters, onChange, onJumpToToday }: BoardToolbarProps) {
  const [text, setText] = useState(filters.text);
  const [shownText, setShownText] = useState(filters.text);
  if (filters.text !== shownText) {
    // The filter changed from outside (Clear, back button): show it in the field.
    setShownText(filters.text);
    setText(filters.text);
  }
  useEffect(() => {
    if (text === filters.text) {
      return;
    }
    const timer = setTimeout(() => onChange({ ...filters, text }), 200);
    return () => clearTimeout(timer);
  }, [text, filters, onChange]);

  const people = responsibleOptions(board);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const active = [filters.goalId, filters.status, filters.responsible].filter((f) => f !== null).length;
  return (
    <div className="board-toolbar" role="search" aria-label="Filter cards">
      <div className="board-toolbar__search">
        <Icon name="search" />
        <label className="visually-hidden" htmlFor="board-filter-text">
          Find cards
        </label>
        <input
          id="board-filter-text"
          className="input"
          type="search"
          placeholder="Find cards…"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <button
        type="button"
        className="button button--small board-toolbar__toggle"
        aria-expanded={filtersOpen}
        aria-controls="board-filters"
        onClick={() => setFiltersOpen((open) => !open)}
      >
        <Icon name="filter" /> Filters{active > 0 ? ` (${active})` : ''}
      </button>
      <div id="board-filters" className={`board-toolbar__filters${filtersOpen ? ' is-open' : ''}`}>
        <label className="visually-hidden" htmlFor="board-filter-goal">
          Goal
        </label>
        <select
          id="board-filter-goal"
          className="select"
          value={filters.goalId ?? ''}
          onChange={(event) =>
            onChange({ ...filters, goalId: event.target.value ? Number(event.target.value) : null })
          }
        >
          <option value="">All goals</option>
          {board.goals.map((goal) => (
            <option key={goal.id} value={goal.id}>
              {goal.title}
            </option>
          ))}
        </select>
        <label className="visually-hidden" htmlFor="board-filter-status">
          Status
        </label>
        <select
          id="board-filter-status"
          className="select"
          value={filters.status ?? ''}
          onChange={(event) =>
            onChange({ ...filters, status: (event.target.value || null) as CardStatus | null })
          }
        >
          <option value="">Any status</option>
          {statuses.map((status) => (
            <option key={status} value={status}>
              {statusLabels[status]}
            </option>
          ))}
        </select>
        <label className="visually-hidden" htmlFor="board-filter-responsible">
          Responsible
        </label>
        <select
          id="board-filter-responsible"
          className="select"
          value={filters.responsible ?? ''}
          onChange={(event) => onChange({ ...filters, responsible: event.target.value || null })}
        >
          <option value="">Anyone responsible</option>
          {people.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        {isFiltering(filters) ? (
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => onChange(noFilters)}
          >
            <Icon name="x" /> Clear
          </button>
        ) : null}
      </div>
      <span className="board-toolbar__spacer" />
      {board.goals.length > 0 ? (
        <div className="board-toolbar__legend" aria-label="Goal colours">
          {board.goals.map((goal) => (
            <span
              key={goal.id}
              style={{ ['--goal-color' as string]: goal.color ?? 'var(--faint)' } as CSSProperties}
            >
              <span className="goal-dot" aria-hidden="true" />
              {goal.title}
            </span>
          ))}
        </div>
      ) : null}
      {onJumpToToday ? (
        <button type="button" className="button button--small" onClick={onJumpToToday}>
          <Icon name="today" /> This month
        </button>
      ) : null}
      {!board.group.canEdit ? (
        <span className="board-readonly-note" data-testid="read-only-note">
          <Icon name="lock" /> Read only
        </span>
      ) : null}
    </div>
  );
}
