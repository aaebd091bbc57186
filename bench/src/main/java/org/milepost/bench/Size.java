package org.milepost.bench;

import java.util.List;

/**
 * How big and how long each scenario runs. {@code tiny} is the smoke (every code path, in about a minute and a
 * half, figures meaningless); {@code full} is what the budgets are judged on; {@code quick} is a shorter full-sized
 * run for trying a change (fewer and shorter repetitions).
 *
 * @param boards        the generated groups' card counts (S1; S2 and S4 use the 1,000-card one when present)
 * @param warmupSeconds wrk warm-up before measured repetitions
 * @param seconds       one measured wrk repetition
 * @param reps          measured repetitions (medians are reported)
 * @param moveSizes     which groups S2 moves cards in
 * @param createCounts  S3: cards created one by one / batched per run
 * @param createReps    S3 repetitions per count and client number
 * @param mixedSeconds  S4 duration
 * @param mixedReps     S4 repetitions
 * @param restarts      S5 restarts measured (after the first launch)
 * @param statementSamples requests sampled to count SQL statements
 * @param webSizes      S6 boards opened in Chromium
 */
record Size(
        String name,
        List<Integer> boards,
        int warmupSeconds,
        int seconds,
        int reps,
        List<Integer> moveSizes,
        List<Integer> createCounts,
        int createReps,
        int mixedSeconds,
        int mixedReps,
        int restarts,
        int statementSamples,
        List<Integer> webSizes,
        boolean durable) {

    static Size of(String name) {
        return switch (name) {
            case "tiny" ->
                new Size("tiny", List.of(50), 1, 2, 2, List.of(50), List.of(50), 1, 5, 1, 1, 5, List.of(50), false);
            case "quick" ->
                new Size(
                        "quick",
                        List.of(1000, 5000),
                        3,
                        5,
                        3,
                        List.of(1000, 5000),
                        List.of(1000),
                        1,
                        20,
                        1,
                        3,
                        10,
                        List.of(1000, 5000),
                        true);
            case "full" ->
                new Size(
                        "full",
                        List.of(50, 1000, 5000),
                        5,
                        10,
                        5,
                        List.of(1000, 5000),
                        List.of(1000, 5000),
                        3,
                        60,
                        3,
                        5,
                        20,
                        List.of(1000, 5000),
                        true);
            default -> throw new IllegalArgumentException("--size is tiny, quick or full, not " + name);
        };
    }

    /** The group S4 (mixed traffic) runs on: 1,000 cards when generated, else the largest. */
    int mixedBoard() {
        return boards.contains(1000) ? 1000 : boards.get(boards.size() - 1);
    }
}
