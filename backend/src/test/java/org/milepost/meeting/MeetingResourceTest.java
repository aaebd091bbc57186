package org.milepost.meeting;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.milepost.testing.Api.addMember;
import static org.milepost.testing.Api.anonymous;
import static org.milepost.testing.Api.asAdmin;
import static org.milepost.testing.Api.asUser;
import static org.milepost.testing.Api.createGroup;
import static org.milepost.testing.Api.createdId;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.milepost.testing.TestCards;

@QuarkusTest
class MeetingResourceTest {

    @Inject
    TestCards cards;

    @Inject
    SessionFactory sessionFactory;

    private static String meetings(String slug) {
        return "/api/groups/" + slug + "/meetings";
    }

    /** Meeting 3 of the Cardano working group's schedule. */
    private static Map<String, Object> agreeOnMission() {
        Map<String, Object> body = new HashMap<>();
        body.put("date", "2024-05-07");
        body.put("time", "15:00");
        body.put("timeZone", "UTC");
        body.put("tentative", true);
        body.put("location", "Virtual");
        body.put(
                "objectives",
                List.of(
                        "Agree on Group Mission",
                        "Goal setting",
                        "Initial discussion over milestones until Oct 3 (AMM)"));
        body.put("outcome", "Group mission and goals decided, Kanban board set up");
        return body;
    }

    private static Map<String, Object> on(LocalDate date) {
        Map<String, Object> body = new HashMap<>();
        if (date != null) {
            body.put("date", date.toString());
        }
        body.put("location", "Virtual");
        return body;
    }

    private static Map<String, Object> withVersion(Map<String, Object> body, int version) {
        body.put("version", version);
        return body;
    }

    /** Ids as JSON numbers compare in REST Assured: small ones are Integers. */
    private static List<Integer> ids(long... ids) {
        return java.util.Arrays.stream(ids).mapToObj(Math::toIntExact).toList();
    }

    private static long create(String slug, Map<String, Object> body) {
        return createdId(meetings(slug), body);
    }

    @Test
    void shouldScheduleMeetingWithAgenda() {
        String slug = createGroup("meeting");
        asAdmin()
                .body(agreeOnMission())
                .when()
                .post(meetings(slug))
                .then()
                .statusCode(201)
                .header("Location", containsString(meetings(slug) + "/"))
                .header("ETag", equalTo("\"0\""))
                .body("number", equalTo(1))
                .body("date", equalTo("2024-05-07"))
                .body("time", equalTo("15:00"))
                .body("timeZone", equalTo("UTC"))
                .body("tentative", equalTo(true))
                .body("location", equalTo("Virtual"))
                .body("joinUrl", nullValue())
                .body(
                        "objectives",
                        equalTo(List.of(
                                "Agree on Group Mission",
                                "Goal setting",
                                "Initial discussion over milestones until Oct 3 (AMM)")))
                .body("outcome", equalTo("Group mission and goals decided, Kanban board set up"))
                .body("cardIds", empty())
                .body("version", equalTo(0));
    }

    @Test
    void shouldNumberMeetingsAfterTheHighest() {
        String slug = createGroup("numbers");
        asAdmin()
                .body(on(null))
                .post(meetings(slug))
                .then()
                .statusCode(201)
                .body("number", equalTo(1))
                .body("tentative", equalTo(true))
                .body("objectives", empty());
        Map<String, Object> fifth = on(null);
        fifth.put("number", 5);
        asAdmin().body(fifth).post(meetings(slug)).then().statusCode(201).body("number", equalTo(5));
        asAdmin().body(on(null)).post(meetings(slug)).then().statusCode(201).body("number", equalTo(6));
        anonymous()
                .get(meetings(slug))
                .then()
                .statusCode(200)
                .body("items.number", equalTo(List.of(1, 5, 6)))
                .body("total", equalTo(3));
    }

