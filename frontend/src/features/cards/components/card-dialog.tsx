import { useId, useState, type CSSProperties, type ReactNode } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { Dialog } from '@/components/ui/dialog';
import { Icon } from '@/components/ui/icon';
import { StatusChip } from '@/components/ui/status-chip';
import { panelId, tabId, Tabs } from '@/components/ui/tabs';
import { Markdown } from '@/components/markdown/markdown';
import { describeError, isApiError } from '@/lib/api-error';
import { monthLabel } from '@/lib/months';
import type { Card, CardFields, Goal } from '@/types/domain';
import { currentCardOf, useDeleteCard, useUpdateCard } from '../api/card-mutations';
import { CardForm, fieldsOf } from './card-form';
import './card-dialog.css';

export interface CardDialogProps {
  slug: string;
  card: Card;
  goals: Goal[];
  canEdit: boolean;
  onClose: () => void;
  /** Open straight in edit mode (a member's "Edit"). */
  startEditing?: boolean;
  /**
   * The card's history, composed in by the route (another feature): rendered only while its tab is open, so it loads
   * when asked for.
   */
  renderHistory?: (card: Card) => ReactNode;
}

type CardTab = 'details' | 'history';
const cardTabs = [
  { id: 'details' as const, label: 'Details' },
  { id: 'history' as const, label: 'History' },
];

const timestamp = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

function when(value: string | null): string {
  if (!value) {
    return '';
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : timestamp.format(date);
}

/** A card, to read (anyone who sees the board) and to edit (members): every field, the description as Markdown. */
export function CardDialog({
  slug,
  card,
  goals,
  canEdit,
  onClose,
  startEditing = false,
  renderHistory,
}: CardDialogProps) {
  const tabsPrefix = useId();
  const [tab, setTab] = useState<CardTab>('details');
  const [editing, setEditing] = useState(startEditing && canEdit);
  const [draft, setDraft] = useState<CardFields>(() => fieldsOf(card));
  const [base, setBase] = useState<Card>(card);
  const [problem, setProblem] = useState<{ message: string; conflict: boolean } | null>(null);
  const update = useUpdateCard(slug);
  const remove = useDeleteCard(slug);
  const shown = editing ? base : card;
  const goal = goals.find((g) => g.id === shown.goalId);
  const where = shown.month ? monthLabel(shown.month) : 'Backlog';

  function startEdit() {
    setBase(card);
    setDraft(fieldsOf(card));
    setProblem(null);
    setTab('details');
    setEditing(true);
  }

  function save() {
    setProblem(null);
    update.mutate(
      { card: base, fields: draft },
      {
        onSuccess: (saved) => {
          setBase(saved);
          setEditing(false);
        },
        onError: (error) => {
          const current = currentCardOf(error);
          if (current) {
            // Someone saved first: show their version, keep what this person typed, and let them save over it.
            setBase(current);
            setProblem({
              conflict: true,
              message:
                'Someone else changed this card while you were editing. Their version is below; your edits are still in the form. Save again to replace theirs.',
            });
            return;
          }
          const description = describeError(error, 'save the card');
          setProblem({
            conflict: isApiError(error) && error.kind === 'conflict',
            message: description.message,
          });
        },
      },
    );
  }

  const footer = editing ? (
    <>
      <button
        type="button"
        className="button button--danger card-dialog__delete"
        onClick={() => {
          if (window.confirm(`Delete '${card.title}'? This cannot be undone.`)) {
            remove.mutate(base, { onSuccess: onClose });
          }
        }}
        disabled={remove.isPending}
      >
        <Icon name="trash" /> Delete
      </button>
      <button type="button" className="button" onClick={() => setEditing(false)}>
        Cancel
      </button>
      <button type="submit" form="card-form" className="button button--primary" disabled={update.isPending}>
        {update.isPending ? 'Saving…' : 'Save changes'}
      </button>
    </>
  ) : undefined;

  return (
    <Dialog
      size="lg"
      eyebrow={
        <span className="card-dialog__eyebrow">
          <Icon name="calendar" /> {where}
        </span>
      }
      title={editing ? `Edit '${base.title}'` : shown.title}
      onClose={onClose}
      footer={footer}
      actions={
        canEdit && !editing ? (
          <button type="button" className="button button--small" onClick={startEdit}>
            <Icon name="edit" /> Edit
          </button>
        ) : null
      }
    >
      {problem ? (
        <div className={`card-dialog__problem${problem.conflict ? ' is-conflict' : ''}`} role="alert">
          <Icon name="alert" />
          <p>{problem.message}</p>
        </div>
      ) : null}
      {editing ? (
        <>
          {problem?.conflict ? (
            <CardDetails card={base} goal={goals.find((g) => g.id === base.goalId)} compact />
          ) : null}
          <CardForm
            id="card-form"
            value={draft}
            goals={goals}
            onChange={setDraft}
            onSubmit={save}
            error={update.error}
          />
        </>
      ) : renderHistory ? (
        <>
          <Tabs label="Card" prefix={tabsPrefix} tabs={cardTabs} selected={tab} onSelect={setTab} />
          <div
            role="tabpanel"
            id={panelId(tabsPrefix, tab)}
            aria-labelledby={tabId(tabsPrefix, tab)}
            // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- the tabs pattern: the panel is a stop
            tabIndex={0}
            className="card-dialog__panel"
          >
            {tab === 'details' ? <CardDetails card={shown} goal={goal} /> : renderHistory(shown)}
          </div>
        </>
      ) : (
        <CardDetails card={shown} goal={goal} />
      )}
    </Dialog>
  );
}

function CardDetails({
  card,
  goal,
  compact = false,
}: {
  card: Card;
  goal: Goal | undefined;
  compact?: boolean;
}) {
  return (
    <div className={`card-details${compact ? ' card-details--compact' : ''}`} data-testid="card-details">
      <dl className="card-details__facts">
        <div>
          <dt>Status</dt>
          <dd>
            <StatusChip status={card.status} />
          </dd>
        </div>
        <div>
          <dt>Goal</dt>
          <dd>
            {goal ? (
              <span
                className="card-details__goal"
                style={{ ['--goal-color' as string]: goal.color ?? 'var(--faint)' } as CSSProperties}
              >
                <span className="goal-dot" aria-hidden="true" /> {goal.title}
              </span>
            ) : (
              <span className="muted">None</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Responsible</dt>
          <dd>
            {card.responsible ? (
              <span className="card-details__person">
                <Avatar name={card.responsible} /> {card.responsible}
              </span>
            ) : (
              <span className="muted">Nobody yet</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Support</dt>
          <dd>{card.support || <span className="muted">—</span>}</dd>
        </div>
        <div className="card-details__wide">
          <dt>Deliverable</dt>
          <dd>{card.deliverable || <span className="muted">—</span>}</dd>
        </div>
      </dl>
      {compact ? null : (
        <>
          <h3 className="card-details__heading">Description</h3>
          {card.description ? (
            <Markdown source={card.description} className="card-details__description" />
          ) : (
            <p className="muted">No description.</p>
          )}
          <p className="card-details__audit">
            {card.createdByName || card.createdBy
              ? `Created by ${card.createdByName || card.createdBy}`
              : 'Created'}
            {card.createdAt ? ` on ${when(card.createdAt)}` : ''}
            {card.updatedAt && card.updatedAt !== card.createdAt
              ? ` · Updated${card.updatedByName || card.updatedBy ? ` by ${card.updatedByName || card.updatedBy}` : ''} on ${when(card.updatedAt)}`
              : ''}
          </p>
        </>
      )}
    </div>
  );
}

export default CardDialog;
