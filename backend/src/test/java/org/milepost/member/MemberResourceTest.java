package org.milepost.member;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.milepost.testing.Api.addMember;
import static org.milepost.testing.Api.anonymous;
import static org.milepost.testing.Api.asAdmin;
import static org.milepost.testing.Api.asUser;
import static org.milepost.testing.Api.createGroup;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MemberResourceTest {

    private static String members(String slug) {
        return "/api/groups/" + slug + "/members";
    }

    private static long memberId(String slug, String subject) {
        return asAdmin()
                .get(members(slug))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("find { it.subject == '" + subject + "' }.id");
    }

    private static Map<String, Object> update(String displayName, String role, Integer version) {
        Map<String, Object> body = new HashMap<>();
        body.put("displayName", displayName);
        body.put("role", role);
        if (version != null) {
            body.put("version", version);
        }
        return body;
    }

    @Test
    void shouldAddMemberAndShowEmailOnlyToMembersAndAdmins() {
        String slug = createGroup("members");
        asAdmin()
                .body(Map.of(
                        "subject", "ada", "displayName", "Ada Lovelace", "email", "ada@example.org", "role", "MEMBER"))
                .when()
                .post(members(slug))
                .then()
                .statusCode(201)
                .header("Location", containsString(members(slug) + "/"))
                .header("ETag", equalTo("\"0\""))
                .body("subject", equalTo("ada"))
                .body("displayName", equalTo("Ada Lovelace"))
                .body("email", equalTo("ada@example.org"))
                .body("role", equalTo("MEMBER"))
                .body("version", equalTo(0));

        asUser("ada")
                .get(members(slug))
                .then()
                .statusCode(200)
                .body("subject", hasItems("admin", "ada"))
                .body("find { it.subject == 'ada' }.email", equalTo("ada@example.org"));
        asAdmin()
                .get(members(slug))
                .then()
                .statusCode(200)
                .body("find { it.subject == 'ada' }.email", equalTo("ada@example.org"));
        anonymous()
                .get(members(slug))
                .then()
                .statusCode(200)
                .body("subject", hasItem("ada"))
                .body("email", everyItem(nullValue()));
        asUser("mallory").get(members(slug)).then().statusCode(200).body("email", everyItem(nullValue()));
    }

    @Test
    void shouldListChairsFirst() {
        String slug = createGroup("order");
        addMember(slug, "olga", "OBSERVER");
        addMember(slug, "bob", "MEMBER");
        addMember(slug, "carol", "CHAIR");
        anonymous()
                .get(members(slug))
                .then()
                .statusCode(200)
                .body("role", equalTo(java.util.List.of("CHAIR", "CHAIR", "MEMBER", "OBSERVER")));
    }

    @Test
    void shouldRefuseInvalidMemberNamingTheJsonFields() {
        String slug = createGroup("invalid");
        Map<String, Object> body = new HashMap<>();
        body.put("subject", " ");
        body.put("displayName", "");
        body.put("email", "not-an-email");
        asAdmin()
                .body(body)
                .when()
                .post(members(slug))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("subject", "displayName", "email", "role"))
                .body("detail", not(containsString("arg0")));
        asAdmin()
                .body(Map.of("subject", "ada", "displayName", "Ada", "role", "PRESIDENT"))
                .when()
                .post(members(slug))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("role"));
        anonymous().get(members(slug)).then().body("subject", equalTo(java.util.List.of("admin")));
    }

    @Test
    void shouldRefuseDuplicateSubject() {
        String slug = createGroup("dup");
        addMember(slug, "bob", "MEMBER");
        asAdmin()
                .body(Map.of("subject", "bob", "displayName", "Bob again", "role", "CHAIR"))
                .when()
                .post(members(slug))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("already a member"));
        anonymous()
                .get(members(slug))
                .then()
                .body("findAll { it.subject == 'bob' }", hasSize(1))
                .body("find { it.subject == 'bob' }.role", equalTo("MEMBER"));
    }

    @Test
    void shouldChangeNameAndRole() {
        String slug = createGroup("promote");
        addMember(slug, "bob", "MEMBER");
        long bob = memberId(slug, "bob");
        asAdmin()
                .body(update("Bob Builder", "CHAIR", 0))
                .when()
                .put(members(slug) + "/" + bob)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("displayName", equalTo("Bob Builder"))
                .body("role", equalTo("CHAIR"))
                .body("version", equalTo(1));
        // Now a chair, bob may manage the group's members himself.
        asUser("bob")
                .body(Map.of("subject", "dave", "displayName", "Dave", "role", "OBSERVER"))
                .when()
                .post(members(slug))
                .then()
                .statusCode(201);
    }

    @Test
    void shouldAcceptIfMatchInsteadOfVersionField() {
        String slug = createGroup("ifmatch");
        addMember(slug, "bob", "MEMBER");
        long bob = memberId(slug, "bob");
        asAdmin()
                .header("If-Match", "\"0\"")
                .body(update("Bob", "OBSERVER", null))
                .when()
                .put(members(slug) + "/" + bob)
                .then()
                .statusCode(200)
                .body("role", equalTo("OBSERVER"));
    }

    @Test
    void shouldRefuseStaleMemberUpdateWithCurrentState() {
        String slug = createGroup("stale");
        addMember(slug, "bob", "MEMBER");
        long bob = memberId(slug, "bob");
        asAdmin()
                .body(update("Bob", "OBSERVER", 0))
                .put(members(slug) + "/" + bob)
                .then()
                .statusCode(200);
        asAdmin()
                .body(update("Bob", "CHAIR", 0))
                .when()
                .put(members(slug) + "/" + bob)
                .then()
                .statusCode(409)
                .body("type", equalTo("/problems/stale-version"))
                .body("current.role", equalTo("OBSERVER"))
                .body("current.version", equalTo(1));
        asAdmin().get(members(slug) + "/" + bob).then().body("role", equalTo("OBSERVER"));
    }

    @Test
    void shouldRequireVersionToUpdateMember() {
        String slug = createGroup("noversion");
        addMember(slug, "bob", "MEMBER");
        long bob = memberId(slug, "bob");
        asAdmin()
                .body(update("Bob", "CHAIR", null))
                .when()
                .put(members(slug) + "/" + bob)
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        asAdmin().get(members(slug) + "/" + bob).then().body("role", equalTo("MEMBER"));
    }

    @Test
    void shouldRefuseInvalidMemberUpdate() {
        String slug = createGroup("badupdate");
        addMember(slug, "bob", "MEMBER");
        long bob = memberId(slug, "bob");
        asAdmin()
                .body(Map.of("displayName", "", "version", 0))
                .when()
                .put(members(slug) + "/" + bob)
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("displayName", "role"));
        asAdmin()
                .body(Map.of("displayName", "Bob", "role", "MEMBER", "email", "x@example.org", "version", 0))
                .when()
                .put(members(slug) + "/" + bob)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("email"));
    }

    @Test
    void shouldNotDemoteTheLastChair() {
        String slug = createGroup("lastchair");
        long admin = memberId(slug, "admin");
        asAdmin()
                .body(update("Admin", "MEMBER", 0))
                .when()
                .put(members(slug) + "/" + admin)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/conflict"))
                .body("detail", containsString("last chair"));
        asAdmin()
                .get(members(slug) + "/" + admin)
                .then()
                .body("role", equalTo("CHAIR"))
                .body("version", equalTo(0));

        addMember(slug, "carol", "CHAIR");
        asAdmin()
                .body(update("Admin", "MEMBER", 0))
                .when()
                .put(members(slug) + "/" + admin)
                .then()
                .statusCode(200)
                .body("role", equalTo("MEMBER"));
    }

    @Test
    void shouldNotRemoveTheLastChair() {
        String slug = createGroup("lastchairdel");
        long admin = memberId(slug, "admin");
        asAdmin()
                .when()
                .delete(members(slug) + "/" + admin)
                .then()
                .statusCode(409)
                .body("detail", containsString("at least one chair"));
        asAdmin().get(members(slug) + "/" + admin).then().statusCode(200);

        addMember(slug, "carol", "CHAIR");
        asAdmin().when().delete(members(slug) + "/" + admin).then().statusCode(204);
        anonymous().get(members(slug)).then().body("subject", equalTo(java.util.List.of("carol")));
    }

    @Test
    void shouldRemoveMemberWhoThenLosesEditRights() {
        String slug = createGroup("remove");
        addMember(slug, "bob", "MEMBER");
        long bob = memberId(slug, "bob");
        asUser("bob")
                .body(Map.of("title", "Vision"))
                .post("/api/groups/" + slug + "/goals")
                .then()
                .statusCode(201);

        asAdmin().when().delete(members(slug) + "/" + bob).then().statusCode(204);

        asAdmin().get(members(slug) + "/" + bob).then().statusCode(404);
        asUser("bob")
                .body(Map.of("title", "Vision 2"))
                .post("/api/groups/" + slug + "/goals")
                .then()
                .statusCode(403);
    }

    @Test
    void shouldRefuseDeleteWithStaleIfMatch() {
        String slug = createGroup("delstale");
        addMember(slug, "bob", "MEMBER");
        long bob = memberId(slug, "bob");
        asAdmin()
                .body(update("Bob", "OBSERVER", 0))
                .put(members(slug) + "/" + bob)
                .then()
                .statusCode(200);
        asAdmin()
                .header("If-Match", "\"0\"")
                .when()
                .delete(members(slug) + "/" + bob)
                .then()
                .statusCode(409)
                .body("current.version", equalTo(1));
        asAdmin().get(members(slug) + "/" + bob).then().statusCode(200);
    }

    @Test
    void shouldNotGetUnknownMember() {
        String slug = createGroup("unknown");
        anonymous().get(members(slug) + "/999999999").then().statusCode(404).contentType("application/problem+json");
        asAdmin()
                .body(update("X", "MEMBER", 0))
                .put(members(slug) + "/999999999")
                .then()
                .statusCode(404);
        asAdmin().delete(members(slug) + "/999999999").then().statusCode(404);
        anonymous().get("/api/groups/no-such-group/members").then().statusCode(404);
    }

    @Test
    void shouldRequireSignInToChangeMembers() {
        String slug = createGroup("anon");
        long admin = memberId(slug, "admin");
        anonymous()
                .body(Map.of("subject", "eve", "displayName", "Eve", "role", "CHAIR"))
                .when()
                .post(members(slug))
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .contentType("application/problem+json");
        anonymous()
                .body(update("Eve", "OBSERVER", 0))
                .put(members(slug) + "/" + admin)
                .then()
                .statusCode(401);
        anonymous().delete(members(slug) + "/" + admin).then().statusCode(401);
        anonymous()
                .get(members(slug))
                .then()
                .body("subject", equalTo(java.util.List.of("admin")))
                .body("role", equalTo(java.util.List.of("CHAIR")));
    }

    @Test
    void shouldAllowOnlyChairsToChangeMembers() {
        String slug = createGroup("forbidden");
        addMember(slug, "bob", "MEMBER");
        addMember(slug, "olga", "OBSERVER");
        long olga = memberId(slug, "olga");
        for (String caller : new String[] {"bob", "olga", "mallory"}) {
            asUser(caller)
                    .body(Map.of("subject", "eve", "displayName", "Eve", "role", "CHAIR"))
                    .when()
                    .post(members(slug))
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            asUser(caller)
                    .body(update("Olga", "CHAIR", 0))
                    .put(members(slug) + "/" + olga)
                    .then()
                    .statusCode(403);
            asUser(caller).delete(members(slug) + "/" + olga).then().statusCode(403);
        }
        asAdmin()
                .get(members(slug))
                .then()
                .body("subject", not(hasItem("eve")))
                .body("find { it.subject == 'olga' }.role", equalTo("OBSERVER"))
                .body("find { it.subject == 'olga' }.version", equalTo(0));
    }

    @Test
    void shouldHideMembersOnlyGroupFromOutsiders() {
        String slug = createGroup("private", "MEMBERS", "2024-05", "2024-06");
        addMember(slug, "bob", "OBSERVER");
        anonymous().get(members(slug)).then().statusCode(404);
        asUser("mallory").get(members(slug)).then().statusCode(404);
        asUser("mallory")
                .body(Map.of("subject", "mallory", "displayName", "M", "role", "CHAIR"))
                .post(members(slug))
                .then()
                .statusCode(404);
        asUser("bob").get(members(slug)).then().statusCode(200).body("subject", hasItems("admin", "bob"));
    }

    @Test
    void shouldNotReachAnotherGroupsMemberThroughThisGroupsPath() {
        String groupA = createGroup("group-a");
        String groupB = createGroup("group-b");
        addMember(groupA, "bob", "MEMBER");
        long bobInA = memberId(groupA, "bob");
        asAdmin().get(members(groupB) + "/" + bobInA).then().statusCode(404);
        asAdmin()
                .body(update("Hijacked", "CHAIR", 0))
                .put(members(groupB) + "/" + bobInA)
                .then()
                .statusCode(404);
        asAdmin().delete(members(groupB) + "/" + bobInA).then().statusCode(404);
        asAdmin()
                .get(members(groupA) + "/" + bobInA)
                .then()
                .statusCode(200)
                .body("displayName", equalTo("bob"))
                .body("role", equalTo("MEMBER"))
                .body("version", equalTo(0));
    }
}
