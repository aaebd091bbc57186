import { memo, useMemo, useState, type ReactNode } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { Link } from 'react-router';
import { Icon } from '@/components/ui/icon';
import { shortDateLabel } from '@/lib/months';
import type { Card, Goal, MeetingSummary, Milestone } from '@/types/domain';
import { useCardWindow } from '../hooks/use-card-window';
import { SortableCardTile } from './card-tile';

const noMeetings: MeetingSummary[] = [];

interface BoardColumnProps {
  id: string;
  label: string;
  /** e.g. "2024" under the month name */
  sublabel?: string;
  milestone?: Milestone;
  meetings?: MeetingSummary[];
  /** The ids of the cards shown, in order (the sortable items). */
  cardIds: number[];
  /** The cards shown, in the order of `cardIds`. */
  cards: Card[];
  goalsById: Map<number, Goal>;
  total: number;
  current?: boolean;
  backlog?: boolean;
  editable: boolean;
  filtering: boolean;
  meetingsHref?: string;
  onOpenCard: (cardId: number) => void;
  onAddCard?: (columnId: string, title: string) => Promise<unknown>;
  onEditMilestone?: (columnId: string) => void;
  style?: React.CSSProperties;
  headerExtra?: ReactNode;
}

/**
 * A month (or the backlog). Memoised: a drag or a move changes one or two columns, and the others (with their hundreds
 * of cards) are not rendered again; the board passes stable arrays and callbacks for that.
 */
