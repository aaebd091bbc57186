package org.milepost.auth;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.milepost.testing.Api.anonymous;
import static org.milepost.testing.Api.as;
import static org.milepost.testing.Api.asUser;
import static org.milepost.testing.Api.createGroup;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.milepost.member.GroupRole;
import org.milepost.member.Member;
import org.milepost.member.MemberRepository;
import org.milepost.testing.BrowserSession;
import org.milepost.testing.Tokens;
import org.milepost.workinggroup.WorkingGroupRepository;

@QuarkusTest
class MeResourceTest {

    @Inject
    MemberRepository members;

    @Inject
    WorkingGroupRepository groups;

    private void join(String slug, String subject, GroupRole role) {
        QuarkusTransaction.requiringNew().run(() -> {
            Member member = new Member();
            member.groupId = groups.findBySlug(slug).orElseThrow().id;
            member.subject = subject;
            member.displayName = subject;
            member.role = role;
            member.createdAt = Instant.now();
            members.persist(member);
        });
    }

    @Test
    void shouldSayOnlyNotSignedInToAnonymousVisitors() {
        anonymous()
                .get("/api/me")
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("$", aMapWithSize(1))
                .body("authenticated", equalTo(false));
    }

    @Test
    void shouldDescribeASignedInPersonWithTheirMemberships() {
        String chaired = createGroup("me-chair");
        String observed = createGroup("me-observe", "MEMBERS", "2024-05", "2024-06");
        createGroup("me-other");
        join(chaired, "maria", GroupRole.CHAIR);
        join(observed, "maria", GroupRole.OBSERVER);

        asUser("maria")
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("authenticated", equalTo(true))
                .body("subject", equalTo("maria"))
                .body("name", equalTo("Maria"))
                .body("email", equalTo("maria@example.org"))
                .body("roles", contains("user"))
                .body("memberships.slug", containsInAnyOrder(chaired, observed))
                .body("memberships.find { it.slug == '" + chaired + "' }.role", equalTo("CHAIR"))
                .body("memberships.find { it.slug == '" + observed + "' }.role", equalTo("OBSERVER"))
                .body("memberships.find { it.slug == '" + chaired + "' }.name", equalTo("Group " + chaired));
    }

    @Test
    void shouldListNoMembershipsForSomeoneInNoGroup() {
        asUser("nobody-in-particular")
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("authenticated", equalTo(true))
                .body("memberships", empty());
    }

    @Test
    void shouldShowTheAdminRole() {
        as(Tokens.admin("me-admin").sign())
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("roles", containsInAnyOrder("admin", "user"));
    }

    @Test
    void shouldCountProviderGroupsAsMembershipsButNotAsRoles() {
        String slug = createGroup("me-mapped");
        String token = Tokens.user("pablo")
                .claim(
                        "groups",
                        List.of(
                                "user",
                                "/working-groups/" + slug + "/members",
                                "/working-groups/no-such/chairs",
                                "/somewhere-else/" + slug + "/chairs"))
                .sign();

        as(token)
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("roles", contains("user"))
                .body("memberships.slug", contains(slug))
                .body("memberships[0].role", equalTo("MEMBER"));
    }

    @Test
    void shouldTakeTheStrongerOfStoredAndMappedRoles() {
        String slug = createGroup("me-both");
        join(slug, "quinn", GroupRole.OBSERVER);
        String token = Tokens.user("quinn")
                .claim("groups", List.of("user", "/working-groups/" + slug + "/chairs"))
                .sign();

        as(token)
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("memberships.slug", contains(slug))
                .body("memberships[0].role", equalTo("CHAIR"));
    }

    @Test
    void shouldDescribeThePersonSignedInWithTheSessionCookie() {
        String slug = createGroup("me-session");
        join(slug, "rosa", GroupRole.MEMBER);

        BrowserSession.signIn("rosa")
                .request()
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("authenticated", equalTo(true))
                .body("subject", equalTo("rosa"))
                .body("roles", not(hasItem("admin")))
                .body("memberships.slug", contains(slug))
                .body("memberships[0].role", equalTo("MEMBER"));
    }
}
