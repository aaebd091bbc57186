package org.milepost.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PositionsTest {

    @Test
    void shouldTakeMidpointWhenThereIsRoom() {
        assertEquals(OptionalLong.of(50), Positions.between(0L, 100L));
        assertEquals(OptionalLong.of(-Positions.GAP), Positions.between(null, 0L));
        assertEquals(OptionalLong.of(10 + Positions.GAP), Positions.between(10L, null));
        assertEquals(OptionalLong.of(0), Positions.between(null, null));
        assertTrue(Positions.between(5L, 6L).isEmpty());
    }

    /** Simulates a column: inserts at an index, rebalancing when needed, and returns how many rows were written. */
    private static int insert(List<Long> column, int index) {
        Long before = index > 0 ? column.get(index - 1) : null;
        Long after = index < column.size() ? column.get(index) : null;
        OptionalLong midpoint = Positions.between(before, after);
        if (midpoint.isPresent()) {
            column.add(index, midpoint.getAsLong());
            return 1;
        }
        Positions.Rebalance plan = Positions.rebalance(column, index);
        for (int i = 0; i < plan.positions().length; i++) {
            column.set(plan.from() + i, plan.positions()[i]);
        }
        column.add(index, plan.newPosition());
        return 1 + plan.positions().length;
    }

    private static void assertStrictlyIncreasing(List<Long> column) {
        for (int i = 1; i < column.size(); i++) {
            assertTrue(column.get(i - 1) < column.get(i), "order broken at " + i + ": " + column);
        }
    }

    @Test
    void shouldKeepStrictOrderForHundredsOfInsertionsBetweenTheSameTwoCards() {
        List<Long> column = new ArrayList<>(List.of(0L, Positions.GAP, 2 * Positions.GAP, 3 * Positions.GAP));
        int rebalances = 0;
        int maxWritten = 0;
        for (int i = 0; i < 500; i++) {
            // always just after the second card: the gap before the third card keeps halving
            int written = insert(column, 2);
            if (written > 1) {
                rebalances++;
            }
            maxWritten = Math.max(maxWritten, written);
            assertStrictlyIncreasing(column);
        }
        assertEquals(504, column.size());
        assertTrue(rebalances > 0, "the gap must have run out at least once");
        assertTrue(rebalances < 100, "rebalances must be rare, were " + rebalances);
    }

    @Test
    void shouldRebalanceOnlyALocalWindowInALongColumn() {
        List<Long> column = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            column.add(i * Positions.GAP);
        }
        int maxWritten = 0;
        int totalWritten = 0;
        for (int i = 0; i < 200; i++) {
            int written = insert(column, 500);
            totalWritten += written;
            maxWritten = Math.max(maxWritten, written);
        }
        assertStrictlyIncreasing(column);
        // The window grows with the local cluster it must spread out (here all 200 new cards), never to the column.
        assertTrue(maxWritten < column.size() / 3, "a rebalance rewrote " + maxWritten + " rows of " + column.size());
        assertTrue(totalWritten / 200.0 < 8, "on average a move wrote " + totalWritten / 200.0 + " rows");
    }

    @Test
    void shouldKeepOrderUnderRandomInsertions() {
        Random random = new Random(42);
        List<Long> column = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            insert(column, column.isEmpty() ? 0 : random.nextInt(column.size() + 1));
        }
        assertStrictlyIncreasing(column);
        assertEquals(5000, column.size());
    }
}
