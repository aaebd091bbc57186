/**
 * jsdom lays nothing out, so every element measures 0×0 and the keyboard sensor of dnd-kit cannot tell which card is
 * below which. This gives board elements the rectangles a browser would: columns side by side, cards stacked.
 */
const COLUMN_WIDTH = 300;
const CARD_HEIGHT = 80;
const TOP = 120;

function rect(left: number, top: number, width: number, height: number): DOMRect {
  return {
    left,
    top,
    width,
    height,
    right: left + width,
    bottom: top + height,
    x: left,
    y: top,
    toJSON: () => ({}),
  } as DOMRect;
}

export function installFakeBoardLayout() {
  const original = Element.prototype.getBoundingClientRect;
  Element.prototype.getBoundingClientRect = function fake(this: Element): DOMRect {
    const overlay = this.closest('.drag-overlay');
    const lifted = overlay?.querySelector('[data-card-id]');
    if (lifted) {
      // The drag overlay starts where the lifted card is.
      const placeholder = document.querySelector(
        `[data-column] [data-card-id="${lifted.getAttribute('data-card-id')}"]`,
      );
      return placeholder ? placeholder.getBoundingClientRect() : original.call(this);
    }
    const column = this.closest('[data-column]');
    if (!column) {
      return original.call(this);
    }
    const columns = Array.from(document.querySelectorAll('[data-column]'));
    const left = columns.indexOf(column) * COLUMN_WIDTH;
    const card = this.closest('[data-card-id]');
    if (card) {
      const cards = Array.from(column.querySelectorAll('[data-card-id]'));
      return rect(left + 8, TOP + cards.indexOf(card) * CARD_HEIGHT, COLUMN_WIDTH - 16, CARD_HEIGHT - 8);
    }
    return rect(left, TOP, COLUMN_WIDTH - 12, 20 * CARD_HEIGHT);
  };
  return () => {
    Element.prototype.getBoundingClientRect = original;
  };
}
