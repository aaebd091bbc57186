package org.milepost.board;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.milepost.testing.Api.anonymous;
import static org.milepost.testing.Api.asAdmin;
import static org.milepost.testing.Api.asUser;
import static org.milepost.testing.Api.createGroup;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.milepost.meeting.Meeting;
import org.milepost.workinggroup.WorkingGroupRepository;

@QuarkusTest
class BoardResourceTest {

    @Inject
    EntityManagerFactory emf;

    @Inject
    EntityManager em;

    @Inject
    WorkingGroupRepository groups;

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
}
