package org.milepost.card;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.milepost.testing.Api.addMember;
import static org.milepost.testing.Api.anonymous;
import static org.milepost.testing.Api.asAdmin;
import static org.milepost.testing.Api.asUser;
import static org.milepost.testing.Api.createGroup;
import static org.milepost.testing.Api.createdId;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milepost.testing.RecordedSql;

@QuarkusTest
class CardResourceTest {

    @Inject
    EntityManager em;

    private static JsonPath card(String slug, String title, String month) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("month", month);
        return asAdmin()
                .body(body)
                .post("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    private static long cardId(String slug, String title, String month) {
        return card(slug, title, month).getLong("id");
    }

    private static int version(String slug, long id) {
        return anonymous()
                .get("/api/groups/" + slug + "/cards/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getInt("version");
    }

    private static List<String> titles(String slug, String month) {
        return anonymous()
                .queryParam("month", month)
                .queryParam("size", 500)
                .get("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.title", String.class);
    }

    private static io.restassured.response.ValidatableResponse move(
            String slug, long id, String month, Long after, Long before, Integer version) {
        Map<String, Object> body = new HashMap<>();
        body.put("month", month);
        body.put("afterCardId", after);
        body.put("beforeCardId", before);
        body.put("version", version);
        return asAdmin()
                .body(body)
                .post("/api/groups/" + slug + "/cards/" + id + "/move")
                .then();
    }

    @Test
    void shouldCreateCardAtTheEndOfItsColumn() {
        String slug = createGroup("cards");
        card(slug, "Create Rough Draft of Comms Plan", "2024-05");
        JsonPath second = card(slug, "Communicate our mission and goals for community review", "2024-05");
        assertEquals("2024-05", second.getString("month"));
        assertEquals("PLANNED", second.getString("status"));
        assertEquals("admin", second.getString("createdBy"));
        assertEquals("Admin", second.getString("createdByName"), "the display name people know, beside the subject");
        assertEquals(
                List.of("Create Rough Draft of Comms Plan", "Communicate our mission and goals for community review"),
                titles(slug, "2024-05"));
    }

    @Test
    void shouldCreateCardInBacklogWhenNoMonth() {
        String slug = createGroup("backlog");
        asAdmin()
                .body(Map.of(
                        "title",
                        "Someday",
                        "responsible",
                        "Activator",
                        "support",
                        "CBT liaison",
                        "deliverable",
                        "documentation"))
                .post("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(201)
                .body("month", nullValue())
                .body("responsible", equalTo("Activator"))
                .body("support", equalTo("CBT liaison"))
                .body("deliverable", equalTo("documentation"));
        assertEquals(List.of("Someday"), titles(slug, "backlog"));
    }

    @Test
    void shouldRefuseInvalidCardNamingFields() {
        String slug = createGroup("invalid");
        asAdmin()
                .body(Map.of("title", "x".repeat(201), "status", "SOMEDAY"))
                .post("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
        asAdmin()
                .body(Map.of("title", "x".repeat(201)))
                .post("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(400)
                .body("errors.field", contains("title"));
        asAdmin()
                .body(Map.of("title", " "))
                .post("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(400)
                .body("errors.field", contains("title"));
        asAdmin()
                .body(Map.of("title", "Out of plan", "month", "2031-01"))
                .post("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("month"));
        asAdmin()
                .body(Map.of("title", "Unknown goal", "goalId", 999999))
                .post("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("goalId"));
        asAdmin()
                .body(Map.of("title", "Sneaky", "id", 5, "version", 9))
                .post("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(400);
        assertEquals(List.of(), titles(slug, "backlog"));
    }

    @Test
    void shouldNotGetUnknownCardOrCardOfAnotherGroup() {
        String a = createGroup("group-a");
        String b = createGroup("group-b");
        long inB = cardId(b, "B's card", "2024-05");
        anonymous()
                .get("/api/groups/" + a + "/cards/999999999")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        anonymous().get("/api/groups/" + a + "/cards/" + inB).then().statusCode(404);
        asAdmin()
                .body(Map.of("title", "Hijack", "status", "DONE", "version", 0))
                .put("/api/groups/" + a + "/cards/" + inB)
                .then()
                .statusCode(404);
        move(a, inB, "2024-06", null, null, 0).statusCode(404);
        asAdmin().delete("/api/groups/" + a + "/cards/" + inB).then().statusCode(404);
        anonymous()
                .get("/api/groups/" + b + "/cards/" + inB)
                .then()
                .statusCode(200)
                .body("title", equalTo("B's card"))
                .body("month", equalTo("2024-05"));
    }

    @Test
    void shouldUpdateCardAndRefuseStaleVersionWithCurrentState() {
        String slug = createGroup("update");
        long id = cardId(slug, "Draft", "2024-05");
        asAdmin()
                .body(Map.of("title", "Draft v2", "status", "IN_PROGRESS", "description", "**bold**", "version", 0))
                .put("/api/groups/" + slug + "/cards/" + id)
                .then()
                .statusCode(200)
                .header("ETag", containsString("1"))
                .body("version", equalTo(1))
                .body("status", equalTo("IN_PROGRESS"));
        asAdmin()
                .body(Map.of("title", "Lost update", "status", "DONE", "version", 0))
                .put("/api/groups/" + slug + "/cards/" + id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("current.title", equalTo("Draft v2"))
                .body("current.version", equalTo(1));
        asAdmin()
                .body(Map.of("title", "No version", "status", "DONE"))
                .put("/api/groups/" + slug + "/cards/" + id)
                .then()
                .statusCode(428);
        anonymous().get("/api/groups/" + slug + "/cards/" + id).then().body("title", equalTo("Draft v2"));
    }

    @Test
    void shouldDeleteCard() {
        String slug = createGroup("delete");
        long id = cardId(slug, "Doomed", "2024-05");
        asAdmin()
                .header("If-Match", "\"7\"")
                .delete("/api/groups/" + slug + "/cards/" + id)
                .then()
                .statusCode(409);
        asAdmin().delete("/api/groups/" + slug + "/cards/" + id).then().statusCode(204);
        anonymous().get("/api/groups/" + slug + "/cards/" + id).then().statusCode(404);
    }

    @Test
    void shouldMoveWithinAMonth() {
        String slug = createGroup("within");
        long a = cardId(slug, "A", "2024-05");
        long b = cardId(slug, "B", "2024-05");
        long c = cardId(slug, "C", "2024-05");
        move(slug, c, "2024-05", null, a, 0).statusCode(200).body("version", equalTo(1));
        assertEquals(List.of("C", "A", "B"), titles(slug, "2024-05"));
        move(slug, c, "2024-05", a, b, 1).statusCode(200);
        assertEquals(List.of("A", "C", "B"), titles(slug, "2024-05"));
        move(slug, a, "2024-05", null, null, 0).statusCode(200);
        assertEquals(List.of("C", "B", "A"), titles(slug, "2024-05"));
    }

    @Test
    void shouldMoveAcrossMonthsAndToAndFromBacklog() {
        String slug = createGroup("across");
        long a = cardId(slug, "Publish roadmap", "2024-05");
        long x = cardId(slug, "June first", "2024-06");
        long y = cardId(slug, "June second", "2024-06");
        move(slug, a, "2024-06", x, null, 0).statusCode(200).body("month", equalTo("2024-06"));
        assertEquals(List.of(), titles(slug, "2024-05"));
        assertEquals(List.of("June first", "Publish roadmap", "June second"), titles(slug, "2024-06"));

        move(slug, a, null, null, null, 1).statusCode(200).body("month", nullValue());
        assertEquals(List.of("Publish roadmap"), titles(slug, "backlog"));
        assertEquals(List.of("June first", "June second"), titles(slug, "2024-06"));

        move(slug, a, "2024-07", null, null, 2).statusCode(200).body("month", equalTo("2024-07"));
        assertEquals(List.of(), titles(slug, "backlog"));
        move(slug, y, "2024-07", null, a, 0).statusCode(200);
        assertEquals(List.of("June second", "Publish roadmap"), titles(slug, "2024-07"));
    }

    @Test
    void shouldPlaceCardsNextToNeighboursInTheBacklog() {
        String slug = createGroup("backlog-order");
        long a = cardId(slug, "A", null);
        long b = cardId(slug, "B", null);
        long c = cardId(slug, "C", "2024-05");
        move(slug, c, null, a, b, 0).statusCode(200);
        assertEquals(List.of("A", "C", "B"), titles(slug, "backlog"));
        move(slug, b, null, null, a, 0).statusCode(200);
        assertEquals(List.of("B", "A", "C"), titles(slug, "backlog"));
        move(slug, a, null, c, null, 0).statusCode(200);
        assertEquals(List.of("B", "C", "A"), titles(slug, "backlog"));
        move(slug, c, "2024-05", null, null, 1).statusCode(200);
        move(slug, b, null, c, null, 1).statusCode(409).body("detail", containsString("no longer in the backlog"));
        assertEquals(List.of("B", "A"), titles(slug, "backlog"));
    }

    @Test
    void shouldRefuseStaleMoveAndChangeNothing() {
        String slug = createGroup("stale-move");
        long a = cardId(slug, "A", "2024-05");
        move(slug, a, "2024-06", null, null, 0).statusCode(200);
        move(slug, a, "2024-07", null, null, 0)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("current.month", equalTo("2024-06"))
                .body("current.version", equalTo(1));
        anonymous()
                .get("/api/groups/" + slug + "/cards/" + a)
                .then()
                .body("month", equalTo("2024-06"))
                .body("version", equalTo(1));
        asAdmin()
                .body(Map.of("month", "2024-07"))
                .post("/api/groups/" + slug + "/cards/" + a + "/move")
                .then()
                .statusCode(428);
        asAdmin()
                .header("If-Match", "\"1\"")
                .body(Map.of("month", "2024-07"))
                .post("/api/groups/" + slug + "/cards/" + a + "/move")
                .then()
                .statusCode(200)
                .body("month", equalTo("2024-07"));
    }

    @Test
    void shouldRefuseMoveNextToCardThatLeftTheColumn() {
        String slug = createGroup("neighbour");
        long a = cardId(slug, "A", "2024-05");
        long b = cardId(slug, "B", "2024-06");
        long c = cardId(slug, "C", "2024-05");
        move(slug, c, "2024-05", b, null, 0).statusCode(409).body("detail", containsString("no longer in 2024-05"));
        move(slug, c, "2024-05", 987654321L, null, 0).statusCode(400);
        move(slug, c, "2024-05", null, c, 0).statusCode(400);
        move(slug, c, "2030-01", null, null, 0).statusCode(400).body("errors[0].field", equalTo("month"));
        long d = cardId(slug, "D", "2024-05");
        // a and d are not neighbours any more (c sits between them)
        move(slug, b, "2024-05", a, d, 0).statusCode(409);
        assertEquals(List.of("A", "C", "D"), titles(slug, "2024-05"));
        assertEquals(List.of("B"), titles(slug, "2024-06"));
    }

    @Test
    void shouldKeepStrictOrderForHundredsOfInsertionsBetweenTheSameTwoCards() {
        String slug = createGroup("between");
        long first = cardId(slug, "first", "2024-05");
        cardId(slug, "last", "2024-05");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            long id = cardId(slug, "n" + i, "2024-06");
            move(slug, id, "2024-05", first, null, 0).statusCode(200);
            expected.add(0, "n" + i);
        }
        expected.add(0, "first");
        expected.add("last");
        assertEquals(expected, titles(slug, "2024-05"));
        Long distinct = (Long) em.createNativeQuery(
                        """
                select count(distinct c.position) from card c join working_group g on g.id = c.group_id
                where g.slug = :slug""",
                        Long.class)
                .setParameter("slug", slug)
                .getSingleResult();
        assertEquals(252L, distinct);
    }

    @Test
    void shouldCreateBatchAllOrNothing() {
        String slug = createGroup("batch");
        List<Map<String, Object>> good = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            good.add(Map.of("title", "Card " + i, "month", i % 2 == 0 ? "2024-05" : "2024-06"));
        }
        asAdmin()
                .body(Map.of("cards", good))
                .post("/api/groups/" + slug + "/cards/batch")
                .then()
                .statusCode(201)
                .body("items", hasSize(30))
                .body("items[0].id", notNullValue());
        assertEquals(15, titles(slug, "2024-05").size());
        assertEquals("Card 0", titles(slug, "2024-05").get(0));
        assertEquals("Card 28", titles(slug, "2024-05").get(14));

        List<Map<String, Object>> bad = new ArrayList<>(good);
        bad.set(2, Map.of("title", ""));
        asAdmin()
                .body(Map.of("cards", bad))
                .post("/api/groups/" + slug + "/cards/batch")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("cards[2].title"));
        List<Map<String, Object>> badMonth = new ArrayList<>(good);
        badMonth.set(4, Map.of("title", "Far", "month", "2040-01"));
        asAdmin()
                .body(Map.of("cards", badMonth))
                .post("/api/groups/" + slug + "/cards/batch")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cards[4].month"));
        assertEquals(15, titles(slug, "2024-05").size());
    }

    @Test
    void shouldFilterCards() {
        String slug = createGroup("filter");
        asAdmin()
                .body(Map.of(
                        "title", "Identify gaps", "responsible", "Activator", "status", "DONE", "month", "2024-05"))
                .post("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(201);
        asAdmin()
                .body(Map.of(
                        "title",
                        "Optimize pathway",
                        "responsible",
                        "CBT liaison",
                        "month",
                        "2024-06",
                        "description",
                        "Contribution pathway review"))
                .post("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(201);
        anonymous()
                .queryParam("status", "DONE")
                .get("/api/groups/" + slug + "/cards")
                .then()
                .body("items.title", contains("Identify gaps"))
                .body("total", equalTo(1));
        anonymous()
                .queryParam("responsible", "activator")
                .get("/api/groups/" + slug + "/cards")
                .then()
                .body("items.title", contains("Identify gaps"));
        anonymous()
                .queryParam("q", "PATHWAY")
                .get("/api/groups/" + slug + "/cards")
                .then()
                .body("items.title", contains("Optimize pathway"));
        anonymous()
                .queryParam("month", "May")
                .get("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("month"));
        anonymous()
                .queryParam("month", "2024-13")
                .get("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("month"));
        anonymous()
                .queryParam("size", 0)
                .get("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void shouldRequireMembershipToWriteCards() {
        String slug = createGroup("authz");
        long id = cardId(slug, "Guarded", "2024-05");
        anonymous()
                .body(Map.of("title", "Anon"))
                .post("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(401);
        asUser("stranger")
                .body(Map.of("title", "Stranger"))
                .post("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(403);
        asUser("stranger")
                .body(Map.of("month", "2024-06", "version", 0))
                .post("/api/groups/" + slug + "/cards/" + id + "/move")
                .then()
                .statusCode(403);
        addMember(slug, "observer-1", "OBSERVER");
        asUser("observer-1")
                .body(Map.of("title", "Observer"))
                .post("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(403);
        addMember(slug, "member-1", "MEMBER");
        asUser("member-1")
                .body(Map.of("month", "2024-06", "version", 0))
                .post("/api/groups/" + slug + "/cards/" + id + "/move")
                .then()
                .statusCode(200)
                .body("updatedBy", equalTo("member-1"));
        assertEquals(List.of("Guarded"), titles(slug, "2024-06"));
    }

    private static long goal(String slug, String title) {
        return createdId("/api/groups/" + slug + "/goals", Map.of("title", title));
    }

    @Test
    void shouldTakeOnlyTheGroupsOwnGoalsForNewCardsInAMonthOrTheBacklog() {
        String slug = createGroup("own-goal");
        String other = createGroup("other-goal");
        long ours = goal(slug, "Grow the community");
        long theirs = goal(other, "Someone else's goal");
        for (String month : new String[] {"2024-05", null}) {
            Map<String, Object> body = new HashMap<>();
            body.put("title", "Theirs");
            body.put("month", month);
            body.put("goalId", theirs);
            asAdmin()
                    .body(body)
                    .post("/api/groups/" + slug + "/cards")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("goalId"))
                    .body("errors[0].message", containsString("not a goal of this group"));
            body.put("title", "Ours");
            body.put("goalId", ours);
            asAdmin()
                    .body(body)
                    .post("/api/groups/" + slug + "/cards")
                    .then()
                    .statusCode(201)
                    .body("goalId", equalTo((int) ours))
                    .body("month", equalTo(month));
        }
        // A month outside the plan is named even when the goal is wrong too (the month is checked first).
        asAdmin()
                .body(Map.of("title", "Both wrong", "month", "2031-01", "goalId", theirs))
                .post("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("month"));
        assertEquals(List.of("Ours"), titles(slug, "2024-05"));
        assertEquals(List.of("Ours"), titles(slug, "backlog"));
    }

    @Test
    void shouldReadTheGroupWithTheCallersMembershipAndTheColumnWithTheGoalWhenCreatingACard() {
        String slug = createGroup("create-statements");
        long goal = goal(slug, "Ship it");
        addMember(slug, "member-2", "MEMBER");
        List<String> sql = RecordedSql.during(() -> asUser("member-2")
                .body(Map.of("title", "Counted", "month", "2024-06", "goalId", goal))
                .post("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(201)
                .body("month", equalTo("2024-06")));
        // Through Hibernate: the group with the caller's membership, the column's last position, the card and its
        // history row. The column's lookup, its lock and the goal check are one JDBC statement beside them. Before
        // they were merged a create also read the membership, the milestone and the goal on their own.
        assertEquals(4, sql.size(), () -> String.join("\n", sql));
        assertTrue(sql.get(0).contains("from working_group") && sql.get(0).contains("join member"), sql.get(0));
        assertTrue(sql.get(1).contains("max(c1_0.position)"), sql.get(1));
        assertTrue(sql.get(2).startsWith("insert into card"), sql.get(2));
        assertTrue(sql.get(3).startsWith("insert into change"), sql.get(3));
        assertEquals(List.of("Counted"), titles(slug, "2024-06"));
    }
}
