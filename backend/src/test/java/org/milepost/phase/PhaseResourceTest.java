package org.milepost.phase;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.milepost.testing.Api.addMember;
import static org.milepost.testing.Api.anonymous;
import static org.milepost.testing.Api.asAdmin;
import static org.milepost.testing.Api.asUser;
import static org.milepost.testing.Api.createGroup;
import static org.milepost.testing.Api.createdId;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PhaseResourceTest {

    private static String phases(String slug) {
        return "/api/groups/" + slug + "/phases";
    }

    private static Map<String, Object> phase(String name, String start, String end) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("startMonth", start);
        body.put("endMonth", end);
        return body;
    }

    private static Map<String, Object> phase(String name, String start, String end, Integer version) {
        Map<String, Object> body = phase(name, start, end);
        if (version != null) {
            body.put("version", version);
        }
        return body;
    }

    private static long createPhase(String slug, String name, String start, String end) {
        return createdId(phases(slug), phase(name, start, end));
    }

    @Test
    void shouldCreatePhaseWithFocusActivitiesAndOutcomes() {
        String slug = createGroup("phases", "PUBLIC", "2021-03", "2021-12");
        Map<String, Object> launch = phase("Launch", "2021-03", "2021-06");
        launch.put("focus", "Brainstorm ideas; plan activities; build a core team");
        launch.put("activities", "- Run public launch workshop\n- Brainstorming session as part of IDCC Unconference");
        launch.put(
                "outcomes",
                "- Shared vision of the community, developed by the community\n"
                        + "- Flexible programme of activities for Q3‚Äì4 sketched out");
        asAdmin()
                .body(launch)
                .when()
                .post(phases(slug))
                .then()
                .statusCode(201)
                .header("Location", containsString(phases(slug) + "/"))
                .header("ETag", equalTo("\"0\""))
                .body("name", equalTo("Launch"))
                .body("startMonth", equalTo("2021-03"))
                .body("endMonth", equalTo("2021-06"))
                .body("focus", equalTo("Brainstorm ideas; plan activities; build a core team"))
                .body("activities", containsString("IDCC Unconference"))
                .body("outcomes", containsString("Q3‚Äì4")) // the seed's mis-encoded bytes survive as they are
                .body("version", equalTo(0));
    }

    @Test
    void shouldListPhasesByStartMonth() {
        String slug = createGroup("order", "PUBLIC", "2021-03", "2021-12");
        createPhase(slug, "Review", "2021-12", "2021-12");
        createPhase(slug, "Launch", "2021-03", "2021-06");
        createPhase(slug, "Grow", "2021-07", "2021-12");
        anonymous()
                .get(phases(slug))
                .then()
                .statusCode(200)
                .body("name", equalTo(List.of("Launch", "Grow", "Review")))
                .body("startMonth", equalTo(List.of("2021-03", "2021-07", "2021-12")));
    }

    @Test
    void shouldRefuseEndBeforeStartNamingEndMonth() {
        String slug = createGroup("range");
        asAdmin()
                .body(phase("Backwards", "2024-08", "2024-06"))
                .when()
                .post(phases(slug))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("endMonth"));
        long id = createPhase(slug, "Launch", "2024-05", "2024-06");
        asAdmin()
                .body(phase("Launch", "2024-07", "2024-06", 0))
                .when()
                .put(phases(slug) + "/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("endMonth"));
        anonymous()
                .get(phases(slug) + "/" + id)
                .then()
                .body("startMonth", equalTo("2024-05"))
                .body("version", equalTo(0));
    }

    @Test
    void shouldRefuseInvalidPhaseNamingTheJsonFields() {
        String slug = createGroup("invalid");
        Map<String, Object> body = new HashMap<>();
        body.put("name", "");
        body.put("focus", "x".repeat(10_001));
        asAdmin()
                .body(body)
                .when()
                .post(phases(slug))
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("name", "startMonth", "endMonth", "focus"))
                .body("detail", not(containsString("arg0")));
        asAdmin()
                .body(phase("Launch", "March 2021", "2021-06"))
                .when()
                .post(phases(slug))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("startMonth"));
        anonymous().get(phases(slug)).then().body("$", hasSize(0));
    }

    @Test
    void shouldUpdatePhase() {
        String slug = createGroup("update");
        long id = createPhase(slug, "Grow", "2024-07", "2024-09");
        Map<String, Object> body = phase("Grow", "2024-07", "2024-10", 0);
        body.put("focus", "Run activities; bring in new members; collect feedback");
        asAdmin()
                .body(body)
                .when()
                .put(phases(slug) + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("endMonth", equalTo("2024-10"))
                .body("focus", equalTo("Run activities; bring in new members; collect feedback"))
                .body("version", equalTo(1));
        anonymous()
                .get(phases(slug) + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("endMonth", equalTo("2024-10"));
    }

    @Test
    void shouldRefuseStalePhaseUpdateWithCurrentState() {
        String slug = createGroup("stale");
        long id = createPhase(slug, "Grow", "2024-07", "2024-09");
        asAdmin()
                .body(phase("Grow", "2024-07", "2024-10", 0))
                .put(phases(slug) + "/" + id)
                .then()
                .statusCode(200);
        asAdmin()
                .body(phase("Grow", "2024-06", "2024-09", 0))
                .when()
                .put(phases(slug) + "/" + id)
                .then()
                .statusCode(409)
                .body("type", equalTo("/problems/stale-version"))
                .body("current.endMonth", equalTo("2024-10"))
                .body("current.version", equalTo(1));
        anonymous().get(phases(slug) + "/" + id).then().body("startMonth", equalTo("2024-07"));
    }

    @Test
    void shouldRequireVersionToUpdatePhase() {
        String slug = createGroup("noversion");
        long id = createPhase(slug, "Grow", "2024-07", "2024-09");
        asAdmin()
                .body(phase("Changed", "2024-07", "2024-09", null))
                .when()
                .put(phases(slug) + "/" + id)
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        asAdmin()
                .header("If-Match", "\"0\"")
                .body(phase("Via header", "2024-07", "2024-09", null))
                .when()
                .put(phases(slug) + "/" + id)
                .then()
                .statusCode(200);
        anonymous().get(phases(slug) + "/" + id).then().body("name", equalTo("Via header"));
    }

    @Test
    void shouldDeletePhase() {
        String slug = createGroup("delete");
        long id = createPhase(slug, "Review", "2024-10", "2024-10");
        asAdmin()
                .header("If-Match", "\"7\"")
                .when()
                .delete(phases(slug) + "/" + id)
                .then()
                .statusCode(409)
                .body("current.name", equalTo("Review"));
        asAdmin().when().delete(phases(slug) + "/" + id).then().statusCode(204);
        anonymous().get(phases(slug) + "/" + id).then().statusCode(404);
        anonymous().get(phases(slug)).then().body("$", hasSize(0));
    }

    @Test
    void shouldNotGetUnknownPhase() {
        String slug = createGroup("unknown");
        anonymous().get(phases(slug) + "/999999999").then().statusCode(404).contentType("application/problem+json");
        asAdmin()
                .body(phase("X", "2024-05", "2024-06", 0))
                .put(phases(slug) + "/999999999")
                .then()
                .statusCode(404);
        asAdmin().delete(phases(slug) + "/999999999").then().statusCode(404);
        anonymous().get("/api/groups/no-such-group/phases").then().statusCode(404);
    }

    @Test
    void shouldLetMembersButNotAnonymousChangePhases() {
        String slug = createGroup("anon");
        long id = createPhase(slug, "Launch", "2024-05", "2024-06");
        anonymous()
                .body(phase("Sneaky", "2024-05", "2024-06"))
                .when()
                .post(phases(slug))
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"));
        anonymous()
                .body(phase("Sneaky", "2024-05", "2024-06", 0))
                .put(phases(slug) + "/" + id)
                .then()
                .statusCode(401);
        anonymous().delete(phases(slug) + "/" + id).then().statusCode(401);

        addMember(slug, "bob", "MEMBER");
        asUser("bob")
                .body(phase("Grow", "2024-07", "2024-10"))
                .post(phases(slug))
                .then()
                .statusCode(201);
        anonymous().get(phases(slug)).then().body("name", equalTo(List.of("Launch", "Grow")));
    }

    @Test
    void shouldForbidObserversAndNonMembersToChangePhases() {
        String slug = createGroup("forbidden");
        long id = createPhase(slug, "Launch", "2024-05", "2024-06");
        addMember(slug, "olga", "OBSERVER");
        for (String caller : List.of("olga", "mallory")) {
            asUser(caller)
                    .body(phase("Sneaky", "2024-05", "2024-06"))
                    .when()
                    .post(phases(slug))
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            asUser(caller)
                    .body(phase("Sneaky", "2024-05", "2024-06", 0))
                    .put(phases(slug) + "/" + id)
                    .then()
                    .statusCode(403);
            asUser(caller).delete(phases(slug) + "/" + id).then().statusCode(403);
        }
        anonymous()
                .get(phases(slug))
                .then()
                .body("name", equalTo(List.of("Launch")))
                .body("version", equalTo(List.of(0)));
    }

    @Test
    void shouldHideMembersOnlyGroupPhasesFromOutsiders() {
        String slug = createGroup("private", "MEMBERS", "2024-05", "2024-06");
        long id = createPhase(slug, "Launch", "2024-05", "2024-06");
        addMember(slug, "olga", "OBSERVER");
        anonymous().get(phases(slug)).then().statusCode(404);
        asUser("mallory").get(phases(slug)).then().statusCode(404);
        asUser("mallory").get(phases(slug) + "/" + id).then().statusCode(404);
        asUser("mallory")
                .body(phase("Sneaky", "2024-05", "2024-06"))
                .post(phases(slug))
                .then()
                .statusCode(404);
        asUser("olga").get(phases(slug)).then().statusCode(200).body("name", equalTo(List.of("Launch")));
    }

    @Test
    void shouldNotReachAnotherGroupsPhaseThroughThisGroupsPath() {
        String groupA = createGroup("group-a");
        String groupB = createGroup("group-b");
        long inA = createPhase(groupA, "Launch", "2024-05", "2024-06");
        asAdmin().get(phases(groupB) + "/" + inA).then().statusCode(404);
        asAdmin()
                .body(phase("Hijacked", "2024-05", "2024-06", 0))
                .put(phases(groupB) + "/" + inA)
                .then()
                .statusCode(404);
        asAdmin().delete(phases(groupB) + "/" + inA).then().statusCode(404);
        anonymous()
                .get(phases(groupA) + "/" + inA)
                .then()
                .statusCode(200)
                .body("name", equalTo("Launch"))
                .body("focus", nullValue())
                .body("version", equalTo(0));
    }
}