export const BoardColumn = memo(function BoardColumn({
  id,
  label,
  sublabel,
  milestone,
  meetings = noMeetings,
  cardIds,
  cards,
  goalsById,
  total,
  current = false,
  backlog = false,
  editable,
  filtering,
  meetingsHref,
  onOpenCard,
  onAddCard,
  onEditMilestone,
  style,
  headerExtra,
}: BoardColumnProps) {
  const { setNodeRef, isOver } = useDroppable({ id, data: { type: 'column' }, disabled: !editable });
  const { shown, cardHeight, spacerRef, onScroll, showMore, revealEnd } = useCardWindow(cardIds);
  const shownIds = useMemo(
    () => (shown === cardIds.length ? cardIds : cardIds.slice(0, shown)),
    [cardIds, shown],
  );
  const remaining = cardIds.length - shown;
  const headingId = `column-${id}-heading`;
  const count = filtering ? `${cardIds.length} of ${total}` : String(total);
  const classes = [
    'board-column',
    current ? 'is-current' : '',
    backlog ? 'is-backlog' : '',
    isOver ? 'is-over' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <section
      className={classes}
      aria-labelledby={headingId}
      data-column={id}
      data-testid={`column-${id}`}
      style={style}
    >
      <header className="board-column__head">
        <div className="board-column__title-row">
          <h2 id={headingId} className="board-column__month">
            {label}
            {sublabel ? <span className="board-column__year"> {sublabel}</span> : null}
          </h2>
          {current ? <span className="chip chip--accent">This month</span> : null}
          <span className="board-column__count" aria-label={`${count} cards`} data-testid="column-count">
            {count}
          </span>
          {headerExtra}
          {editable && onEditMilestone ? (
            <button
              type="button"
              className="icon-button board-column__edit"
              aria-label={`Edit the milestone of ${label}`}
              onClick={() => onEditMilestone(id)}
            >
              <Icon name="edit" />
            </button>
          ) : null}
        </div>
        {milestone && (milestone.title || milestone.focus) ? (
          <div className="board-column__milestone">
            {milestone.title ? <p className="board-column__milestone-title">{milestone.title}</p> : null}
            {milestone.focus ? (
              <p className="board-column__focus">
                <span className="board-column__focus-label">Focus</span> {milestone.focus}
              </p>
            ) : null}
          </div>
        ) : backlog ? (
          <p className="board-column__focus">Ideas and work not yet planned for a month.</p>
        ) : null}
        {meetings.length > 0 ? (
          <ul className="board-column__meetings" aria-label={`Meetings in ${label}`}>
            {meetings.map((meeting) => (
              <li key={meeting.id}>
                <Link
                  to={meetingsHref ?? '#'}
                  className={`meeting-pill${meeting.tentative ? ' is-tentative' : ''}`}
                  title={`Meeting ${meeting.number}${meeting.date ? `, ${shortDateLabel(meeting.date)}` : ''}${meeting.tentative ? ' (tentative)' : ''}${meeting.location ? `, ${meeting.location}` : ''}`}
                >
                  <Icon name="calendar" />
                  <span>
                    #{meeting.number}
                    {meeting.date ? ` · ${shortDateLabel(meeting.date)}` : ''}
                  </span>
                  {meeting.tentative ? <span className="visually-hidden">(tentative)</span> : null}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
      </header>
      <SortableContext id={id} items={shownIds} strategy={verticalListSortingStrategy}>
        <ol
          ref={setNodeRef}
          className="board-column__cards"
          aria-label={`Cards in ${label}`}
          onScroll={onScroll}
        >
          {cards.slice(0, shown).map((card) => (
            <SortableCardTile
              key={card.id}
              card={card}
              goal={card.goalId !== null ? goalsById.get(card.goalId) : undefined}
              editable={editable}
              onOpen={onOpenCard}
            />
          ))}
          {remaining > 0 ? (
            <li
              ref={spacerRef}
              className="board-column__more"
              data-remaining={remaining}
              data-testid="column-more"
              style={{ height: Math.round(remaining * cardHeight) }}
            >
              <button type="button" className="button button--ghost button--small" onClick={showMore}>
                Show more ({remaining} {remaining === 1 ? 'card' : 'cards'} below)
              </button>
            </li>
          ) : null}
          {cardIds.length === 0 ? (
            <li className="board-column__empty" aria-hidden={editable ? undefined : true}>
              {filtering ? 'No matching cards' : editable ? 'Drop a card here' : 'No cards yet'}
            </li>
          ) : null}
        </ol>
      </SortableContext>
      {editable && onAddCard ? (
        <AddCard columnId={id} label={label} onAdd={onAddCard} onAdded={revealEnd} />
      ) : null}
    </section>
  );
});

function AddCard({
  columnId,
  label,
  onAdd,
  onAdded,
}: {
  columnId: string;
  label: string;
  onAdd: BoardColumnProps['onAddCard'];
  /** The card is on the board: a long column draws its end, where the new card is. */
  onAdded: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [saving, setSaving] = useState(false);

  if (!open) {
    return (
      <button type="button" className="board-column__add" onClick={() => setOpen(true)}>
        <Icon name="plus" /> Add card
      </button>
    );
  }
  return (
    <form
      className="add-card"
      onSubmit={async (event) => {
        event.preventDefault();
        if (!title.trim() || !onAdd) {
          return;
        }
        setSaving(true);
        try {
          await onAdd(columnId, title.trim());
          onAdded();
          setTitle('');
        } catch {
          // The error was shown by the one error path; keep what was typed.
        } finally {
          setSaving(false);
        }
      }}
    >
      <label className="visually-hidden" htmlFor={`add-card-${columnId}`}>
        Title of the new card in {label}
      </label>
      <textarea
        id={`add-card-${columnId}`}
        className="textarea add-card__input"
        rows={2}
        autoFocus
        value={title}
        placeholder="What needs doing?"
        onChange={(event) => setTitle(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            event.currentTarget.form?.requestSubmit();
          }
          if (event.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      <div className="add-card__actions">
        <button
          type="submit"
          className="button button--primary button--small"
          disabled={saving || !title.trim()}
        >
          {saving ? 'Adding…' : 'Add card'}
        </button>
        <button type="button" className="button button--ghost button--small" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
