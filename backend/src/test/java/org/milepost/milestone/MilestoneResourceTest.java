package org.milepost.milestone;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.milepost.testing.Api.addMember;
import static org.milepost.testing.Api.anonymous;
import static org.milepost.testing.Api.asAdmin;
import static org.milepost.testing.Api.asUser;
import static org.milepost.testing.Api.createGroup;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.milepost.testing.TestCards;

@QuarkusTest
class MilestoneResourceTest {

    @Inject
    TestCards cards;

    @Inject
    SessionFactory sessionFactory;

    private static String milestones(String slug) {
        return "/api/groups/" + slug + "/milestones";
    }

    private static Map<String, Object> update(String title, String focus, Integer version) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("focus", focus);
        body.put("outcomes", "Comms plan drafted; vocabulary submitted for community review");
        if (version != null) {
            body.put("version", version);
        }
        return body;
    }

    @Test
    void shouldListEveryMonthOfThePlanWithCardCounts() {
        String slug = createGroup("counts");
        cards.add(slug, "2024-06", "Create Rough Map of Current State");
        cards.add(slug, "2024-06", "Publish a first roadmap process");
        cards.add(slug, "2024-08", "Journey Map slicing Approach");
        cards.add(slug, null, "Someday: CIP reviewer rota");

        anonymous()
                .get(milestones(slug))
                .then()
                .statusCode(200)
                .body("month", equalTo(List.of("2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024-10")))
                .body("cardCount", equalTo(List.of(0, 2, 0, 1, 0, 0)))
                .body("title", equalTo(java.util.Arrays.asList(null, null, null, null, null, null)))
                .body("version", equalTo(List.of(0, 0, 0, 0, 0, 0)));
    }

    @Test
    void shouldCountCardsOfAllMonthsInOneQuery() {
        String slug = createGroup("onequery", "PUBLIC", "2024-01", "2024-12");
        for (String month : List.of("2024-01", "2024-03", "2024-05", "2024-07", "2024-09", "2024-11")) {
            cards.add(slug, month, "Card in " + month);
        }
        var statistics = sessionFactory.getStatistics();
        long before = statistics.getPrepareStatementCount();
        anonymous()
                .get(milestones(slug))
                .then()
                .statusCode(200)
                .body("cardCount", equalTo(List.of(1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0)));
        long statements = statistics.getPrepareStatementCount() - before;
        // the group, its months, their card counts: not one query per month
        assertThat(statements, greaterThan(0L));
        assertThat(statements, lessThanOrEqualTo(3L));
    }

    @Test
    void shouldChangeWhatAMonthIsAbout() {
        String slug = createGroup("update");
        cards.add(slug, "2024-05", "Create Rough Draft of Comms Plan");
        asAdmin()
                .body(update("  Comms plan and vocabulary ", "Communicate our mission and goals", 0))
                .when()
                .put(milestones(slug) + "/2024-05")
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("month", equalTo("2024-05"))
                .body("title", equalTo("Comms plan and vocabulary"))
                .body("focus", equalTo("Communicate our mission and goals"))
                .body("outcomes", containsString("Comms plan drafted"))
                .body("cardCount", equalTo(1))
                .body("version", equalTo(1));
        anonymous()
                .get(milestones(slug) + "/2024-05")
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("title", equalTo("Comms plan and vocabulary"));
        anonymous()
                .get(milestones(slug))
                .then()
                .body("title[0]", equalTo("Comms plan and vocabulary"))
                .body("title[1]", nullValue());
    }

    @Test
    void shouldAcceptIfMatchInsteadOfVersionField() {
        String slug = createGroup("ifmatch");
        asAdmin()
                .header("If-Match", "\"0\"")
                .body(update("Annual Members Meeting (AMM)", null, null))
                .when()
                .put(milestones(slug) + "/2024-10")
                .then()
                .statusCode(200)
                .body("title", equalTo("Annual Members Meeting (AMM)"))
                .body("focus", nullValue());
    }

    @Test
    void shouldRefuseMalformedMonthNamingThePathParameter() {
        String slug = createGroup("badmonth");
        for (String month : List.of("May-2024", "2024-13", "2024-5", "202405")) {
            asAdmin()
                    .body(update("X", null, 0))
                    .when()
                    .put(milestones(slug) + "/" + month)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("month"));
        }
        anonymous()
                .get(milestones(slug) + "/May-2024")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("month"));
    }

    @Test
    void shouldNotGetMonthOutsideThePlan() {
        String slug = createGroup("outside");
        anonymous()
                .get(milestones(slug) + "/2024-04")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("2024-05 to 2024-10"));
        asAdmin()
                .body(update("Too late", null, 0))
                .when()
                .put(milestones(slug) + "/2024-11")
                .then()
                .statusCode(404);
        anonymous().get(milestones(slug)).then().body("month", not(hasItems("2024-11")));
        anonymous().get("/api/groups/no-such-group/milestones").then().statusCode(404);
    }

    @Test
    void shouldRefuseInvalidMilestoneNamingTheJsonFields() {
        String slug = createGroup("invalid");
        Map<String, Object> body = update("x".repeat(201), "y".repeat(501), 0);
        asAdmin()
                .body(body)
                .when()
                .put(milestones(slug) + "/2024-05")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("title", "focus"))
                .body("detail", not(containsString("arg0")));
        asAdmin()
                .body(Map.of("title", "X", "month", "2024-06", "version", 0))
                .when()
                .put(milestones(slug) + "/2024-05")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("month"));
        anonymous()
                .get(milestones(slug) + "/2024-05")
                .then()
                .body("version", equalTo(0))
                .body("title", nullValue());
    }

    @Test
    void shouldRefuseStaleMilestoneUpdateWithCurrentState() {
        String slug = createGroup("stale");
        asAdmin()
                .body(update("Software beta", null, 0))
                .put(milestones(slug) + "/2024-06")
                .then()
                .statusCode(200);
        asAdmin()
                .body(update("Platform co-op", null, 0))
                .when()
                .put(milestones(slug) + "/2024-06")
                .then()
                .statusCode(409)
                .body("type", equalTo("/problems/stale-version"))
                .body("current.title", equalTo("Software beta"))
                .body("current.version", equalTo(1));
        anonymous().get(milestones(slug) + "/2024-06").then().body("title", equalTo("Software beta"));
    }

    @Test
    void shouldRequireVersionToUpdateMilestone() {
        String slug = createGroup("noversion");
        asAdmin()
                .body(update("Software beta", null, null))
                .when()
                .put(milestones(slug) + "/2024-06")
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        anonymous()
                .get(milestones(slug) + "/2024-06")
                .then()
                .body("title", nullValue())
                .body("version", equalTo(0));
    }

    @Test
    void shouldLetMembersButNotAnonymousChangeMilestones() {
        String slug = createGroup("anon");
        anonymous()
                .body(update("Sneaky", null, 0))
                .when()
                .put(milestones(slug) + "/2024-05")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"));
        addMember(slug, "bob", "MEMBER");
        asUser("bob")
                .body(update("Software co-op", null, 0))
                .when()
                .put(milestones(slug) + "/2024-05")
                .then()
                .statusCode(200);
        anonymous().get(milestones(slug) + "/2024-05").then().body("title", equalTo("Software co-op"));
    }

    @Test
    void shouldForbidObserversAndNonMembersToChangeMilestones() {
        String slug = createGroup("forbidden");
        addMember(slug, "olga", "OBSERVER");
        for (String caller : List.of("olga", "mallory")) {
            asUser(caller)
                    .body(update("Sneaky", null, 0))
                    .when()
                    .put(milestones(slug) + "/2024-05")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        anonymous()
                .get(milestones(slug) + "/2024-05")
                .then()
                .body("title", nullValue())
                .body("version", equalTo(0));
    }

    @Test
    void shouldHideMembersOnlyGroupMilestonesFromOutsiders() {
        String slug = createGroup("private", "MEMBERS", "2024-05", "2024-06");
        addMember(slug, "olga", "OBSERVER");
        anonymous().get(milestones(slug)).then().statusCode(404);
        asUser("mallory").get(milestones(slug)).then().statusCode(404);
        asUser("mallory")
                .body(update("Sneaky", null, 0))
                .put(milestones(slug) + "/2024-05")
                .then()
                .statusCode(404);
        asUser("olga")
                .get(milestones(slug))
                .then()
                .statusCode(200)
                .body("month", equalTo(List.of("2024-05", "2024-06")));
    }

    @Test
    void shouldNotChangeTheSameMonthOfAnotherGroup() {
        String groupA = createGroup("group-a");
        String groupB = createGroup("group-b");
        cards.add(groupA, "2024-05", "Card of group A");
        asAdmin()
                .body(update("Group B's May", null, 0))
                .put(milestones(groupB) + "/2024-05")
                .then()
                .statusCode(200)
                .body("cardCount", equalTo(0));
        anonymous()
                .get(milestones(groupA) + "/2024-05")
                .then()
                .body("title", nullValue())
                .body("version", equalTo(0))
                .body("cardCount", equalTo(1));
    }
}
