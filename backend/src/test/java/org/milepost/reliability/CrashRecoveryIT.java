package org.milepost.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.milepost.reliability.HttpClients.Reply;
import org.milepost.testing.PackagedApp;
import org.milepost.testing.TestIdentityProvider;
import org.milepost.testing.Tokens;

/**
 * The production jar is killed with SIGKILL in the middle of a soak of concurrent moves, then started again: every
 * invariant still holds (same set of cards, each in exactly one column, no two at one position, no 5xx answered).
 * Runs after packaging (failsafe), against its own PostgreSQL and token issuer.
 */
class CrashRecoveryIT {

    private static final int CLIENTS = Integer.getInteger("milepost.crash.clients", 8);
    private static final int SECONDS = Integer.getInteger("milepost.crash.seconds", 6);
    private static final Duration READY_WITHIN = Duration.ofSeconds(90);

    private static EmbeddedPostgres postgres;
    private static TestIdentityProvider idp;
    private static Map<String, String> oidc;
    private static PackagedApp app;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "on").start();
        idp = new TestIdentityProvider();
        oidc = idp.start();
        app = PackagedApp.start("crash-recovery-app", postgres, oidc, List.of(), READY_WITHIN);
        base = app.base();
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.stop();
        }
        idp.stop();
        postgres.close();
    }

    private static Map<Long, Integer> versions(String slug, String token) {
        Reply board = HttpClients.send(base, "GET", "/api/groups/" + slug + "/board", token, null);
        Map<Long, Integer> versions = new HashMap<>();
        for (JsonNode column : board.body().get("columns")) {
            column.get("cards")
                    .forEach(c ->
                            versions.put(c.get("id").asLong(), c.get("version").asInt()));
        }
        board.body()
                .get("backlog")
                .forEach(
                        c -> versions.put(c.get("id").asLong(), c.get("version").asInt()));
        return versions;
    }

    @Test
    void shouldKeepEveryInvariantWhenTheAppIsKilledDuringASoak() throws Exception {
        String token = Tokens.adminBearer();
        String slug = "crash-recovery";
        assertEquals(
                201,
                HttpClients.send(
                                base,
                                "POST",
                                "/api/groups",
                                token,
                                Map.of("slug", slug, "name", "Crash", "planStart", "2024-05", "planEnd", "2024-10"))
                        .status());
        List<Map<String, Object>> cards = new ArrayList<>();
        String[] months = {"2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024-10", null};
        for (int i = 0; i < 80; i++) {
            Map<String, Object> card = new HashMap<>();
            card.put("title", "Card " + i);
            card.put("month", months[i % months.length]);
            cards.add(card);
        }
        assertEquals(
                201,
                HttpClients.send(base, "POST", "/api/groups/" + slug + "/cards/batch", token, Map.of("cards", cards))
                        .status());
        Set<Long> all = new HashSet<>(versions(slug, token).keySet());

        AtomicInteger serverErrors = new AtomicInteger();
        AtomicInteger moved = new AtomicInteger();
        AtomicInteger lost = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int n = 0; n < CLIENTS; n++) {
            int seed = n;
            clients.add(pool.submit(() -> {
                Random random = new Random(seed);
                Map<Long, Integer> view = new HashMap<>();
                while (running.get()) {
                    try {
                        if (view.isEmpty()) {
                            view = versions(slug, token);
                        }
                        List<Long> ids = new ArrayList<>(view.keySet());
                        long card = ids.get(random.nextInt(ids.size()));
                        Map<String, Object> body = new HashMap<>();
                        body.put("month", months[random.nextInt(months.length)]);
                        body.put("version", view.get(card));
                        Reply r = HttpClients.send(
                                base, "POST", "/api/groups/" + slug + "/cards/" + card + "/move", token, body);
                        if (r.status() == 200) {
                            moved.incrementAndGet();
                            view.put(card, r.body().get("version").asInt());
                        } else if (r.status() >= 500 && r.status() != 503) {
                            serverErrors.incrementAndGet();
                        } else {
                            view.clear();
                        }
                    } catch (RuntimeException connectionLost) {
                        lost.incrementAndGet(); // the app is down: outcome unknown, try again
                        view.clear();
                        sleep(100);
                    }
                }
                return null;
            }));
        }
        Thread.sleep(TimeUnit.SECONDS.toMillis(SECONDS) / 2);
        app.killAndRestart(READY_WITHIN); // SIGKILL: no shutdown hooks, transactions cut mid-flight
        Thread.sleep(TimeUnit.SECONDS.toMillis(SECONDS) / 2);
        running.set(false);
        for (Future<?> client : clients) {
            client.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertEquals(0, serverErrors.get(), "no 5xx other than a clean 503");
        assertTrue(
                moved.get() > CLIENTS, "moves happened: " + moved.get() + " (lost to the crash: " + lost.get() + ")");
        Map<Long, Integer> after = versions(slug, token);
        assertEquals(all, after.keySet(), "the same set of cards");
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        """
                        select (select count(*) from card) as cards,
                               (select count(*) from (select milestone_id, position from card
                                 group by group_id, milestone_id, position having count(*) > 1) d) as duplicates,
                               (select count(*) from card where milestone_id is not null and milestone_id not in
                                 (select id from milestone)) as orphans""")) {
            rs.next();
            assertEquals(all.size(), rs.getInt("cards"), "every card is in exactly one column");
            assertEquals(0, rs.getInt("duplicates"), "no two cards share a position");
            assertEquals(0, rs.getInt("orphans"), "no card in a column that does not exist");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