    @Test
    void shouldRefuseDuplicateNumber() {
        String slug = createGroup("dupnumber");
        Map<String, Object> third = agreeOnMission();
        third.put("number", 3);
        create(slug, third);
        asAdmin()
                .body(third)
                .when()
                .post(meetings(slug))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("Meeting number 3 is already used"));
        long fourth = create(slug, on(null));
        Map<String, Object> renumber = withVersion(on(null), 0);
        renumber.put("number", 3);
        asAdmin()
                .body(renumber)
                .when()
                .put(meetings(slug) + "/" + fourth)
                .then()
                .statusCode(409)
                .body("detail", containsString("Meeting number 3 is already used"));
        anonymous().get(meetings(slug)).then().body("items.number", equalTo(List.of(3, 4)));
    }

    @Test
    void shouldListUpcomingPastAndAllInTheirOrder() {
        String slug = createGroup("when");
        LocalDate today = LocalDate.now();
        create(slug, on(today.plusDays(10))); // 1
        create(slug, on(today.minusDays(3))); // 2
        create(slug, on(null)); // 3
        create(slug, on(today)); // 4
        create(slug, on(today.minusDays(30))); // 5
        create(slug, on(today.plusDays(2))); // 6

        anonymous()
                .queryParam("when", "upcoming")
                .get(meetings(slug))
                .then()
                .statusCode(200)
                .body("items.number", equalTo(List.of(4, 6, 1, 3)))
                .body("total", equalTo(4));
        anonymous()
                .queryParam("when", "past")
                .get(meetings(slug))
                .then()
                .statusCode(200)
                .body("items.number", equalTo(List.of(2, 5)))
                .body("total", equalTo(2));
        anonymous()
                .queryParam("when", "all")
                .get(meetings(slug))
                .then()
                .statusCode(200)
                .body("items.number", equalTo(List.of(1, 2, 3, 4, 5, 6)));
        anonymous()
                .queryParam("size", 2)
                .queryParam("page", 1)
                .get(meetings(slug))
                .then()
                .statusCode(200)
                .body("items.number", equalTo(List.of(3, 4)))
                .body("page", equalTo(1))
                .body("size", equalTo(2))
                .body("total", equalTo(6));
    }

    @Test
    void shouldReadTheCardsOfAPageOfMeetingsInOneQuery() {
        String slug = createGroup("nplusone");
        for (int i = 0; i < 8; i++) {
            Map<String, Object> body = on(null);
            body.put("cardIds", List.of(cards.add(slug, "2024-06", "Card " + i)));
            create(slug, body);
        }
        var statistics = sessionFactory.getStatistics();
        long before = statistics.getPrepareStatementCount();
        anonymous().get(meetings(slug)).then().statusCode(200).body("items.cardIds.flatten()", hasSize(8));
        // the group, the page, the total, the cards of the page: not one query per meeting
        assertThat(statistics.getPrepareStatementCount() - before, lessThanOrEqualTo(4L));
    }

    @Test
    void shouldRefuseUnknownListFilterNamingTheParameter() {
        String slug = createGroup("badwhen");
        anonymous()
                .queryParam("when", "soon")
                .get(meetings(slug))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("when"));
        anonymous()
                .queryParam("size", 0)
                .get(meetings(slug))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void shouldRefuseInvalidMeetingNamingTheJsonFields() {
        String slug = createGroup("invalid");
        Map<String, Object> body = agreeOnMission();
        body.put("number", 0);
        body.put("joinUrl", "javascript:alert(1)");
        body.put("location", "x".repeat(201));
        body.put("objectives", Collections.nCopies(51, "Goal setting"));
        asAdmin()
                .body(body)
                .when()
                .post(meetings(slug))
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("number", "location", "objectives"))
                .body("detail", not(containsString("arg0")));

        Map<String, Object> service = agreeOnMission();
        service.put("joinUrl", "ftp://files.example.org/minutes");
        service.put("timeZone", "Mars/Olympus_Mons");
        asAdmin()
                .body(service)
                .when()
                .post(meetings(slug))
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("timeZone", "joinUrl")));

        Map<String, Object> longObjective = agreeOnMission();
        longObjective.put("objectives", List.of("Goal setting", "x".repeat(2001)));
        asAdmin()
                .body(longObjective)
                .when()
                .post(meetings(slug))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("objectives[1]"));

        Map<String, Object> badTime = agreeOnMission();
        badTime.put("time", "3pm");
        asAdmin()
                .body(badTime)
                .when()
                .post(meetings(slug))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("time"));

        anonymous().get(meetings(slug)).then().body("total", equalTo(0));
    }

    @Test
    void shouldLinkCardsOfTheSameGroupOnly() {
        String slug = createGroup("cards");
        String other = createGroup("other");
        long comms = cards.add(slug, "2024-05", "Create Rough Draft of Comms Plan");
        long vocab = cards.add(slug, "2024-05", "Submit Vocab to community for review");
        long foreign = cards.add(other, "2024-05", "Card of another group");

        Map<String, Object> body = agreeOnMission();
        body.put("cardIds", List.of(vocab, comms));
        long id = asAdmin()
                .body(body)
                .when()
                .post(meetings(slug))
                .then()
                .statusCode(201)
                .body("cardIds", equalTo(ids(comms, vocab)))
                .extract()
                .jsonPath()
                .getLong("id");

        body.put("cardIds", List.of(comms, foreign));
        asAdmin()
                .body(body)
                .when()
                .post(meetings(slug))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cardIds"))
                .body("errors[0].message", containsString(String.valueOf(foreign)));
        Map<String, Object> update = withVersion(agreeOnMission(), 0);
        update.put("cardIds", List.of(foreign));
        asAdmin()
                .body(update)
                .when()
                .put(meetings(slug) + "/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cardIds"));

        anonymous()
                .get(meetings(slug) + "/" + id)
                .then()
                .body("cardIds", equalTo(ids(comms, vocab)))
                .body("version", equalTo(0));
        anonymous().get(meetings(slug)).then().body("items[0].cardIds", equalTo(ids(comms, vocab)));
    }

    @Test
    void shouldUpdateMeeting() {
        String slug = createGroup("update");
        long card = cards.add(slug, "2024-05", "Goal setting");
        long id = create(slug, agreeOnMission());
        Map<String, Object> body = withVersion(agreeOnMission(), 0);
        body.remove("tentative");
        body.put("date", "2024-05-13");
        body.put("timeZone", "Europe/Berlin");
        body.put("joinUrl", "https://meet.example.org/core-infra");
        body.put("objectives", List.of("Agree on group member roles and elect chair", "Review scope based on mission"));
        body.put("cardIds", List.of(card));
        body.put("minutes", "Chair elected.");
        asAdmin()
                .body(body)
                .when()
                .put(meetings(slug) + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("number", equalTo(1))
                .body("date", equalTo("2024-05-13"))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("tentative", equalTo(true))
                .body("joinUrl", equalTo("https://meet.example.org/core-infra"))
                .body(
                        "objectives",
                        equalTo(List.of(
                                "Agree on group member roles and elect chair", "Review scope based on mission")))
                .body("cardIds", equalTo(ids(card)))
                .body("minutes", equalTo("Chair elected."))
                .body("version", equalTo(1));

        Map<String, Object> confirm = withVersion(on(LocalDate.parse("2024-05-13")), 1);
        confirm.put("tentative", false);
        confirm.put("number", 4);
        asAdmin()
                .body(confirm)
                .when()
                .put(meetings(slug) + "/" + id)
                .then()
                .statusCode(200)
                .body("number", equalTo(4))
                .body("tentative", equalTo(false))
                .body("objectives", empty())
                .body("cardIds", empty())
                .body("version", equalTo(2));
        anonymous()
                .get(meetings(slug) + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("number", equalTo(4));
    }

    @Test
    void shouldRefuseStaleMeetingUpdateWithCurrentState() {
        String slug = createGroup("stale");
        long id = create(slug, agreeOnMission());
        Map<String, Object> first = withVersion(agreeOnMission(), 0);
        first.put("outcome", "Mission agreed");
        asAdmin().body(first).put(meetings(slug) + "/" + id).then().statusCode(200);
        Map<String, Object> second = withVersion(agreeOnMission(), 0);
        second.put("outcome", "Mission postponed");
        asAdmin()
                .body(second)
                .when()
                .put(meetings(slug) + "/" + id)
                .then()
                .statusCode(409)
                .body("type", equalTo("/problems/stale-version"))
                .body("current.outcome", equalTo("Mission agreed"))
                .body("current.version", equalTo(1));
        anonymous().get(meetings(slug) + "/" + id).then().body("outcome", equalTo("Mission agreed"));
    }

    @Test
    void shouldRequireVersionToUpdateMeeting() {
        String slug = createGroup("noversion");
        long id = create(slug, agreeOnMission());
        Map<String, Object> body = agreeOnMission();
        body.put("location", "Intersect office");
        asAdmin()
                .body(body)
                .when()
                .put(meetings(slug) + "/" + id)
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        anonymous().get(meetings(slug) + "/" + id).then().body("location", equalTo("Virtual"));
        asAdmin()
                .header("If-Match", "\"0\"")
                .body(body)
                .when()
                .put(meetings(slug) + "/" + id)
                .then()
                .statusCode(200)
                .body("location", equalTo("Intersect office"));
    }

    @Test
    void shouldDeleteMeeting() {
        String slug = createGroup("delete");
        long id = create(slug, agreeOnMission());
        asAdmin()
                .header("If-Match", "\"3\"")
                .when()
                .delete(meetings(slug) + "/" + id)
                .then()
                .statusCode(409)
                .body("current.number", equalTo(1));
        asAdmin().when().delete(meetings(slug) + "/" + id).then().statusCode(204);
        anonymous().get(meetings(slug) + "/" + id).then().statusCode(404);
        anonymous().get(meetings(slug)).then().body("items", hasSize(0));
    }

    @Test
    void shouldNotGetUnknownMeeting() {
        String slug = createGroup("unknown");
        anonymous().get(meetings(slug) + "/999999999").then().statusCode(404).contentType("application/problem+json");
        asAdmin()
                .body(withVersion(on(null), 0))
                .put(meetings(slug) + "/999999999")
                .then()
                .statusCode(404);
        asAdmin().delete(meetings(slug) + "/999999999").then().statusCode(404);
        anonymous().get("/api/groups/no-such-group/meetings").then().statusCode(404);
    }

    @Test
    void shouldLetMembersButNotAnonymousChangeMeetings() {
        String slug = createGroup("anon");
        long id = create(slug, agreeOnMission());
        anonymous()
                .body(on(null))
                .when()
                .post(meetings(slug))
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"));
        anonymous()
                .body(withVersion(on(null), 0))
                .put(meetings(slug) + "/" + id)
                .then()
                .statusCode(401);
        anonymous().delete(meetings(slug) + "/" + id).then().statusCode(401);

        addMember(slug, "bob", "MEMBER");
        asUser("bob").body(on(null)).post(meetings(slug)).then().statusCode(201).body("number", equalTo(2));
        anonymous()
                .get(meetings(slug))
                .then()
                .body("items.number", equalTo(List.of(1, 2)))
                .body("items[0].version", equalTo(0));
    }

    @Test
    void shouldForbidObserversAndNonMembersToChangeMeetings() {
        String slug = createGroup("forbidden");
        long id = create(slug, agreeOnMission());
        addMember(slug, "olga", "OBSERVER");
        for (String caller : List.of("olga", "mallory")) {
            asUser(caller)
                    .body(on(null))
                    .when()
                    .post(meetings(slug))
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            asUser(caller)
                    .body(withVersion(on(null), 0))
                    .put(meetings(slug) + "/" + id)
                    .then()
                    .statusCode(403);
            asUser(caller).delete(meetings(slug) + "/" + id).then().statusCode(403);
        }
        anonymous()
                .get(meetings(slug))
                .then()
                .body("items.number", equalTo(List.of(1)))
                .body("items[0].location", equalTo("Virtual"))
                .body("items[0].version", equalTo(0));
    }

    @Test
    void shouldHideMembersOnlyGroupMeetingsFromOutsiders() {
        String slug = createGroup("private", "MEMBERS", "2024-05", "2024-06");
        long id = create(slug, agreeOnMission());
        addMember(slug, "olga", "OBSERVER");
        anonymous().get(meetings(slug)).then().statusCode(404);
        asUser("mallory").get(meetings(slug)).then().statusCode(404);
        asUser("mallory").get(meetings(slug) + "/" + id).then().statusCode(404);
        asUser("mallory").body(on(null)).post(meetings(slug)).then().statusCode(404);
        asUser("olga").get(meetings(slug)).then().statusCode(200).body("items.number", equalTo(List.of(1)));
    }

    @Test
    void shouldNotReachAnotherGroupsMeetingThroughThisGroupsPath() {
        String groupA = createGroup("group-a");
        String groupB = createGroup("group-b");
        long inA = create(groupA, agreeOnMission());
        asAdmin().get(meetings(groupB) + "/" + inA).then().statusCode(404);
        asAdmin()
                .body(withVersion(on(null), 0))
                .put(meetings(groupB) + "/" + inA)
                .then()
                .statusCode(404);
        asAdmin().delete(meetings(groupB) + "/" + inA).then().statusCode(404);
        anonymous()
                .get(meetings(groupA) + "/" + inA)
                .then()
                .statusCode(200)
                .body("location", equalTo("Virtual"))
                .body("version", equalTo(0));
        anonymous().get(meetings(groupB)).then().body("total", equalTo(0));
    }
}
