import { useCallback, useRef, useState, type RefObject } from 'react';
import { useDndContext } from '@dnd-kit/core';

/** Columns with more cards than this draw their first cards only, and more as they are scrolled (see ADR 0015). */
export const WINDOW_FROM = 48;
/** How many cards a long column draws at first, and at least how many more each time it grows. */
export const SLICE = 24;
/** The height of a card with its gap before one was measured, for the room kept for the cards not drawn yet. */
export const ESTIMATED_CARD_HEIGHT = 88;
/** Cards kept drawn past the one being dragged or hovered, so the keyboard and the pointer always find one below. */
const LOOKAHEAD = 4;

export interface CardWindow {
  /** How many of the column's first cards to draw. */
  shown: number;
  /** The height of a drawn card with its gap, as last measured: the room below is this per card not drawn. */
  cardHeight: number;
  /** The room kept for the cards not drawn (null when all are drawn). */
  spacerRef: RefObject<HTMLLIElement | null>;
  /** For the column's scrolling list: draws more cards as its end comes near. */
  onScroll: (event: React.UIEvent<HTMLElement>) => void;
  /** Draws another slice (the "Show more" button of the spacer). */
  showMore: () => void;
  /** Draws every card up to the column's end and one more: a card was just added there. */
  revealEnd: () => void;
}

/**
 * Windowing for a long month column: rendering and laying out a thousand cards at once is what made a big board slow
 * to open, and most of them are below the fold of their column. A long column draws its first {@link SLICE} cards and
 * keeps the room of the others (so its scroll bar tells the truth), then draws more as it is scrolled, when its
 * "Show more" button is pressed, when a card is dragged or hovered near the end of what is drawn, and when a card is
 * added. It never draws fewer again while the board is open (a card just moved or dropped stays where it is seen).
 *
 * `ids` are the ids of the column's cards in order.
 */
export function useCardWindow(ids: readonly number[]): CardWindow {
  const [limit, setLimit] = useState(SLICE);
  const spacerRef = useRef<HTMLLIElement | null>(null);
  const [cardHeight, setCardHeight] = useState(ESTIMATED_CARD_HEIGHT);
  const grow = useCallback((to: number) => setLimit((now) => Math.max(now, to)), []);

  // The card being dragged and the one under it must be drawn, with a few below them.
  const { active, over } = useDndContext();
  const needed = Math.max(indexIn(ids, active?.id), indexIn(ids, over?.id));
  const wanted = needed >= 0 ? Math.max(limit, needed + 1 + LOOKAHEAD) : limit;
  if (wanted > limit) {
    // Derived during rendering (React's pattern for state that depends on props): no frame with the card missing.
    setLimit(wanted);
  }
  const shown = ids.length > WINDOW_FROM ? Math.min(ids.length, wanted) : ids.length;

  const frame = useRef<number | null>(null);
  const onScroll = useCallback(
    (event: React.UIEvent<HTMLElement>) => {
      const list = event.currentTarget;
      if (frame.current !== null) {
        return;
      }
      frame.current = requestAnimationFrame(() => {
        frame.current = null;
        const spacer = spacerRef.current;
        if (!spacer) {
          return;
        }
        // Offsets are within the list (it is positioned): the spacer starts where the drawn cards end.
        const drawn = list.querySelectorAll('[data-card-id]').length;
        const first = list.querySelector<HTMLElement>('[data-card-id]');
        const height =
          drawn > 0 && first && spacer.offsetTop > first.offsetTop
            ? Math.round((spacer.offsetTop - first.offsetTop) / drawn)
            : ESTIMATED_CARD_HEIGHT;
        setCardHeight(height);
        const remaining = Number(spacer.dataset.remaining ?? 0);
        spacer.style.height = `${Math.round(remaining * height)}px`;
        // Draw ahead by one screen of the column, and at least a slice, so a scroll never shows an empty gap.
        const reach = list.scrollTop + 2 * list.clientHeight;
        if (reach > spacer.offsetTop) {
          const more = Math.ceil((reach - spacer.offsetTop) / height);
          grow(drawn + Math.max(more, SLICE));
        }
      });
    },
    [grow],
  );

  const showMore = useCallback(() => setLimit((now) => now + SLICE), []);
  const revealEnd = useCallback(() => grow(ids.length + 1), [grow, ids.length]);

  return { shown, cardHeight, spacerRef, onScroll, showMore, revealEnd };
}

function indexIn(ids: readonly number[], id: string | number | undefined): number {
  return id === undefined ? -1 : ids.indexOf(Number(id));
}
