package org.milepost.goal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.milepost.testing.Api.addMember;
import static org.milepost.testing.Api.anonymous;
import static org.milepost.testing.Api.asAdmin;
import static org.milepost.testing.Api.asUser;
import static org.milepost.testing.Api.createGroup;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milepost.testing.TestCards;

@QuarkusTest
class GoalResourceTest {

    @Inject
    TestCards cards;

    private static String goals(String slug) {
        return "/api/groups/" + slug + "/goals";
    }

    private static long createGoal(String slug, String title) {
        return asAdmin()
                .body(Map.of("title", title))
                .post(goals(slug))
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private static Map<String, Object> update(String title, Integer position, Integer version) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        if (position != null) {
            body.put("position", position);
        }
        if (version != null) {
            body.put("version", version);
        }
        return body;
    }

    @Test
    void shouldAppendGoalsInOrderWithDistinctDefaultColors() {
        String slug = createGroup("goals");
        asAdmin()
                .body(Map.of(
                        "title",
                        "Vocabulary & Definitions",
                        "description",
                        "Shared vocabulary for the roadmap process"))
                .when()
                .post(goals(slug))
                .then()
                .statusCode(201)
                .header("Location", containsString(goals(slug) + "/"))
                .header("ETag", equalTo("\"0\""))
                .body("position", equalTo(0))
                .body("title", equalTo("Vocabulary & Definitions"))
                .body("color", matchesPattern("^#[0-9A-F]{6}$"))
                .body("measure", nullValue())
                .body("version", equalTo(0));
        createGoal(slug, "Communication Plan");
        createGoal(slug, "The Process");
        createGoal(slug, "Vision");

        List<String> colors = anonymous()
                .get(goals(slug))
                .then()
                .statusCode(200)
                .body(
                        "title",
                        equalTo(List.of("Vocabulary & Definitions", "Communication Plan", "The Process", "Vision")))
                .body("position", equalTo(List.of(0, 1, 2, 3)))
                .extract()
                .jsonPath()
                .getList("color");
        assertEquals(4, new HashSet<>(colors).size(), "distinct colors: " + colors);
    }

