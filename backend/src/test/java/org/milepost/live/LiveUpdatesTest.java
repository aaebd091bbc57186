package org.milepost.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.milepost.testing.Api.addMember;
import static org.milepost.testing.Api.asAdmin;
import static org.milepost.testing.Api.createGroup;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.milepost.testing.SseClient;
import org.milepost.testing.SseClient.Event;
import org.milepost.testing.Tokens;

/**
 * Live updates through PostgreSQL LISTEN/NOTIFY (ADR 0011). This app is one instance; "another instance" is a JDBC
 * connection of the test's own writing history the way every instance does, so its NOTIFY reaches this instance only
 * through the database. Two real instances: {@code TwoInstancesIT}.
 */
@QuarkusTest
class LiveUpdatesTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    ChangeListener listener;

    @Inject
    LiveEvents events;

    @BeforeEach
    void listenerIsUp() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!listener.isListening() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(listener.isListening(), "the app listens for changes");
    }

    private static String url(String path) {
        return RestAssured.baseURI + ":" + RestAssured.port + path;
    }

    private static SseClient follow(String slug, String bearer) {
        SseClient client = SseClient.open(url("/api/groups/" + slug + "/events"), bearer);
        client.awaitType("ready", WAIT);
        return client;
    }

    /** A connection as another instance of the app would have: straight to the same database. */
    private static Connection otherInstance() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class)
                        .orElse(null),
                config.getOptionalValue("quarkus.datasource.password", String.class)
                        .orElse(null));
    }

    private static long groupId(Connection c, String slug) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select id from working_group where slug = ?")) {
            s.setString(1, slug);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** What any instance's HistoryRecorder does for a move: one INSERT; the table's trigger sends the NOTIFY. */
    private static void insertMove(Connection c, long groupId, long cardId, String summary) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                """
                insert into change (group_id, entity_type, entity_id, entity_version, action, title, month,
                                    actor_subject, actor_name, summary, diff)
                values (?, 'CARD', ?, 7, 'MOVED', 'Card of another instance', date '2024-06-01',
                        'bob', 'Bob', ?, '{"month": ["2024-05", "2024-06"]}')""")) {
            s.setLong(1, groupId);
            s.setLong(2, cardId);
            s.setString(3, summary);
            s.executeUpdate();
        }
    }

    @Test
    void shouldSendAChangeMadeThroughTheApiToTheGroupsStreamWithinASecond() {
        String slug = createGroup("live-api");
        try (SseClient stream = follow(slug, null)) {
            Map<String, Object> body = new HashMap<>();
            body.put("title", "Publish the roadmap");
            body.put("month", "2024-05");
            long id = asAdmin()
                    .body(body)
                    .post("/api/groups/" + slug + "/cards")
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath()
                    .getLong("id");
            Event created = stream.awaitType("card.created", SECOND);
            assertEquals(id, created.data().path("cardId").asLong());
            assertEquals(id, created.data().path("entityId").asLong());
            assertEquals(created.data().path("id").asText(), created.id(), "the SSE id is the change's id");

            Map<String, Object> move = new HashMap<>();
            move.put("month", "2024-06");
            move.put("version", 0);
            asAdmin()
                    .body(move)
                    .post("/api/groups/" + slug + "/cards/" + id + "/move")
                    .then()
                    .statusCode(200);
            long answered = System.nanoTime();
            Event moved = stream.awaitType("card.moved", SECOND);
            assertTrue(moved.arrivedNanos() - answered < SECOND.toNanos(), "within a second of the commit");
            assertEquals(id, moved.data().path("cardId").asLong());
            assertEquals("2024-06", moved.data().path("month").asText());
            assertEquals(1, moved.data().path("version").asInt());
            assertEquals("MOVED", moved.data().path("action").asText());
            assertEquals("Admin", moved.data().path("actor").path("name").asText());
            assertEquals("admin", moved.data().path("actor").path("subject").asText());
            assertEquals("moved from May to June", moved.data().path("summary").asText());
            assertEquals("Publish the roadmap", moved.data().path("title").asText());
            assertTrue(moved.data().path("groupId").isMissingNode(), "the stream is the group's: no need to say it");
        }
    }

    @Test
    void shouldDeliverAnotherInstancesChangeOnlyWhenItCommits() throws Exception {
        String slug = createGroup("live-other");
        try (SseClient stream = follow(slug, null);
                Connection other = otherInstance()) {
            long groupId = groupId(other, slug);
            other.setAutoCommit(false);

            insertMove(other, groupId, 4242, "moved from May to June");
            assertNull(stream.poll(Duration.ofMillis(700)), "nothing before the commit");
            other.commit();
            long committed = System.nanoTime();
            Event event = stream.awaitType("card.moved", SECOND);
            assertTrue(event.arrivedNanos() - committed < SECOND.toNanos());
            assertEquals(4242, event.data().path("cardId").asLong());
            assertEquals("Bob", event.data().path("actor").path("name").asText());
            assertEquals("2024-06", event.data().path("month").asText());
            assertEquals(7, event.data().path("version").asInt());

            insertMove(other, groupId, 4343, "rolled back");
            other.rollback();
            assertNull(stream.poll(Duration.ofMillis(700)), "a rolled-back change is never announced");
        }
    }

    @Test
    void shouldSendEachGroupOnlyItsOwnChanges() throws Exception {
        String mine = createGroup("live-mine");
        String theirs = createGroup("live-theirs");
        try (SseClient stream = follow(mine, null);
                Connection other = otherInstance()) {
            insertMove(other, groupId(other, theirs), 1, "theirs");
            insertMove(other, groupId(other, mine), 2, "mine");
            Event event = stream.awaitType("card.moved", SECOND);
            assertEquals("mine", event.data().path("summary").asText());
        }
    }

    @Test
    void shouldAnnounceABatchAsOneEvent() {
        String slug = createGroup("live-batch");
        try (SseClient stream = follow(slug, null)) {
            List<Map<String, Object>> cards = List.of(
                    Map.of("title", "One"), Map.of("title", "Two"), Map.of("title", "Three", "month", "2024-07"));
            asAdmin()
                    .body(Map.of("cards", cards))
                    .post("/api/groups/" + slug + "/cards/batch")
                    .then()
                    .statusCode(201);
            Event batch = stream.awaitType("batch", SECOND);
            assertEquals(3, batch.data().path("count").asInt());
            assertEquals("CARD", batch.data().path("entityType").asText());
            assertEquals("created 3 cards", batch.data().path("summary").asText());
            assertNull(stream.poll(Duration.ofMillis(500)), "one event, not one per card");
        }
    }

    @Test
    void shouldKeepAnIdleStreamOpenWithHeartbeats() throws InterruptedException {
        String slug = createGroup("live-heartbeat");
        try (SseClient stream = follow(slug, null)) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (stream.comments() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(stream.comments() >= 2, "heartbeat comments while nothing happens");
        }
    }

    @Test
    void shouldOpenAMembersGroupsStreamOnlyToWhoeverMayReadIt() {
        String slug = createGroup("live-private", "MEMBERS", "2024-05", "2024-10");
        RestAssured.given()
                .accept("text/event-stream")
                .get("/api/groups/" + slug + "/events")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        RestAssured.given()
                .accept("text/event-stream")
                .auth()
                .oauth2(Tokens.bearer("stranger"))
                .get("/api/groups/" + slug + "/events")
                .then()
                .statusCode(404);
        addMember(slug, "insider", "OBSERVER");
        try (SseClient stream = follow(slug, Tokens.bearer("insider"))) {
            asAdmin()
                    .body(Map.of("title", "Private card"))
                    .post("/api/groups/" + slug + "/cards")
                    .then()
                    .statusCode(201);
            assertEquals(
                    "Private card",
                    stream.awaitType("card.created", SECOND)
                            .data()
                            .path("title")
                            .asText());
        }
    }

    @Test
    void shouldCloseTheGroupsStreamsWhenItsMembersChangeSoAccessIsCheckedAgain() throws InterruptedException {
        String slug = createGroup("live-leaver", "MEMBERS", "2024-05", "2024-10");
        addMember(slug, "leaver", "MEMBER");
        long memberId = asAdmin()
                .get("/api/groups/" + slug + "/members")
                .then()
                .extract()
                .jsonPath()
                .getLong("find { it.subject == 'leaver' }.id");
        try (SseClient stream = follow(slug, Tokens.bearer("leaver"))) {
            asAdmin()
                    .delete("/api/groups/" + slug + "/members/" + memberId)
                    .then()
                    .statusCode(204);
            assertEquals(
                    "removed",
                    stream.awaitType("member.deleted", SECOND)
                            .data()
                            .path("summary")
                            .asText());
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!stream.ended() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(stream.ended(), "closed: reconnecting is checked again, and refused");
        }
        RestAssured.given()
                .accept("text/event-stream")
                .auth()
                .oauth2(Tokens.bearer("leaver"))
                .get("/api/groups/" + slug + "/events")
                .then()
                .statusCode(404);
    }

    @Test
    void shouldTellViewersThatTheGroupIsGoneAndEndTheirStream() throws InterruptedException {
        String slug = createGroup("live-deleted");
        try (SseClient stream = follow(slug, null)) {
            asAdmin().delete("/api/groups/" + slug).then().statusCode(204);
            Event gone = stream.awaitType("group.deleted", SECOND);
            assertEquals("Admin", gone.data().path("actor").path("name").asText());
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!stream.ended() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(stream.ended());
        }
    }

    @Test
    void shouldListenAgainAndAskClientsToResyncAfterLosingItsConnection() throws Exception {
        String slug = createGroup("live-reconnect");
        try (SseClient stream = follow(slug, null);
                Connection other = otherInstance()) {
            try (var s = other.createStatement();
                    var rs = s.executeQuery("select count(pg_terminate_backend(pid)) "
                            + "from pg_stat_activity where application_name = 'milepost-live-listener'")) {
                rs.next();
                assertTrue(rs.getInt(1) >= 1, "the listener's connection was found");
            }
            stream.awaitType("resync", WAIT);
            asAdmin()
                    .body(Map.of("title", "After the outage"))
                    .post("/api/groups/" + slug + "/cards")
                    .then()
                    .statusCode(201);
            assertEquals(
                    "After the outage",
                    stream.awaitType("card.created", SECOND)
                            .data()
                            .path("title")
                            .asText());
        }
        assertTrue(listener.isListening());
    }
}
