package org.milepost.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.milepost.reliability.HttpClients.send;
import static org.milepost.testing.Api.createGroup;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.milepost.reliability.HttpClients.Reply;
import org.milepost.testing.Tokens;

/**
 * Many real HTTP clients against the running app at once. Sizes are small by default so the test command stays
 * quick; {@code -Dmilepost.soak.clients=50 -Dmilepost.soak.seconds=60} runs the full soak (docs/reliability.md).
 */
@QuarkusTest
class ConcurrencyTest {

    private static final int SOAK_CLIENTS = Integer.getInteger("milepost.soak.clients", 12);
    private static final int SOAK_SECONDS = Integer.getInteger("milepost.soak.seconds", 8);
    private static final String BACKLOG = "backlog";

    @Inject
    EntityManager em;

    private final String token = Tokens.adminBearer();

    private long createCard(String slug, String title, String month) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("month", month);
        Reply reply = send("POST", "/api/groups/" + slug + "/cards", token, body);
        assertEquals(201, reply.status(), () -> String.valueOf(reply.body()));
        return reply.body().get("id").asLong();
    }

    /** The board as column name → card ids in order, plus each card's version. */
    private record Snapshot(Map<String, List<Long>> columns, Map<Long, Integer> versions) {}

    private Snapshot snapshot(String slug) {
        Reply reply = send("GET", "/api/groups/" + slug + "/board", token, null);
        assertEquals(200, reply.status());
        Map<String, List<Long>> columns = new LinkedHashMap<>();
        Map<Long, Integer> versions = new HashMap<>();
        for (JsonNode column : reply.body().get("columns")) {
            List<Long> ids = new ArrayList<>();
            for (JsonNode card : column.get("cards")) {
                ids.add(card.get("id").asLong());
                versions.put(card.get("id").asLong(), card.get("version").asInt());
            }
            columns.put(column.get("month").asText(), ids);
        }
        List<Long> backlog = new ArrayList<>();
        for (JsonNode card : reply.body().get("backlog")) {
            backlog.add(card.get("id").asLong());
            versions.put(card.get("id").asLong(), card.get("version").asInt());
        }
        columns.put(BACKLOG, backlog);
        return new Snapshot(columns, versions);
    }

    private long duplicatePositions(String slug) {
        return ((Number) em.createNativeQuery(
                                """
                select count(*) from (select c.milestone_id, c.position from card c
                  join working_group g on g.id = c.group_id where g.slug = :slug
                  group by c.milestone_id, c.position having count(*) > 1) d""")
                        .setParameter("slug", slug)
                        .getSingleResult())
                .longValue();
    }

    private static <T> List<T> runAtOnce(int threads, java.util.function.IntFunction<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                start.await();
                return task.apply(n);
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return results;
    }

    @Test
    void shouldGiveEveryCardCreatedAtOnceItsOwnPlaceInItsColumn() throws Exception {
        String slug = createGroup("race-create");
        // Sixteen clients create at once, half into one month and half into the backlog: each create locks its
        // column before reading the column's last position, so none fails on the unique position indexes.
        List<Long> ids = runAtOnce(16, n -> createCard(slug, "Card " + n, n % 2 == 0 ? "2024-05" : null));
        assertEquals(16, new HashSet<>(ids).size());
        Snapshot board = snapshot(slug);
        assertEquals(8, board.columns().get("2024-05").size());
        assertEquals(8, board.columns().get(BACKLOG).size());
        assertEquals(0, duplicatePositions(slug));
    }

    @Test
    void shouldLetExactlyOneOfManySameVersionEditsSucceed() throws Exception {
        String slug = createGroup("race-edit");
        long id = createCard(slug, "Contested", "2024-05");
        List<Reply> replies = runAtOnce(
                16,
                n -> send(
                        "PUT",
                        "/api/groups/" + slug + "/cards/" + id,
                        token,
                        Map.of("title", "Edit " + n, "status", "IN_PROGRESS", "version", 0)));
        List<Reply> won = replies.stream().filter(r -> r.status() == 200).toList();
        assertEquals(1, won.size(), "exactly one edit wins");
        for (Reply r : replies) {
            if (r.status() != 200) {
                assertEquals(409, r.status(), String.valueOf(r.body()));
                assertNotNull(r.body().get("current"), "a refused edit carries the current state");
                assertEquals(1, r.body().get("current").get("version").asInt());
                assertEquals(
                        won.get(0).body().get("title").asText(),
                        r.body().get("current").get("title").asText());
            }
        }
    }

    @Test
    void shouldLetExactlyOneOfManySameVersionMovesSucceed() throws Exception {
        String slug = createGroup("race-move");
        long id = createCard(slug, "Contested", "2024-05");
        String[] months = {"2024-06", "2024-07", "2024-08", "2024-09", "2024-10", null};
        List<Reply> replies = runAtOnce(12, n -> {
            Map<String, Object> body = new HashMap<>();
            body.put("month", months[n % months.length]);
            body.put("version", 0);
            return send("POST", "/api/groups/" + slug + "/cards/" + id + "/move", token, body);
        });
        assertEquals(1, replies.stream().filter(r -> r.status() == 200).count());
        assertTrue(replies.stream()
                .allMatch(r -> r.status() == 200
                        || (r.status() == 409
                                && r.body().get("current").get("version").asInt() == 1)));
        Snapshot after = snapshot(slug);
        assertEquals(1, after.columns().values().stream().mapToLong(List::size).sum());
    }

    @Test
    void shouldKeepStrictOrderFor200InsertionsBetweenTheSameCardsWhileOtherMovesRun() throws Exception {
        String slug = createGroup("race-between");
        long first = createCard(slug, "first", "2024-05");
        long last = createCard(slug, "last", "2024-05");
        List<Long> others = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            others.add(createCard(slug, "other " + i, i % 2 == 0 ? "2024-05" : "2024-06"));
        }
        List<Long> inserted = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger serverErrors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Future<?> inserter = pool.submit(() -> {
            for (int i = 0; i < 200; i++) {
                long id = createCard(slug, "n" + i, "2024-07");
                Reply r = send(
                        "POST",
                        "/api/groups/" + slug + "/cards/" + id + "/move",
                        token,
                        Map.of(
                                "month",
                                "2024-05",
                                "afterCardId",
                                first,
                                "beforeCardId",
                                inserted.isEmpty() ? firstOtherAfter(slug, first) : inserted.get(inserted.size() - 1),
                                "version",
                                0));
                if (r.status() == 409) { // an 'other' card slipped in between: place after first only
                    r = send(
                            "POST",
                            "/api/groups/" + slug + "/cards/" + id + "/move",
                            token,
                            Map.of("month", "2024-05", "afterCardId", first, "version", 0));
                }
                assertEquals(200, r.status(), String.valueOf(r.body()));
                inserted.add(id);
            }
        });
        List<Future<?>> movers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int seed = t;
            movers.add(pool.submit(() -> {
                Random random = new Random(seed);
                while (!inserter.isDone()) {
                    long card = others.get(random.nextInt(others.size()));
                    Snapshot s = snapshot(slug);
                    String month = random.nextBoolean() ? "2024-06" : "2024-08";
                    Reply r = send(
                            "POST",
                            "/api/groups/" + slug + "/cards/" + card + "/move",
                            token,
                            Map.of("month", month, "version", s.versions().get(card)));
                    if (r.status() >= 500) {
                        serverErrors.incrementAndGet();
                    }
                }
            }));
        }
        inserter.get(5, TimeUnit.MINUTES);
        for (Future<?> m : movers) {
            m.get(1, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertEquals(0, serverErrors.get(), "no 5xx while moving");
        List<Long> may = snapshot(slug).columns().get("2024-05");
        assertEquals(first, may.get(0));
        assertEquals(last, may.get(may.size() - 1));
        List<Long> newestFirst = new ArrayList<>(inserted);
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, may.subList(1, 201), "each insertion went right after 'first'");
        assertEquals(new HashSet<>(may).size(), may.size(), "no duplicates");
        assertEquals(0, duplicatePositions(slug));
    }

    private long firstOtherAfter(String slug, long first) {
        List<Long> may = snapshot(slug).columns().get("2024-05");
        return may.get(may.indexOf(first) + 1);
    }

    @Test
    void shouldEndMoveRacingDeleteCleanly() throws Exception {
        String slug = createGroup("race-delete");
        for (int round = 0; round < 15; round++) {
            long id = createCard(slug, "Doomed " + round, "2024-05");
            List<Reply> replies = runAtOnce(
                    2,
                    n -> n == 0
                            ? send(
                                    "POST",
                                    "/api/groups/" + slug + "/cards/" + id + "/move",
                                    token,
                                    Map.of("month", "2024-06", "version", 0))
                            : send("DELETE", "/api/groups/" + slug + "/cards/" + id, token, null));
            Reply move = replies.get(0);
            Reply delete = replies.get(1);
            assertEquals(204, delete.status(), "the delete always wins in the end");
            assertTrue(move.status() == 200 || move.status() == 404, "move: " + move.status() + " " + move.body());
            assertEquals(
                    404,
                    send("GET", "/api/groups/" + slug + "/cards/" + id, token, null)
                            .status());
        }
        Snapshot after = snapshot(slug);
        assertEquals(0, after.columns().values().stream().mapToLong(List::size).sum(), "no orphan card");
    }

    /** One successful move as the server recorded it, to replay in commit order. */
    private record Move(long card, String column, Long after, Long before, Instant at) {}

    @Test
    void shouldLoseNothingWhenManyClientsMoveRandomCardsForAWhile() throws Exception {
        String slug = createGroup("soak");
        List<Map<String, Object>> batch = new ArrayList<>();
        String[] months = {"2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024-10", null};
        for (int i = 0; i < 60; i++) {
            Map<String, Object> card = new HashMap<>();
            card.put("title", "Card " + i);
            card.put("month", months[i % months.length]);
            batch.add(card);
        }
        assertEquals(
                201,
                send("POST", "/api/groups/" + slug + "/cards/batch", token, Map.of("cards", batch))
                        .status());
        Snapshot initial = snapshot(slug);
        Set<Long> allCards = new HashSet<>(initial.versions().keySet());
        List<String> columnNames = new ArrayList<>(initial.columns().keySet());

        ConcurrentLinkedQueue<Move> log = new ConcurrentLinkedQueue<>();
        AtomicInteger serverErrors = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SOAK_SECONDS);
        runAtOnce(SOAK_CLIENTS, n -> {
            Random random = new Random(n);
            Snapshot view = snapshot(slug);
            while (System.nanoTime() < end) {
                List<Long> cards = new ArrayList<>(view.versions().keySet());
                long card = cards.get(random.nextInt(cards.size()));
                String column = columnNames.get(random.nextInt(columnNames.size()));
                List<Long> target = new ArrayList<>(view.columns().get(column));
                target.remove(card);
                Map<String, Object> body = new HashMap<>();
                body.put("month", BACKLOG.equals(column) ? null : column);
                body.put("version", view.versions().get(card));
                Long after = null;
                Long before = null;
                if (!target.isEmpty() && random.nextInt(4) > 0) {
                    int i = random.nextInt(target.size());
                    if (random.nextBoolean()) {
                        after = target.get(i);
                    } else {
                        before = target.get(i);
                    }
                }
                body.put("afterCardId", after);
                body.put("beforeCardId", before);
                Reply r = send("POST", "/api/groups/" + slug + "/cards/" + card + "/move", token, body);
                if (r.status() == 200) {
                    log.add(new Move(
                            card,
                            column,
                            after,
                            before,
                            Instant.parse(r.body().get("updatedAt").asText())));
                    view.versions().put(card, r.body().get("version").asInt());
                    view.columns().values().forEach(ids -> ids.remove(card));
                    List<Long> ids = view.columns().get(column);
                    ids.add(
                            after != null ? ids.indexOf(after) + 1 : before != null ? ids.indexOf(before) : ids.size(),
                            card);
                } else if (r.status() >= 500) {
                    serverErrors.incrementAndGet();
                } else {
                    assertTrue(r.status() == 409, "refused with " + r.status() + ": " + r.body());
                    refused.incrementAndGet();
                    view = snapshot(slug); // retry from the current state
                }
            }
            return null;
        });

        System.out.printf(
                "soak: %d clients x %d s: %d moves succeeded, %d refused with 409, %d 5xx%n",
                SOAK_CLIENTS, SOAK_SECONDS, log.size(), refused.get(), serverErrors.get());
        assertEquals(0, serverErrors.get(), "no 5xx during the soak");
        Snapshot after = snapshot(slug);
        List<Long> everywhere =
                after.columns().values().stream().flatMap(List::stream).toList();
        assertEquals(allCards, new HashSet<>(everywhere), "the set of cards is unchanged");
        assertEquals(allCards.size(), everywhere.size(), "every card is in exactly one column");
        assertEquals(0, duplicatePositions(slug), "no two cards share a position");
        assertTrue(log.size() > SOAK_CLIENTS, "moves happened: " + log.size() + ", refused " + refused.get());

        // Replaying the successful moves in the order the server committed them gives the final board.
        Map<String, List<Long>> replay = new LinkedHashMap<>();
        initial.columns().forEach((column, ids) -> replay.put(column, new ArrayList<>(ids)));
        log.stream().sorted(java.util.Comparator.comparing(Move::at)).forEach(m -> {
            replay.values().forEach(ids -> ids.remove(m.card()));
            List<Long> ids = replay.get(m.column());
            int index = m.after() != null
                    ? ids.indexOf(m.after()) + 1
                    : m.before() != null ? ids.indexOf(m.before()) : ids.size();
            ids.add(index, m.card());
        });
        assertEquals(after.columns(), replay);
    }
}
