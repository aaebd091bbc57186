package org.milepost.history;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.milepost.testing.Api.addMember;
import static org.milepost.testing.Api.anonymous;
import static org.milepost.testing.Api.asAdmin;
import static org.milepost.testing.Api.asUser;
import static org.milepost.testing.Api.createGroup;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/** History entries for every kind of change, written in the change's own transaction (ADR 0010). */
@QuarkusTest
class HistoryResourceTest {

    @Inject
    EntityManager em;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    HistoryRecorder recorder;

    private static String base(String slug) {
        return "/api/groups/" + slug;
    }

    private static JsonPath activity(String slug) {
        return anonymous()
                .queryParam("size", 200)
                .get(base(slug) + "/activity")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The newest entry of the group's activity feed. */
    private static JsonPath latest(String slug) {
        return anonymous()
                .queryParam("size", 1)
                .get(base(slug) + "/activity")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .setRootPath("items[0]");
    }

    private static JsonPath cardHistory(String slug, long id) {
        return anonymous()
                .get(base(slug) + "/cards/" + id + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static long card(String slug, String title, String month) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("month", month);
        return asAdmin()
                .body(body)
                .post(base(slug) + "/cards")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private static Map<String, Object> edit(String title, String description, String status, int version) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("description", description);
        body.put("status", status);
        body.put("version", version);
        return body;
    }

    private static Map<String, Object> move(String month, int version) {
        Map<String, Object> body = new HashMap<>();
        body.put("month", month);
        body.put("version", version);
        return body;
    }

    private long rows(String slug) {
        return ((Number) em.createNativeQuery(
                                "select count(*) from change c join working_group g on g.id = c.group_id where g.slug = :s")
                        .setParameter("s", slug)
                        .getSingleResult())
                .longValue();
    }

    @Test
    void shouldRecordEachChangeToACardWithItsSummaryAndDiff() {
        String slug = createGroup("history-card");
        long id = card(slug, "Draft plan", "2024-05");
        JsonPath created = latest(slug);
        assertEquals("card.created", created.getString("type"));
        assertEquals(id, created.getLong("entityId"));
        assertEquals("created in May 2024", created.getString("summary"));
        assertEquals("Draft plan", created.getString("title"));
        assertEquals("2024-05", created.getString("month"));
        assertEquals(0, created.getInt("version"));
        assertEquals("admin", created.getString("actor.subject"));
        assertEquals("Admin", created.getString("actor.name"));
        assertEquals(Arrays.asList(null, "Draft plan"), created.getList("diff.title"));
        assertEquals(Arrays.asList(null, "PLANNED"), created.getList("diff.status"));
        assertEquals(Arrays.asList(null, "2024-05"), created.getList("diff.month"));

        asAdmin()
                .body(edit("Comms plan", "First line\nsecond line", "PLANNED", 0))
                .put(base(slug) + "/cards/" + id)
                .then()
                .statusCode(200);
        JsonPath edited = latest(slug);
        assertEquals("card.updated", edited.getString("type"));
        assertEquals("title \"Draft plan\" -> \"Comms plan\"; description changed", edited.getString("summary"));
        assertEquals(List.of("Draft plan", "Comms plan"), edited.getList("diff.title"));
        assertEquals(Arrays.asList(null, "First line\nsecond line"), edited.getList("diff.description"));
        assertNull(edited.get("diff.status"), "unchanged fields are not in the diff");
        assertEquals(1, edited.getInt("version"));

        asAdmin()
                .body(edit("Comms plan", "First line\nsecond line", "DONE", 1))
                .put(base(slug) + "/cards/" + id)
                .then()
                .statusCode(200);
        JsonPath status = latest(slug);
        assertEquals("status PLANNED -> DONE", status.getString("summary"));
        assertEquals(List.of("PLANNED", "DONE"), status.getList("diff.status"));
        assertEquals(Map.of("status", List.of("PLANNED", "DONE")), status.getMap("diff"));

        asAdmin()
                .body(move("2024-06", 2))
                .post(base(slug) + "/cards/" + id + "/move")
                .then()
                .statusCode(200);
        JsonPath moved = latest(slug);
        assertEquals("card.moved", moved.getString("type"));
        assertEquals("MOVED", moved.getString("action"));
        assertEquals("moved from May to June", moved.getString("summary"));
        assertEquals(List.of("2024-05", "2024-06"), moved.getList("diff.month"));
        assertEquals("2024-06", moved.getString("month"));
        assertEquals(3, moved.getInt("version"));

        asAdmin()
                .body(move(null, 3))
                .post(base(slug) + "/cards/" + id + "/move")
                .then()
                .statusCode(200);
        assertEquals("moved from June 2024 to the backlog", latest(slug).getString("summary"));
        assertNull(latest(slug).get("month"));

        asAdmin()
                .header("If-Match", "\"4\"")
                .delete(base(slug) + "/cards/" + id)
                .then()
                .statusCode(204);
        JsonPath deleted = latest(slug);
        assertEquals("card.deleted", deleted.getString("type"));
        assertEquals("deleted from the backlog", deleted.getString("summary"));
        assertEquals(Arrays.asList("Comms plan", null), deleted.getList("diff.title"));
        assertNull(deleted.get("version"));

        // The card's own history, newest first, still readable after it was deleted.
        assertEquals(
                List.of("card.deleted", "card.moved", "card.moved", "card.updated", "card.updated", "card.created"),
                cardHistory(slug, id).getList("items.type"));
        assertEquals(6, cardHistory(slug, id).getInt("total"));
    }

    @Test
    void shouldReorderWithinAMonthAsAMove() {
        String slug = createGroup("history-reorder");
        long a = card(slug, "A", "2024-05");
        long b = card(slug, "B", "2024-05");
        Map<String, Object> body = move("2024-05", 0);
        body.put("afterCardId", b);
        asAdmin().body(body).post(base(slug) + "/cards/" + a + "/move").then().statusCode(200);
        JsonPath moved = latest(slug);
        assertEquals("reordered within May 2024", moved.getString("summary"));
        assertEquals(Map.of(), moved.getMap("diff"));
    }

    @Test
    void shouldNotRecordAnEditThatChangesNothing() {
        String slug = createGroup("history-noop");
        long id = card(slug, "Same", "2024-05");
        long before = rows(slug);
        asAdmin()
                .body(edit("Same", null, "PLANNED", 0))
                .put(base(slug) + "/cards/" + id)
                .then()
                .statusCode(200);
        assertEquals(before, rows(slug));
    }

    @Test
    void shouldRecordABatchOfCardsAsOneEntryEach() {
        String slug = createGroup("history-batch");
        List<Map<String, Object>> cards = List.of(
                Map.of("title", "One", "month", "2024-05"),
                Map.of("title", "Two", "month", "2024-06"),
                Map.of("title", "Three"));
        asAdmin()
                .body(Map.of("cards", cards))
                .post(base(slug) + "/cards/batch")
                .then()
                .statusCode(201);
        JsonPath feed = activity(slug);
        assertEquals(List.of("Three", "Two", "One"), feed.getList("items.title").subList(0, 3));
        assertEquals(
                List.of("created in the backlog", "created in June 2024", "created in May 2024"),
                feed.getList("items.summary").subList(0, 3));
    }

    @Test
    void shouldRecordAMilestoneEdit() {
        String slug = createGroup("history-milestone");
        asAdmin()
                .body(Map.of("title", "Software beta", "focus", "Release on Halloween", "version", 0))
                .put(base(slug) + "/milestones/2024-10")
                .then()
                .statusCode(200);
        JsonPath entry = latest(slug);
        assertEquals("milestone.updated", entry.getString("type"));
        assertEquals("October 2024", entry.getString("title"));
        assertEquals("2024-10", entry.getString("month"));
        assertEquals(
                "title none -> \"Software beta\"; focus none -> \"Release on Halloween\"", entry.getString("summary"));
        assertEquals(Arrays.asList(null, "Software beta"), entry.getList("diff.title"));
        assertEquals(1, entry.getInt("version"));
    }

    @Test
    void shouldRecordPhaseCreationChangeAndDeletion() {
        String slug = createGroup("history-phase");
        long id = asAdmin()
                .body(Map.of("name", "Launch", "startMonth", "2024-05", "endMonth", "2024-07"))
                .post(base(slug) + "/phases")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        JsonPath created = latest(slug);
        assertEquals("phase.created", created.getString("type"));
        assertEquals("Launch", created.getString("title"));
        assertEquals(Arrays.asList(null, "2024-07"), created.getList("diff.endMonth"));

        asAdmin()
                .body(Map.of("name", "Launch", "startMonth", "2024-05", "endMonth", "2024-08", "version", 0))
                .put(base(slug) + "/phases/" + id)
                .then()
                .statusCode(200);
        JsonPath updated = latest(slug);
        assertEquals("end July 2024 -> August 2024", updated.getString("summary"));
        assertEquals(List.of("2024-07", "2024-08"), updated.getList("diff.endMonth"));

        asAdmin().delete(base(slug) + "/phases/" + id).then().statusCode(204);
        JsonPath deleted = latest(slug);
        assertEquals("phase.deleted", deleted.getString("type"));
        assertEquals("deleted", deleted.getString("summary"));
        assertEquals(Arrays.asList("Launch", null), deleted.getList("diff.name"));
    }

    @Test
    void shouldRecordGoalChangesIncludingItsMeasure() {
        String slug = createGroup("history-goal");
        Map<String, Object> goal = new HashMap<>();
        goal.put("title", "Grow the community");
        goal.put("measure", Map.of("label", "New contributors", "target", 25, "current", 3));
        long id = asAdmin()
                .body(goal)
                .post(base(slug) + "/goals")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        assertEquals("goal.created", latest(slug).getString("type"));

        goal.put("measure", Map.of("label", "New contributors", "target", 25, "current", 5.0));
        goal.put("version", 0);
        asAdmin().body(goal).put(base(slug) + "/goals/" + id).then().statusCode(200);
        JsonPath updated = latest(slug);
        assertEquals("goal.updated", updated.getString("type"));
        assertEquals("current 3 -> 5", updated.getString("summary"), "1 and 1.00 are the same number");
        assertEquals(List.of(3, 5), updated.getList("diff.measureCurrent"));

        asAdmin().delete(base(slug) + "/goals/" + id).then().statusCode(204);
        assertEquals("goal.deleted", latest(slug).getString("type"));
    }

    @Test
    void shouldRecordMeetingsScheduledConfirmedAndDeleted() {
        String slug = createGroup("history-meeting");
        Map<String, Object> meeting = new HashMap<>();
        meeting.put("date", "2024-05-07");
        meeting.put("time", "15:00");
        meeting.put("location", "Virtual");
        meeting.put("objectives", List.of("Agree on Group Mission"));
        long id = asAdmin()
                .body(meeting)
                .post(base(slug) + "/meetings")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        JsonPath created = latest(slug);
        assertEquals("meeting.created", created.getString("type"));
        assertEquals("#1", created.getString("title"));
        assertEquals("scheduled for 2024-05-07", created.getString("summary"));
        assertEquals("2024-05", created.getString("month"));
        assertEquals(Arrays.asList(null, "15:00"), created.getList("diff.time"));
        assertEquals(Arrays.asList(null, List.of("Agree on Group Mission")), created.getList("diff.objectives"));

        meeting.put("tentative", false);
        meeting.put("location", "Berlin");
        meeting.put("version", 0);
        asAdmin().body(meeting).put(base(slug) + "/meetings/" + id).then().statusCode(200);
        JsonPath updated = latest(slug);
        assertEquals("confirmed; location \"Virtual\" -> \"Berlin\"", updated.getString("summary"));
        assertEquals(List.of(true, false), updated.getList("diff.tentative"));

        asAdmin().delete(base(slug) + "/meetings/" + id).then().statusCode(204);
        assertEquals("meeting.deleted", latest(slug).getString("type"));
    }

    @Test
    void shouldRecordMembersAndGroupSettings() {
        String slug = createGroup("history-group");
        JsonPath start = activity(slug);
        assertEquals(List.of("member.created", "group.created"), start.getList("items.type"));
        assertEquals("added as CHAIR", start.getString("items[0].summary"));

        addMember(slug, "bob", "MEMBER");
        assertEquals("added as MEMBER", latest(slug).getString("summary"));
        long bob = latest(slug).getLong("entityId");
        asAdmin()
                .body(Map.of("displayName", "Bob", "role", "CHAIR", "version", 0))
                .put(base(slug) + "/members/" + bob)
                .then()
                .statusCode(200);
        assertEquals(
                "name \"bob\" -> \"Bob\"; role MEMBER -> CHAIR", latest(slug).getString("summary"));
        asAdmin().delete(base(slug) + "/members/" + bob).then().statusCode(204);
        assertEquals("member.deleted", latest(slug).getString("type"));
        assertEquals("removed", latest(slug).getString("summary"));

        long card = card(slug, "Beta release", "2024-10");
        asAdmin()
                .queryParam("moveCardsToBacklog", true)
                .body(Map.of(
                        "name",
                        "Renamed",
                        "mission",
                        "Test mission",
                        "visibility",
                        "PUBLIC",
                        "planStart",
                        "2024-05",
                        "planEnd",
                        "2024-09",
                        "version",
                        0))
                .put(base(slug))
                .then()
                .statusCode(200);
        JsonPath feed = activity(slug);
        assertEquals("group.updated", feed.getString("items[0].type"));
        assertThat(
                feed.getString("items[0].summary"),
                equalTo("name \"Group " + slug + "\" -> \"Renamed\"; plan end October 2024 -> September 2024"));
        assertEquals("card.moved", feed.getString("items[1].type"));
        assertEquals(card, feed.getLong("items[1].entityId"));
        assertEquals(
                "moved from October 2024 to the backlog (October 2024 left the plan)",
                feed.getString("items[1].summary"));
    }

    @Test
    void shouldPageTheActivityFeedNewestFirst() {
        String slug = createGroup("history-paging");
        for (int i = 1; i <= 5; i++) {
            card(slug, "Card " + i, "2024-05");
        }
        JsonPath first = anonymous()
                .queryParam("size", 2)
                .get(base(slug) + "/activity")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of("Card 5", "Card 4"), first.getList("items.title"));
        assertEquals(7, first.getInt("total")); // 5 cards, the group and its first chair
        long last = first.getLong("items[1].id");
        card(slug, "Card 6", "2024-05"); // arrives meanwhile: does not shift the next page
        JsonPath next = anonymous()
                .queryParam("size", 2)
                .queryParam("before", last)
                .get(base(slug) + "/activity")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of("Card 3", "Card 2"), next.getList("items.title"));
        anonymous().queryParam("size", 201).get(base(slug) + "/activity").then().statusCode(400);
        anonymous().queryParam("before", 0).get(base(slug) + "/activity").then().statusCode(400);
    }

