package org.milepost.board;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.milepost.testing.Api.addMember;
import static org.milepost.testing.Api.anonymous;
import static org.milepost.testing.Api.asAdmin;
import static org.milepost.testing.Api.asUser;
import static org.milepost.testing.Api.createGroup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.milepost.meeting.Meeting;
import org.milepost.testing.LockWaits;
import org.milepost.workinggroup.WorkingGroupRepository;

@QuarkusTest
class BoardResourceTest {

    @Inject
    EntityManagerFactory emf;

    @Inject
    EntityManager em;

    @Inject
    WorkingGroupRepository groups;

    @Inject
    DataSource dataSource;

    private long statementsFor(String slug, String token) {
        var statistics = emf.unwrap(SessionFactory.class).getStatistics();
        long before = statistics.getPrepareStatementCount();
        (token == null ? anonymous() : asUser(token))
                .get("/api/groups/" + slug + "/board")
                .then()
                .statusCode(200);
        return statistics.getPrepareStatementCount() - before;
    }

    private static void addCards(String slug, int count, String... months) {
        List<Map<String, Object>> cards = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String month = months[i % months.length];
            cards.add(month == null ? Map.of("title", "Card " + i) : Map.of("title", "Card " + i, "month", month));
        }
        asAdmin()
                .body(Map.of("cards", cards))
                .post("/api/groups/" + slug + "/cards/batch")
                .then()
                .statusCode(201);
    }

    private void addMeeting(String slug, int number, LocalDate date) {
        long groupId = groups.findBySlug(slug).orElseThrow().id;
        QuarkusTransaction.requiringNew().run(() -> {
            Meeting m = new Meeting();
            m.groupId = groupId;
            m.number = number;
            m.date = date;
            m.location = "Virtual";
            m.objectives = new ArrayList<>(List.of("Agree on Group Mission"));
            em.persist(m);
        });
    }

    @Test
    void shouldReturnColumnsInMonthOrderWithCardsInPositionOrderAndBacklog() {
        String slug = createGroup("board");
        addCards(slug, 6, "2024-05", "2024-06", null);
        addMeeting(slug, 1, LocalDate.of(2024, 5, 7));
        addMeeting(slug, 2, LocalDate.of(2024, 5, 13));
        addMeeting(slug, 3, LocalDate.of(2024, 6, 3));
        addMeeting(slug, 4, null);

        anonymous()
                .get("/api/groups/" + slug + "/board")
                .then()
                .statusCode(200)
                .body("group.slug", equalTo(slug))
                .body("group.canEdit", equalTo(false))
                .body("columns.month", contains("2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024-10"))
                .body("columns[0].cards.title", contains("Card 0", "Card 3"))
                .body("columns[1].cards.title", contains("Card 1", "Card 4"))
                .body("columns[2].cards", hasSize(0))
                .body("backlog.title", contains("Card 2", "Card 5"))
                .body("columns[0].meetings.number", contains(1, 2))
                .body("columns[1].meetings.number", contains(3));
    }

    @Test
    void shouldUseTheSameNumberOfStatementsWhateverTheNumberOfCards() {
        String small = createGroup("board-small");
        addCards(small, 3, "2024-05", "2024-06", null);
        String large = createGroup("board-large");
        addCards(large, 600, "2024-05", "2024-06", "2024-07", "2024-08", null);
        addMeeting(large, 1, LocalDate.of(2024, 7, 1));

        long smallAnonymous = statementsFor(small, null);
        long largeAnonymous = statementsFor(large, null);
        assertEquals(smallAnonymous, largeAnonymous, "statements for 3 cards vs 600 cards (anonymous)");
        long smallSignedIn = statementsFor(small, "reader");
        long largeSignedIn = statementsFor(large, "reader");
        assertEquals(smallSignedIn, largeSignedIn, "statements for 3 cards vs 600 cards (signed in)");
        assertTrue(largeSignedIn <= 8, "the board took " + largeSignedIn + " statements");
    }

    @Test
    void shouldHideMembersOnlyBoardFromOutsiders() {
        String slug = createGroup("board-private", "MEMBERS", "2024-05", "2024-06");
        anonymous()
                .get("/api/groups/" + slug + "/board")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        asUser("outsider").get("/api/groups/" + slug + "/board").then().statusCode(404);
        asAdmin().get("/api/groups/" + slug + "/board").then().statusCode(200).body("group.canEdit", equalTo(true));
    }

    @Test
    void shouldGiveEveryOneOfManyConcurrentReadersTheSameBoardWithTheirOwnRole() throws Exception {
        String slug = createGroup("board-crowd");
        addMember(slug, "crowd-member", "MEMBER");
        addCards(slug, 300, "2024-05", "2024-06", null);
        JsonPath alone = anonymousBoard(slug);

        // Admin (the group's chair), a member and anonymous visitors read at once, so that readers share builds
        // (BoardBuilds): the shared part must be the same for all, the group part each reader's own.
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Map.Entry<String, JsonPath>>> reads = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String who = List.of("admin", "member", "anonymous").get(i % 3);
                reads.add(pool.submit(() -> {
                    var request =
                            switch (who) {
                                case "admin" -> asAdmin();
                                case "member" -> asUser("crowd-member");
                                default -> anonymous();
                            };
                    String body = request.get("/api/groups/" + slug + "/board")
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString();
                    return Map.entry(who, JsonPath.from(body));
                }));
            }
            for (var read : reads) {
                var entry = read.get(30, TimeUnit.SECONDS);
                JsonPath board = entry.getValue();
                switch (entry.getKey()) {
                    case "admin" -> {
                        assertEquals("CHAIR", board.getString("group.myRole"));
                        assertTrue(board.getBoolean("group.canManage"));
                    }
                    case "member" -> {
                        assertEquals("MEMBER", board.getString("group.myRole"));
                        assertTrue(board.getBoolean("group.canEdit"));
                        assertFalse(board.getBoolean("group.canManage"));
                    }
                    default -> {
                        assertNull(board.getString("group.myRole"));
                        assertFalse(board.getBoolean("group.canEdit"));
                    }
                }
                assertEquals(slug, board.getString("group.slug"));
                assertEquals(alone.getList("columns"), board.getList("columns"), entry.getKey() + "'s columns");
                assertEquals(alone.getList("backlog"), board.getList("backlog"));
                assertEquals(alone.getList("goals"), board.getList("goals"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldShowAReaderTheirOwnMoveWhileOthersReadTheBoardAllTheTime() throws Exception {
        String slug = createGroup("board-fresh");
        addMember(slug, "mover", "MEMBER");
        addCards(slug, 200, "2024-05", "2024-06");
        String base = "/api/groups/" + slug;
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                readers.add(pool.submit(() -> {
                    int n = 0;
                    while (!done.get()) {
                        anonymous().get(base + "/board").then().statusCode(200);
                        n++;
                    }
                    return n;
                }));
            }
            // Each move is followed at once by the mover's own read: it must show the move, although the board is
            // being built for the other readers all the time (a build that started before the move must not answer).
            JsonPath board = JsonPath.from(asUser("mover").get(base + "/board").asString());
            List<Integer> ids = board.getList("columns[0].cards.id", Integer.class);
            for (int i = 0; i < 12; i++) {
                long id = ids.get(i);
                int version = board.getInt(
                        "columns.find { it.month == '2024-05' }.cards.find { it.id == " + id + " }.version");
                String to = "2024-06";
                asUser("mover")
                        .body(Map.of("month", to, "version", version))
                        .post(base + "/cards/" + id + "/move")
                        .then()
                        .statusCode(200);
                board = JsonPath.from(asUser("mover").get(base + "/board").asString());
                List<Integer> inTarget =
                        board.getList("columns.find { it.month == '" + to + "' }.cards.id", Integer.class);
                assertTrue(inTarget.contains((int) id), "move " + i + ": card " + id + " is in " + to);
            }
            done.set(true);
            for (Future<Integer> reader : readers) {
                assertTrue(reader.get(30, TimeUnit.SECONDS) > 0);
            }
        } finally {
            done.set(true);
            pool.shutdownNow();
        }
    }

    @Test
    void shouldWriteEveryCardOnTheBoardExactlyAsTheCardEndpointDoesInMonthOrderEvenForAMonthAddedLater()
            throws Exception {
        String slug = createGroup("board-order");
        // Widening the plan to April adds April's milestone after May's: columns must follow months, not ids.
        asAdmin()
                .body(Map.of(
                        "name",
                        "Board order",
                        "visibility",
                        "PUBLIC",
                        "planStart",
                        "2024-04",
                        "planEnd",
                        "2024-10",
                        "version",
                        0))
                .put("/api/groups/" + slug)
                .then()
                .statusCode(200);
        addCards(slug, 7, "2024-06", "2024-04", null, "2024-10");
        addMeeting(slug, 1, LocalDate.of(2024, 4, 2));

        JsonPath board = anonymousBoard(slug);
        assertEquals(
                List.of("2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024-10"),
                board.getList("columns.month"));
        assertEquals(List.of("Card 1", "Card 5"), board.getList("columns[0].cards.title"));
        assertEquals(List.of(), board.getList("columns[1].cards"));
        assertEquals(List.of("Card 0", "Card 4"), board.getList("columns[2].cards.title"));
        assertEquals(List.of("Card 3"), board.getList("columns[6].cards.title"));
        assertEquals(List.of("Card 2", "Card 6"), board.getList("backlog.title"));
        assertEquals(List.of(1), board.getList("columns[0].meetings.number"));

        ObjectMapper json = new ObjectMapper();
        JsonNode tree =
                json.readTree(anonymous().get("/api/groups/" + slug + "/board").asString());
        List<JsonNode> cards = new ArrayList<>();
        tree.get("columns").forEach(column -> column.get("cards").forEach(cards::add));
        tree.get("backlog").forEach(cards::add);
        assertEquals(7, cards.size());
        for (JsonNode card : cards) {
            JsonNode alone = json.readTree(anonymous()
                    .get("/api/groups/" + slug + "/cards/" + card.get("id").asLong())
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            assertEquals(alone, card, "card " + card.get("id") + " on the board and on its own");
        }
        assertEquals(
                List.of("group", "goals", "phases", "columns", "backlog"),
                iterable(tree.fieldNames()),
                "the board's properties in the documented order");
    }

    @Test
    void shouldLetGoOfTheBoardOfAReaderWhoLeftWhileItWasBeingBuilt() throws Exception {
        String slug = createGroup("board-reader-left");
        addCards(slug, 3, "2024-05");
        int held = BoardResource.heldBodies();
        long handedOut = BoardResource.bodiesHandedOut();
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                // The board's build waits for the card rows until this transaction ends.
                s.execute("lock table card in access exclusive mode");
            }
            try (Socket reader = new Socket("localhost", RestAssured.port)) {
                reader.getOutputStream()
                        .write(("GET /api/groups/" + slug + "/board HTTP/1.1\r\nHost: localhost\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                reader.getOutputStream().flush();
                LockWaits.awaitSomeoneWaiting(lock, "the board's build");
            }
            // The reader has left; give the server a moment to see the connection close before the build ends (if it
            // saw it later, the exchange's end would let go of the board and this test could not tell).
            Thread.sleep(500);
            lock.rollback();
        }
        // The next reader joins the build after the one of the reader who left (BoardBuilds), and is served.
        anonymousBoard(slug);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((BoardResource.bodiesHandedOut() < handedOut + 2 || BoardResource.heldBodies() > held)
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(handedOut + 2, BoardResource.bodiesHandedOut(), "both readers' boards were built");
        assertEquals(held, BoardResource.heldBodies(), "no board kept for a reader who left");
    }

    private static JsonPath anonymousBoard(String slug) {
        return JsonPath.from(anonymous()
                .get("/api/groups/" + slug + "/board")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
