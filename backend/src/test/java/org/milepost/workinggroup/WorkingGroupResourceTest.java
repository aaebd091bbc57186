package org.milepost.workinggroup;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.milepost.testing.Api.anonymous;
import static org.milepost.testing.Api.asAdmin;
import static org.milepost.testing.Api.asUser;
import static org.milepost.testing.Api.createGroup;
import static org.milepost.testing.Api.uniqueSlug;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WorkingGroupResourceTest {

    private static Map<String, Object> update(String name, String start, String end, int version) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("mission", "New mission");
        body.put("visibility", "PUBLIC");
        body.put("planStart", start);
        body.put("planEnd", end);
        body.put("version", version);
        return body;
    }

    @Test
    void shouldCreateGroupWithMonthColumnsAndCreatorAsChair() {
        String slug = uniqueSlug("create");
        asAdmin()
                .body(Map.of(
                        "slug",
                        slug,
                        "name",
                        "Core Infrastructure Roadmap",
                        "mission",
                        "Foster a roadmap",
                        "planStart",
                        "2024-05",
                        "planEnd",
                        "2024-10"))
                .when()
                .post("/api/groups")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/groups/" + slug))
                .header("ETag", notNullValue())
                .body("slug", equalTo(slug))
                .body("visibility", equalTo("PUBLIC"))
                .body("planStart", equalTo("2024-05"))
                .body("myRole", equalTo("CHAIR"))
                .body("canEdit", equalTo(true));

        anonymous()
                .get("/api/groups/" + slug + "/milestones")
                .then()
                .statusCode(200)
                .body("month", contains("2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024-10"));
    }

    @Test
    void shouldRefuseInvalidGroupNamingTheJsonFields() {
        asAdmin()
                .body(Map.of("slug", "Not A Slug!", "name", "", "planStart", "2024-05", "planEnd", "2024-01"))
                .when()
                .post("/api/groups")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("status", equalTo(400))
                .body("errors.field", hasItem("slug"))
                .body("errors.field", hasItem("name"))
                .body("detail", not(containsString("arg0")));
    }

    @Test
    void shouldRefusePlanEndingBeforeItStarts() {
        asAdmin()
                .body(Map.of(
                        "slug", uniqueSlug("range"), "name", "Backwards", "planStart", "2024-05", "planEnd", "2024-01"))
                .when()
                .post("/api/groups")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("planEnd"));
    }

    @Test
    void shouldRefuseMalformedMonthNamingTheField() {
        asAdmin()
                .body(Map.of(
                        "slug",
                        uniqueSlug("month"),
                        "name",
                        "Bad month",
                        "planStart",
                        "May 2024",
                        "planEnd",
                        "2024-10"))
                .when()
                .post("/api/groups")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("planStart"));
    }

    @Test
    void shouldRefuseDuplicateSlug() {
        String slug = createGroup("dup");
        asAdmin()
                .body(Map.of("slug", slug, "name", "Again", "planStart", "2024-05", "planEnd", "2024-06"))
                .when()
                .post("/api/groups")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRefuseWrongContentType() {
        asAdmin()
                .contentType("text/plain")
                .body("slug=x")
                .when()
                .post("/api/groups")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRefuseMalformedJson() {
        asAdmin()
                .body("{\"slug\": ")
                .when()
                .post("/api/groups")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", not(containsString("com.fasterxml")));
    }

    @Test
    void shouldNotGetUnknownGroup() {
        anonymous()
                .get("/api/groups/no-such-group")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Not found"));
    }

    @Test
    void shouldListPublicGroupsToAnonymousButHideMembersOnlyGroups() {
        String open = createGroup("open");
        String closed = createGroup("closed", "MEMBERS", "2024-05", "2024-06");
        anonymous()
                .queryParam("size", 200)
                .queryParam("q", "open-")
                .get("/api/groups")
                .then()
                .statusCode(200)
                .body("items.slug", hasItem(open));
        anonymous()
                .queryParam("q", closed)
                .get("/api/groups")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        anonymous().get("/api/groups/" + closed).then().statusCode(404);
        asAdmin()
                .queryParam("q", closed)
                .get("/api/groups")
                .then()
                .statusCode(200)
                .body("items.slug", contains(closed));
    }

    @Test
    void shouldWidenPlanAddingMonths() {
        String slug = createGroup("widen");
        asAdmin()
                .body(update("Widened", "2024-04", "2024-12", 0))
                .put("/api/groups/" + slug)
                .then()
                .statusCode(200)
                .body("planStart", equalTo("2024-04"))
                .body("version", equalTo(1));
        anonymous()
                .get("/api/groups/" + slug + "/milestones")
                .then()
                .body("month", hasSize(9))
                .body("month[0]", equalTo("2024-04"));
    }

    @Test
    void shouldRefuseStaleGroupUpdateWithCurrentState() {
        String slug = createGroup("stale");
        asAdmin()
                .body(update("First", "2024-05", "2024-10", 0))
                .put("/api/groups/" + slug)
                .then()
                .statusCode(200);
        asAdmin()
                .body(update("Second", "2024-05", "2024-10", 0))
                .put("/api/groups/" + slug)
                .then()
                .statusCode(409)
                .body("type", equalTo("/problems/stale-version"))
                .body("current.name", equalTo("First"))
                .body("current.version", equalTo(1));
    }

    @Test
    void shouldAcceptIfMatchInsteadOfVersionField() {
        String slug = createGroup("ifmatch");
        Map<String, Object> body = update("Via header", "2024-05", "2024-10", 0);
        body.remove("version");
        asAdmin()
                .header("If-Match", "\"0\"")
                .body(body)
                .put("/api/groups/" + slug)
                .then()
                .statusCode(200);
        asAdmin().body(body).put("/api/groups/" + slug).then().statusCode(428).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseToDropMonthThatHoldsCardsUnlessAskedToMoveThemToBacklog() {
        String slug = createGroup("narrow");
        long card = asAdmin()
                .body(Map.of("title", "October task", "month", "2024-10"))
                .post("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");

        asAdmin()
                .body(update("Narrow", "2024-05", "2024-09", 0))
                .put("/api/groups/" + slug)
                .then()
                .statusCode(409)
                .body("detail", containsString("2024-10 (1 cards)"));
        anonymous().get("/api/groups/" + slug + "/milestones").then().body("month", hasSize(6));

        asAdmin()
                .queryParam("moveCardsToBacklog", true)
                .body(update("Narrow", "2024-05", "2024-09", 0))
                .put("/api/groups/" + slug)
                .then()
                .statusCode(200);
        anonymous()
                .get("/api/groups/" + slug + "/cards/" + card)
                .then()
                .statusCode(200)
                .body("month", nullValue());
        anonymous().get("/api/groups/" + slug + "/milestones").then().body("month", hasSize(5));
    }

    @Test
    void shouldRequireSignInToCreateAndAdminRole() {
        Map<String, Object> body =
                Map.of("slug", uniqueSlug("authz"), "name", "X", "planStart", "2024-05", "planEnd", "2024-06");
        anonymous()
                .body(body)
                .post("/api/groups")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .contentType("application/problem+json");
        asUser("bob").body(body).post("/api/groups").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void shouldDeleteGroup() {
        String slug = createGroup("delete");
        asUser("bob").delete("/api/groups/" + slug).then().statusCode(403);
        asAdmin().delete("/api/groups/" + slug).then().statusCode(204);
        anonymous().get("/api/groups/" + slug).then().statusCode(404);
    }
}