    @Test
    void shouldShowHistoryOnlyToWhoeverMayReadTheGroup() {
        String slug = createGroup("history-private", "MEMBERS", "2024-05", "2024-10");
        long id = card(slug, "Secret", "2024-05");
        anonymous().get(base(slug) + "/activity").then().statusCode(404);
        anonymous().get(base(slug) + "/cards/" + id + "/history").then().statusCode(404);
        asUser("stranger").get(base(slug) + "/activity").then().statusCode(404);
        addMember(slug, "observer", "OBSERVER");
        asUser("observer").get(base(slug) + "/activity").then().statusCode(200).body("items.title", hasItem("Secret"));
        asUser("observer")
                .get(base(slug) + "/cards/" + id + "/history")
                .then()
                .statusCode(200)
                .body("items", hasSize(1));
        asUser("observer")
                .get(base(slug) + "/cards/99999999/history")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldLeaveNoHistoryForARefusedOrStaleWrite() {
        String slug = createGroup("history-refused");
        long a = card(slug, "A", "2024-05");
        long b = card(slug, "B", "2024-05");
        card(slug, "C", "2024-05");
        addMember(slug, "observer", "OBSERVER");
        long before = rows(slug);

        asAdmin()
                .body(edit("Stale", null, "DONE", 7))
                .put(base(slug) + "/cards/" + a)
                .then()
                .statusCode(409);
        asUser("observer")
                .body(edit("Not mine", null, "DONE", 0))
                .put(base(slug) + "/cards/" + a)
                .then()
                .statusCode(403);
        anonymous()
                .body(edit("Nobody", null, "DONE", 0))
                .put(base(slug) + "/cards/" + a)
                .then()
                .statusCode(401);
        asAdmin()
                .body(move("2024-06", 3))
                .post(base(slug) + "/cards/" + a + "/move")
                .then()
                .statusCode(409);
        Map<String, Object> unknownNeighbour = move("2024-05", 0);
        unknownNeighbour.put("afterCardId", 999_999_999L);
        asAdmin()
                .body(unknownNeighbour)
                .post(base(slug) + "/cards/" + b + "/move")
                .then()
                .statusCode(400);
        asAdmin()
                .body(Map.of("title", "Stale month", "version", 5))
                .put(base(slug) + "/milestones/2024-05")
                .then()
                .statusCode(409);
        asAdmin()
                .body(Map.of("cards", List.of(Map.of("title", "ok"), Map.of("title", "bad", "month", "2031-01"))))
                .post(base(slug) + "/cards/batch")
                .then()
                .statusCode(400);
        asAdmin()
                .body(Map.of("subject", "observer", "displayName", "Again", "role", "MEMBER"))
                .post(base(slug) + "/members")
                .then()
                .statusCode(409);

        assertEquals(before, rows(slug));
        assertEquals(List.of("card.created"), cardHistory(slug, a).getList("items.type"));
    }

    @Test
    void shouldWriteHistoryInTheCallersTransaction() {
        String slug = createGroup("history-atomic");
        long groupId = ((Number) em.createNativeQuery("select id from working_group where slug = :s")
                        .setParameter("s", slug)
                        .getSingleResult())
                .longValue();
        long before = rows(slug);
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> {
                    recorder.created(groupId, EntityType.PHASE, 424242, 0, "Rolled back", null, Map.of("name", "x"));
                    throw new IllegalStateException("the change fails after its history was written");
                }));
        assertEquals(before, rows(slug), "rolled back with the change");
        QuarkusTransaction.requiringNew()
                .run(() ->
                        recorder.created(groupId, EntityType.PHASE, 424242, 0, "Committed", null, Map.of("name", "x")));
        assertEquals(before + 1, rows(slug));
        assertThrows(
                jakarta.transaction.TransactionalException.class,
                () -> recorder.created(groupId, EntityType.PHASE, 1, 0, "No transaction", null, Map.of()),
                "history is never written on its own");
    }

    @Test
    void shouldKeepAMoveToOneRowUpdateAndOneHistoryInsert() {
        String slug = createGroup("history-cost");
        long id = card(slug, "Mover", "2024-05");
        card(slug, "Other", "2024-06");
        long rowsBefore = rows(slug);
        var statistics = sessionFactory.getStatistics();
        long before = statistics.getPrepareStatementCount();
        asAdmin()
                .body(move("2024-06", 0))
                .post(base(slug) + "/cards/" + id + "/move")
                .then()
                .statusCode(200);
        long statements = statistics.getPrepareStatementCount() - before;
        // Counted by Hibernate (the column locks are plain JDBC calls, not counted): the group, the target month, the
        // card's place, the card (read, then locked), its two neighbours (one query through the position index), the
        // card's update = 7. History adds its one INSERT (its NOTIFY is the trigger's).
        assertEquals(8, statements);
        assertEquals(rowsBefore + 1, rows(slug));
    }

    @Test
    void shouldAnswer404ForTheHistoryOfAnUnknownGroup() {
        anonymous()
                .get("/api/groups/no-such-group/activity")
                .then()
                .statusCode(404)
                .body("status", equalTo(404));
        anonymous()
                .get("/api/groups/no-such-group/cards/1/history")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
