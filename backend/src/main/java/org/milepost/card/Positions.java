package org.milepost.card;

import java.util.List;
import java.util.OptionalLong;

/**
 * Sparse card positions within a column (ADR 0003). New neighbours are {@link #GAP} apart, so a move normally
 * takes the midpoint of its two neighbours and writes one row. When two neighbours are adjacent integers, a
 * <em>local</em> rebalance respaces the smallest window of cards around the insertion point that has room, never
 * the whole column (unless the column is tiny). Positions may be negative: inserting at the top of a column takes
 * {@code first - GAP}, at the bottom {@code last + GAP}, so the ends never need a rebalance.
 */
public final class Positions {

    public static final long GAP = 1L << 16;

    private Positions() {}

    /**
     * The position between {@code before} (the card above, or null at the top) and {@code after} (the card below,
     * or null at the bottom), if there is room without moving anyone.
     */
    public static OptionalLong between(Long before, Long after) {
        if (before == null && after == null) {
            return OptionalLong.of(0);
        }
        if (before == null) {
            return OptionalLong.of(after - GAP);
        }
        if (after == null) {
            return OptionalLong.of(before + GAP);
        }
        if (after - before < 2) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(before + (after - before) / 2);
    }

    /**
     * A plan to respace a window of the column so a new card fits at {@code index}.
     *
     * @param from        index of the first card of the column that moves
     * @param positions   the new positions of the cards from {@code from} on, in order
     * @param newPosition the position of the inserted card
     */
    public record Rebalance(int from, long[] positions, long newPosition) {}

    /**
     * Respace the smallest window around {@code index} (the gap between {@code column[index - 1]} and
     * {@code column[index]}) whose bounding neighbours leave at least {@code GAP / 4} between consecutive cards. The
     * window doubles until it fits; at the column's ends it can always stretch outwards.
     *
     * @param column the positions of the column's cards in order, without the card being moved
     * @param index  where the card goes: 0 is the top, {@code column.size()} the bottom
     */
    public static Rebalance rebalance(List<Long> column, int index) {
        int n = column.size();
        long wanted = GAP / 4;
        for (int radius = 1; ; radius *= 2) {
            int lo = Math.max(0, index - radius); // first card in the window
            int hi = Math.min(n, index + radius); // one past the last card in the window
            int slots = hi - lo + 1; // cards in the window plus the new one
            Long lower = lo > 0 ? column.get(lo - 1) : null;
            Long upper = hi < n ? column.get(hi) : null;
            long step;
            long start;
            if (lower == null && upper == null) {
                step = GAP;
                start = 0;
            } else if (lower == null) {
                step = GAP;
                start = upper - (long) slots * GAP;
            } else if (upper == null) {
                step = GAP;
                start = lower + GAP;
            } else {
                step = (upper - lower) / (slots + 1);
                start = lower + step;
                if (step < wanted) {
                    continue;
                }
            }
            long[] moved = new long[hi - lo];
            long newPosition = 0;
            long p = start;
            for (int slot = 0, card = lo; slot < slots; slot++) {
                if (lo + slot == index) {
                    newPosition = p;
                } else {
                    moved[card - lo] = p;
                    card++;
                }
                p += step;
            }
            return new Rebalance(lo, moved, newPosition);
        }
    }
}
