import { forwardRef, memo, useMemo, type CSSProperties, type HTMLAttributes, type ReactNode } from 'react';
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

/**
 * A card in a column. Members drag it with the mouse (anywhere on it), a long press, or the keyboard (its handle).
 * Memoised, and so is what it draws: dnd-kit renders every sortable again when the drag state changes (pick-up, drop,
 * another column), and on a board of a thousand cards only the hook may run then, not the card's markup.
 */
export const SortableCardTile = memo(function SortableCardTile({
  card,
  goal,
  editable,
  onOpen,
}: SortableCardTileProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({
      id: card.id,
      disabled: !editable,
      data: { type: 'card' },
    });

  if (!editable) {
    return <StaticCardTile card={card} goal={goal} onOpen={onOpen} />;
  }
  return (
    <DraggableCardTile
      card={card}
      goal={goal}
      onOpen={onOpen}
      nodeRef={setNodeRef}
      activatorRef={setActivatorNodeRef}
      transform={CSS.Translate.toString(transform)}
      transition={transition}
      isDragging={isDragging}
      attributes={attributes}
      listeners={listeners}
    />
  );
});

const StaticCardTile = memo(function StaticCardTile({
  card,
  goal,
  onOpen,
}: {
  card: Card;
  goal: Goal | undefined;
  onOpen: (cardId: number) => void;
}) {
  return <CardTileBody card={card} goal={goal} onOpen={onOpen} />;
});

type Sortable = ReturnType<typeof useSortable>;

interface DraggableCardTileProps {
  card: Card;
  goal: Goal | undefined;
  onOpen: (cardId: number) => void;
  nodeRef: Sortable['setNodeRef'];
  activatorRef: Sortable['setActivatorNodeRef'];
  transform: string | undefined;
  transition: string | undefined;
  isDragging: boolean;
  attributes: Sortable['attributes'];
  listeners: Sortable['listeners'];
}

/** What a draggable card draws: only primitives and dnd-kit's memoised objects as props, so it renders rarely. */
const DraggableCardTile = memo(function DraggableCardTile({
  card,
  goal,
  onOpen,
  nodeRef,
  activatorRef,
  transform,
  transition,
  isDragging,
  attributes,
  listeners,
}: DraggableCardTileProps) {
  const style = useMemo<CSSProperties>(() => ({ transform, transition }), [transform, transition]);
  const { role: _role, tabIndex: _tabIndex, ...handleAttributes } = attributes;
  return (
    <CardTileBody
      ref={nodeRef}
      card={card}
      goal={goal}
      onOpen={onOpen}
      state={isDragging ? 'placeholder' : 'idle'}
      style={style}
      {...listeners}
      handle={
        <button
          ref={activatorRef}
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
});
