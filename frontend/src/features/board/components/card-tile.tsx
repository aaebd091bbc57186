import { forwardRef, type CSSProperties, type HTMLAttributes, type ReactNode } from 'react';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Avatar } from '@/components/ui/avatar';
import { Icon } from '@/components/ui/icon';
import { StatusChip } from '@/components/ui/status-chip';
import type { Card, Goal } from '@/types/domain';

interface CardTileBodyProps extends HTMLAttributes<HTMLElement> {
  card: Card;
  goal: Goal | undefined;
  onOpen?: (cardId: number) => void;
  handle?: ReactNode;
  state?: 'placeholder' | 'overlay' | 'idle';
  as?: 'li' | 'div';
}

/** How a card looks on the board: goal colour, title, status, responsible. Also used for the drag overlay. */
export const CardTileBody = forwardRef<HTMLElement, CardTileBodyProps>(function CardTileBody(
  { card, goal, onOpen, handle, state = 'idle', as = 'li', className, style, ...rest },
  ref,
) {
  const Tag = as;
  const classes = ['card-tile', `card-tile--${state}`, handle ? 'card-tile--editable' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <Tag
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tag is li or div, both HTMLElement
      ref={ref as any}
      className={classes}
      data-card-id={card.id}
      data-testid="card"
      style={{ ['--goal-color' as string]: goal?.color ?? 'transparent', ...style } as CSSProperties}
      {...rest}
    >
      <div className="card-tile__main">
        <button
          type="button"
          className="card-tile__title"
          onClick={() => onOpen?.(card.id)}
          tabIndex={state === 'overlay' ? -1 : undefined}
        >
          {card.title}
        </button>
        <div className="card-tile__meta">
          <StatusChip status={card.status} />
          {card.responsible ? (
            <span className="card-tile__person" title={`Responsible: ${card.responsible}`}>
              <Avatar name={card.responsible} />
              <span className="card-tile__person-name">{card.responsible}</span>
            </span>
          ) : null}
        </div>
        {goal ? (
          <span className="card-tile__goal" title={`Goal: ${goal.title}`}>
            <span className="goal-dot" aria-hidden="true" />
            <span className="visually-hidden">Goal: </span>
            {goal.title}
          </span>
        ) : null}
      </div>
      {handle}
    </Tag>
  );
});

interface SortableCardTileProps {
  card: Card;
  goal: Goal | undefined;
  editable: boolean;
  onOpen: (cardId: number) => void;
}

/** A card in a column. Members drag it with the mouse (anywhere on it), a long press, or the keyboard (its handle). */
export function SortableCardTile({ card, goal, editable, onOpen }: SortableCardTileProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({
      id: card.id,
      disabled: !editable,
      data: { type: 'card' },
    });

  if (!editable) {
    return <CardTileBody card={card} goal={goal} onOpen={onOpen} />;
  }

  const style: CSSProperties = { transform: CSS.Translate.toString(transform), transition };
  const { role: _role, tabIndex: _tabIndex, ...handleAttributes } = attributes;
  return (
    <CardTileBody
      ref={setNodeRef}
      card={card}
      goal={goal}
      onOpen={onOpen}
      state={isDragging ? 'placeholder' : 'idle'}
      style={style}
      {...listeners}
      handle={
        <button
          ref={setActivatorNodeRef}
          type="button"
          className="card-tile__handle"
          aria-label={`Move '${card.title}'`}
          {...handleAttributes}
        >
          <Icon name="grip" />
        </button>
      }
    />
  );
}