    @Test
    void shouldKeepMeasureOfSuccessAndGivenColor() {
        String slug = createGroup("measure");
        long id = asAdmin()
                .body(Map.of(
                        "title",
                        "Learning and preparing for growth",
                        "color",
                        "#12b886",
                        "measure",
                        Map.of("label", "New contributors moving through the pathway", "target", 25, "current", 12.5)))
                .when()
                .post(goals(slug))
                .then()
                .statusCode(201)
                .body("color", equalTo("#12B886"))
                .body("measure.label", equalTo("New contributors moving through the pathway"))
                .body("measure.target", equalTo(25))
                .body("measure.current", equalTo(12.5f))
                .extract()
                .jsonPath()
                .getLong("id");
        anonymous()
                .get(goals(slug) + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("measure.target", equalTo(25));

        // An update without a measure removes it; without a color keeps the color.
        asAdmin()
                .body(update("Learning and preparing for growth", null, 0))
                .when()
                .put(goals(slug) + "/" + id)
                .then()
                .statusCode(200)
                .body("measure", nullValue())
                .body("color", equalTo("#12B886"))
                .body("version", equalTo(1));
    }

    @Test
    void shouldInsertGoalAtGivenPosition() {
        String slug = createGroup("insert");
        createGoal(slug, "Communication Plan");
        createGoal(slug, "The Process");
        asAdmin()
                .body(Map.of("title", "Vocabulary & Definitions", "position", 0))
                .when()
                .post(goals(slug))
                .then()
                .statusCode(201)
                .body("position", equalTo(0));
        asAdmin()
                .body(Map.of("title", "Vision", "position", 99))
                .when()
                .post(goals(slug))
                .then()
                .statusCode(201)
                .body("position", equalTo(3));
        anonymous()
                .get(goals(slug))
                .then()
                .body(
                        "title",
                        equalTo(List.of("Vocabulary & Definitions", "Communication Plan", "The Process", "Vision")))
                .body("position", equalTo(List.of(0, 1, 2, 3)));
    }

    @Test
    void shouldMoveGoalAndShiftTheOthers() {
        String slug = createGroup("move");
        createGoal(slug, "A");
        createGoal(slug, "B");
        createGoal(slug, "C");
        long d = createGoal(slug, "D");

        asAdmin()
                .body(update("D", 1, 0))
                .when()
                .put(goals(slug) + "/" + d)
                .then()
                .statusCode(200)
                .body("position", equalTo(1))
                .body("version", equalTo(1));
        anonymous()
                .get(goals(slug))
                .then()
                .body("title", equalTo(List.of("A", "D", "B", "C")))
                .body("position", equalTo(List.of(0, 1, 2, 3)))
                // A did not move; B and C did, so their versions changed too.
                .body("version", equalTo(List.of(0, 1, 1, 1)));

        asAdmin()
                .body(update("D", 50, 1))
                .when()
                .put(goals(slug) + "/" + d)
                .then()
                .statusCode(200)
                .body("position", equalTo(3));
        anonymous().get(goals(slug)).then().body("title", equalTo(List.of("A", "B", "C", "D")));
    }

    @Test
    void shouldDeleteGoalAndCloseTheGapKeepingItsCards() {
        String slug = createGroup("delete");
        long a = createGoal(slug, "A");
        long b = createGoal(slug, "B");
        createGoal(slug, "C");
        long cardOfB = cards.add(slug, "2024-06", "Socialize Comms Plan at intersect", b);
        long cardOfA = cards.add(slug, "2024-06", "Publish a first roadmap process", a);
        asAdmin().when().delete(goals(slug) + "/" + b).then().statusCode(204);
        assertNull(cards.goalIdOf(cardOfB));
        assertEquals(a, cards.goalIdOf(cardOfA));
        anonymous().get(goals(slug) + "/" + b).then().statusCode(404);
        anonymous()
                .get(goals(slug))
                .then()
                .body("title", equalTo(List.of("A", "C")))
                .body("position", equalTo(List.of(0, 1)));
    }

    @Test
    void shouldRefuseDeleteWithStaleIfMatch() {
        String slug = createGroup("delstale");
        long id = createGoal(slug, "Vision");
        asAdmin()
                .body(update("Vision 2030", null, 0))
                .put(goals(slug) + "/" + id)
                .then()
                .statusCode(200);
        asAdmin()
                .header("If-Match", "\"0\"")
                .when()
                .delete(goals(slug) + "/" + id)
                .then()
                .statusCode(409)
                .body("current.title", equalTo("Vision 2030"));
        asAdmin()
                .header("If-Match", "\"1\"")
                .when()
                .delete(goals(slug) + "/" + id)
                .then()
                .statusCode(204);
    }

    @Test
    void shouldRefuseInvalidGoalNamingTheJsonFields() {
        String slug = createGroup("invalid");
        asAdmin()
                .body(Map.of(
                        "title", " ", "color", "blue", "position", -1, "measure", Map.of("label", "", "target", 1.234)))
                .when()
                .post(goals(slug))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("title", "color", "position", "measure.label", "measure.target"))
                .body("detail", not(containsString("arg0")));
        asAdmin()
                .body(Map.of("title", "x".repeat(201)))
                .when()
                .post(goals(slug))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("title"));
        asAdmin().when().post(goals(slug)).then().statusCode(400);
        anonymous().get(goals(slug)).then().body("$", hasSize(0));
    }

    @Test
    void shouldRefuseInvalidGoalUpdate() {
        String slug = createGroup("badupdate");
        long id = createGoal(slug, "Vision");
        asAdmin()
                .body(Map.of("title", "", "color", "#12345", "version", 0))
                .when()
                .put(goals(slug) + "/" + id)
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("title", "color"));
        anonymous()
                .get(goals(slug) + "/" + id)
                .then()
                .body("title", equalTo("Vision"))
                .body("version", equalTo(0));
    }

    @Test
    void shouldRefuseStaleGoalUpdateWithCurrentState() {
        String slug = createGroup("stale");
        long id = createGoal(slug, "Vision");
        asAdmin()
                .body(update("Vision 2030", null, 0))
                .put(goals(slug) + "/" + id)
                .then()
                .statusCode(200);
        asAdmin()
                .body(update("Vision 2040", null, 0))
                .when()
                .put(goals(slug) + "/" + id)
                .then()
                .statusCode(409)
                .body("type", equalTo("/problems/stale-version"))
                .body("current.title", equalTo("Vision 2030"))
                .body("current.version", equalTo(1));
        anonymous().get(goals(slug) + "/" + id).then().body("title", equalTo("Vision 2030"));
    }

    @Test
    void shouldRequireVersionToUpdateGoal() {
        String slug = createGroup("noversion");
        long id = createGoal(slug, "Vision");
        asAdmin()
                .body(update("Changed", null, null))
                .when()
                .put(goals(slug) + "/" + id)
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        asAdmin()
                .header("If-Match", "\"0\"")
                .body(update("Via header", null, null))
                .when()
                .put(goals(slug) + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""));
        anonymous().get(goals(slug) + "/" + id).then().body("title", equalTo("Via header"));
    }

    @Test
    void shouldNotGetUnknownGoal() {
        String slug = createGroup("unknown");
        anonymous().get(goals(slug) + "/999999999").then().statusCode(404).contentType("application/problem+json");
        asAdmin()
                .body(update("X", null, 0))
                .put(goals(slug) + "/999999999")
                .then()
                .statusCode(404);
        asAdmin().delete(goals(slug) + "/999999999").then().statusCode(404);
        anonymous().get("/api/groups/no-such-group/goals").then().statusCode(404);
    }

    @Test
    void shouldLetMembersButNotAnonymousChangeGoals() {
        String slug = createGroup("anon");
        long id = createGoal(slug, "Vision");
        anonymous()
                .body(Map.of("title", "Sneaky"))
                .when()
                .post(goals(slug))
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .contentType("application/problem+json");
        anonymous()
                .body(update("Sneaky", null, 0))
                .put(goals(slug) + "/" + id)
                .then()
                .statusCode(401);
        anonymous().delete(goals(slug) + "/" + id).then().statusCode(401);

        addMember(slug, "bob", "MEMBER");
        asUser("bob")
                .body(Map.of("title", "Communication Plan"))
                .when()
                .post(goals(slug))
                .then()
                .statusCode(201);
        asUser("bob")
                .body(update("Vision (agreed)", null, 0))
                .put(goals(slug) + "/" + id)
                .then()
                .statusCode(200);
        anonymous().get(goals(slug)).then().body("title", equalTo(List.of("Vision (agreed)", "Communication Plan")));
    }

    @Test
    void shouldForbidObserversAndNonMembersToChangeGoals() {
        String slug = createGroup("forbidden");
        long id = createGoal(slug, "Vision");
        addMember(slug, "olga", "OBSERVER");
        for (String caller : new String[] {"olga", "mallory"}) {
            asUser(caller)
                    .body(Map.of("title", "Sneaky"))
                    .when()
                    .post(goals(slug))
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            asUser(caller)
                    .body(update("Sneaky", null, 0))
                    .put(goals(slug) + "/" + id)
                    .then()
                    .statusCode(403);
            asUser(caller).delete(goals(slug) + "/" + id).then().statusCode(403);
        }
        anonymous()
                .get(goals(slug))
                .then()
                .body("title", equalTo(List.of("Vision")))
                .body("version", equalTo(List.of(0)));
    }

    @Test
    void shouldHideMembersOnlyGroupGoalsFromOutsiders() {
        String slug = createGroup("private", "MEMBERS", "2024-05", "2024-06");
        long id = createGoal(slug, "Vision");
        addMember(slug, "olga", "OBSERVER");
        anonymous().get(goals(slug)).then().statusCode(404);
        asUser("mallory").get(goals(slug)).then().statusCode(404);
        asUser("mallory").get(goals(slug) + "/" + id).then().statusCode(404);
        asUser("mallory")
                .body(Map.of("title", "Sneaky"))
                .post(goals(slug))
                .then()
                .statusCode(404);
        asUser("olga").get(goals(slug)).then().statusCode(200).body("title", equalTo(List.of("Vision")));
    }

    @Test
    void shouldNotReachAnotherGroupsGoalThroughThisGroupsPath() {
        String groupA = createGroup("group-a");
        String groupB = createGroup("group-b");
        long inA = createGoal(groupA, "Vision");
        asAdmin().get(goals(groupB) + "/" + inA).then().statusCode(404);
        asAdmin()
                .body(update("Hijacked", null, 0))
                .put(goals(groupB) + "/" + inA)
                .then()
                .statusCode(404);
        asAdmin().delete(goals(groupB) + "/" + inA).then().statusCode(404);
        anonymous()
                .get(goals(groupA) + "/" + inA)
                .then()
                .statusCode(200)
                .body("title", equalTo("Vision"))
                .body("version", equalTo(0));
        anonymous().get(goals(groupB)).then().body("$", hasSize(0));
    }
}
