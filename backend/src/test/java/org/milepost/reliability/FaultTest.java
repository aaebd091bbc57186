package org.milepost.reliability;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.milepost.testing.Api.anonymous;
import static org.milepost.testing.Api.asAdmin;
import static org.milepost.testing.Api.createGroup;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.milepost.testing.LockWaits;

/**
 * Database faults: a connection killed mid-move or mid-rebalance, and the server stopped for a while. The outage
 * lasts {@code milepost.fault.outage-seconds} (3 by default; docs/reliability.md records runs with 30).
 */
@QuarkusTest
@TestProfile(FaultProfile.class)
class FaultTest {

    private static final int OUTAGE_SECONDS = Integer.getInteger("milepost.fault.outage-seconds", 3);

    private static long card(String slug, String title, String month) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("month", month);
        return asAdmin()
                .body(body)
                .post("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private static long milestoneId(Connection c, String slug, String month) throws Exception {
        try (PreparedStatement s = c.prepareStatement("select m.id from milestone m join working_group g "
                + "on g.id = m.group_id where g.slug = ? and m.month = ?::date")) {
            s.setString(1, slug);
            s.setString(2, month + "-01");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<String> titles(String slug, String month) {
        return anonymous()
                .queryParam("month", month)
                .get("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.title", String.class);
    }

    @Test
    void shouldRollBackAMoveWhoseConnectionIsKilledAndServeTheNextRequest() throws Exception {
        String slug = createGroup("fault-move");
        long a = card(slug, "A", "2024-05");
        card(slug, "B", "2024-06");
        try (Connection c = FaultyDatabase.direct()) {
            c.setAutoCommit(false);
            // Hold June's column lock: the move gets its connection, starts its transaction and waits.
            try (var s = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
                s.setLong(1, milestoneId(c, slug, "2024-06"));
                s.execute();
            }
            String token = org.milepost.testing.Tokens.adminBearer();
            String base = RestAssured.baseURI + ":" + RestAssured.port;
            CompletableFuture<Integer> move = CompletableFuture.supplyAsync(() -> RestAssured.given()
                    .baseUri(base)
                    .auth()
                    .oauth2(token)
                    .contentType("application/json")
                    .body(Map.of("month", "2024-06", "version", 0))
                    .post("/api/groups/" + slug + "/cards/" + a + "/move")
                    .then()
                    .extract()
                    .statusCode());
            LockWaits.awaitSomeoneWaiting(c, "the move");
            assertTrue(FaultyDatabase.killAppConnections(c) > 0);
            c.rollback();
            int status = move.get(30, TimeUnit.SECONDS);
            assertEquals(503, status, "a lost connection is a clean, retryable 503");
        }
        assertEquals(List.of("A"), titles(slug, "2024-05"));
        assertEquals(List.of("B"), titles(slug, "2024-06"));
        anonymous().get("/api/groups/" + slug + "/cards/" + a).then().body("version", equalTo(0));
        asAdmin()
                .body(Map.of("month", "2024-06", "version", 0))
                .post("/api/groups/" + slug + "/cards/" + a + "/move")
                .then()
                .statusCode(200);
        assertEquals(List.of("B", "A"), titles(slug, "2024-06"));
    }

    @Test
    void shouldLeaveNoPartialRebalanceWhenTheConnectionDiesInTheMiddle() throws Exception {
        String slug = createGroup("fault-rebalance");
        long first = card(slug, "first", "2024-05");
        long second = card(slug, "second", "2024-05");
        long mover = card(slug, "mover", "2024-06");
        try (Connection c = FaultyDatabase.direct()) {
            // Make first and second adjacent, so the next insertion between them must rebalance.
            try (var s = c.prepareStatement("update card set position = 1 where id = ?")) {
                s.setLong(1, second);
                s.executeUpdate();
            }
            try (var s = c.prepareStatement("update card set position = 0 where id = ?")) {
                s.setLong(1, first);
                s.executeUpdate();
            }
            c.setAutoCommit(false);
            // Lock 'second' row: the rebalance parks the window, then blocks on it, mid-way.
            try (var s = c.prepareStatement("select id from card where id = ? for update")) {
                s.setLong(1, second);
                s.executeQuery();
            }
            String token = org.milepost.testing.Tokens.adminBearer();
            String base = RestAssured.baseURI + ":" + RestAssured.port;
            CompletableFuture<Integer> move = CompletableFuture.supplyAsync(() -> RestAssured.given()
                    .baseUri(base)
                    .auth()
                    .oauth2(token)
                    .contentType("application/json")
                    .body(Map.of("month", "2024-05", "afterCardId", first, "version", 0))
                    .post("/api/groups/" + slug + "/cards/" + mover + "/move")
                    .then()
                    .extract()
                    .statusCode());
            LockWaits.awaitSomeoneWaiting(c, "the move");
            FaultyDatabase.killAppConnections(c);
            c.rollback();
            assertEquals(503, move.get(30, TimeUnit.SECONDS));
            try (var s = c.prepareStatement("select id, position from card where id in (?, ?, ?) order by id")) {
                s.setLong(1, first);
                s.setLong(2, second);
                s.setLong(3, mover);
                try (ResultSet rs = s.executeQuery()) {
                    Map<Long, Long> positions = new HashMap<>();
                    while (rs.next()) {
                        positions.put(rs.getLong(1), rs.getLong(2));
                    }
                    assertEquals(0L, positions.get(first), "no partial rebalance");
                    assertEquals(1L, positions.get(second), "no partial rebalance");
                }
            }
        }
        assertEquals(List.of("first", "second"), titles(slug, "2024-05"));
        asAdmin()
                .body(Map.of("month", "2024-05", "afterCardId", first, "version", 0))
                .post("/api/groups/" + slug + "/cards/" + mover + "/move")
                .then()
                .statusCode(200);
        assertEquals(List.of("first", "mover", "second"), titles(slug, "2024-05"));
    }

    @Test
    void shouldReportDownAnswer503AndRecoverWhenTheDatabaseComesBack() throws Exception {
        String slug = createGroup("fault-outage");
        anonymous().get("/q/health/ready").then().statusCode(200);
        FaultyDatabase.stopDatabase();
        try {
            anonymous().get("/q/health/ready").then().statusCode(503);
            anonymous()
                    .get("/api/groups/" + slug + "/board")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", equalTo("5"));
            asAdmin()
                    .body(Map.of("title", "During the outage"))
                    .post("/api/groups/" + slug + "/cards")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json");
            Thread.sleep(TimeUnit.SECONDS.toMillis(OUTAGE_SECONDS));
        } finally {
            FaultyDatabase.startDatabase();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline && status != 200) {
            status = anonymous().get("/q/health/ready").then().extract().statusCode();
            Thread.sleep(100);
        }
        assertEquals(200, status, "ready again without a restart");
        anonymous().get("/api/groups/" + slug + "/board").then().statusCode(200);
        card(slug, "After the outage", "2024-05");
        assertEquals(List.of("After the outage"), titles(slug, "2024-05"));
    }
}
