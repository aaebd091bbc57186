package org.milepost.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.milepost.testing.Api.addMember;
import static org.milepost.testing.Api.asAdmin;
import static org.milepost.testing.Api.uniqueSlug;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.milepost.testing.BrowserSession;
import org.milepost.testing.Tokens;

/**
 * Who may change what (ADR 0005), for every write endpoint: each caller against group A (MEMBERS-only, where the
 * observer, members and chair belong) and group B (PUBLIC, where none of them belongs). Each case gets fresh groups
 * and a fresh target, checks the status, and checks the database: unchanged, row for row, when the call was refused;
 * changed when it was allowed.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    enum Need {
        /** Members and chairs: cards, goals, milestones, phases, meetings. */
        EDIT,
        /** Chairs: the group's settings and members. */
        MANAGE,
        /** Instance administrators: creating and deleting groups. */
        ADMIN
    }

    enum Actor {
        ANONYMOUS,
        NON_MEMBER,
        OBSERVER_OF_A,
        MEMBER_OF_A,
        MEMBER_OF_A_BY_PROVIDER_GROUP,
        MEMBER_OF_A_WITH_SESSION,
        CHAIR_OF_A,
        ADMIN;

        String subject() {
            return "matrix-" + name().toLowerCase().replace('_', '-');
        }

        /** The role this caller holds in group A (nobody but the admin has one in B). */
        String roleInA() {
            return switch (this) {
                case OBSERVER_OF_A -> "OBSERVER";
                case MEMBER_OF_A, MEMBER_OF_A_BY_PROVIDER_GROUP, MEMBER_OF_A_WITH_SESSION -> "MEMBER";
                case CHAIR_OF_A -> "CHAIR";
                default -> null;
            };
        }
    }

    /** One request: where, what, and the version header if any. */
    record Call(String method, String path, Object body, String ifMatch) {}

    /** A write endpoint; {@code prepare} makes what it acts on in the group (as the admin) and returns the call. */
    record Endpoint(String name, Need need, int success, Function<String, Call> prepare) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String MONTH = "2024-05";
    private static BrowserSession session;

    @Inject
    DataSource dataSource;

    // ---------------------------------------------------------------------------------------------------------
    // Fixtures, made through the API as the admin

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static Response created(String path, Object body) {
        Response response = asAdmin().body(body).post(path);
        assertEquals(201, response.statusCode(), path + ": " + response.asString());
        return response;
    }

    private static Response card(String slug, String title) {
        return created("/api/groups/" + slug + "/cards", map("title", title, "month", MONTH));
    }

    private static Response goal(String slug) {
        return created("/api/groups/" + slug + "/goals", map("title", "Goal"));
    }

    private static Response phase(String slug) {
        return created(
                "/api/groups/" + slug + "/phases",
                map("name", "Launch", "startMonth", "2024-05", "endMonth", "2024-06"));
    }

    private static Response meeting(String slug) {
        return created("/api/groups/" + slug + "/meetings", map("location", "Virtual", "objectives", List.of("Agree")));
    }

    private static Response member(String slug) {
        return created(
                "/api/groups/" + slug + "/members",
                map("subject", "matrix-target-" + uniqueSlug("m"), "displayName", "Target", "role", "MEMBER"));
    }

    private static String version(Response response) {
        return String.valueOf(response.jsonPath().getInt("version"));
    }

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("PUT group", Need.MANAGE, 200, slug -> {
                    Response group = asAdmin().get("/api/groups/" + slug);
                    return new Call(
                            "PUT",
                            "/api/groups/" + slug,
                            map(
                                    "name",
                                    "Renamed",
                                    "mission",
                                    "Changed",
                                    "visibility",
                                    group.path("visibility"),
                                    "planStart",
                                    group.path("planStart"),
                                    "planEnd",
                                    group.path("planEnd"),
                                    "version",
                                    group.path("version")),
                            null);
                }),
                new Endpoint(
                        "DELETE group", Need.ADMIN, 204, slug -> new Call("DELETE", "/api/groups/" + slug, null, null)),
                new Endpoint(
                        "POST card",
                        Need.EDIT,
                        201,
                        slug -> new Call(
                                "POST", "/api/groups/" + slug + "/cards", map("title", "New", "month", MONTH), null)),
                new Endpoint(
                        "POST cards/batch",
                        Need.EDIT,
                        201,
                        slug -> new Call(
                                "POST",
                                "/api/groups/" + slug + "/cards/batch",
                                map("cards", List.of(map("title", "One"))),
                                null)),
                new Endpoint("PUT card", Need.EDIT, 200, slug -> {
                    Response card = card(slug, "Card");
                    return new Call(
                            "PUT",
                            "/api/groups/" + slug + "/cards/" + card.path("id"),
                            map("title", "Edited", "status", "DONE", "version", card.path("version")),
                            null);
                }),
                new Endpoint("DELETE card", Need.EDIT, 204, slug -> {
                    Response card = card(slug, "Card");
                    return new Call("DELETE", "/api/groups/" + slug + "/cards/" + card.path("id"), null, version(card));
                }),
                new Endpoint("POST card move", Need.EDIT, 200, slug -> {
                    Response other = card(slug, "Other");
                    Response card = card(slug, "Card");
                    return new Call(
                            "POST",
                            "/api/groups/" + slug + "/cards/" + card.path("id") + "/move",
                            map("month", MONTH, "beforeCardId", other.path("id"), "version", card.path("version")),
                            null);
                }),
                new Endpoint(
                        "POST goal",
                        Need.EDIT,
                        201,
                        slug -> new Call("POST", "/api/groups/" + slug + "/goals", map("title", "New goal"), null)),
                new Endpoint("PUT goal", Need.EDIT, 200, slug -> {
                    Response goal = goal(slug);
                    return new Call(
                            "PUT",
                            "/api/groups/" + slug + "/goals/" + goal.path("id"),
                            map("title", "Edited", "version", goal.path("version")),
                            null);
                }),
                new Endpoint("DELETE goal", Need.EDIT, 204, slug -> {
                    Response goal = goal(slug);
                    return new Call("DELETE", "/api/groups/" + slug + "/goals/" + goal.path("id"), null, version(goal));
                }),
                new Endpoint("PUT milestone", Need.EDIT, 200, slug -> {
                    Response milestone = asAdmin().get("/api/groups/" + slug + "/milestones/" + MONTH);
                    return new Call(
                            "PUT",
                            "/api/groups/" + slug + "/milestones/" + MONTH,
                            map("title", "Beta", "focus", "Ship", "version", milestone.path("version")),
                            null);
                }),
                new Endpoint(
                        "POST phase",
                        Need.EDIT,
                        201,
                        slug -> new Call(
                                "POST",
                                "/api/groups/" + slug + "/phases",
                                map("name", "Grow", "startMonth", "2024-05", "endMonth", "2024-06"),
                                null)),
                new Endpoint("PUT phase", Need.EDIT, 200, slug -> {
                    Response phase = phase(slug);
                    return new Call(
                            "PUT",
                            "/api/groups/" + slug + "/phases/" + phase.path("id"),
                            map(
                                    "name",
                                    "Review",
                                    "startMonth",
                                    "2024-06",
                                    "endMonth",
                                    "2024-06",
                                    "version",
                                    phase.path("version")),
                            null);
                }),
                new Endpoint("DELETE phase", Need.EDIT, 204, slug -> {
                    Response phase = phase(slug);
                    return new Call(
                            "DELETE", "/api/groups/" + slug + "/phases/" + phase.path("id"), null, version(phase));
                }),
                new Endpoint(
                        "POST meeting",
                        Need.EDIT,
                        201,
                        slug -> new Call(
                                "POST",
                                "/api/groups/" + slug + "/meetings",
                                map("location", "Room 1", "objectives", List.of("Plan")),
                                null)),
                new Endpoint("PUT meeting", Need.EDIT, 200, slug -> {
                    Response meeting = meeting(slug);
                    return new Call(
                            "PUT",
                            "/api/groups/" + slug + "/meetings/" + meeting.path("id"),
                            map("location", "Room 2", "version", meeting.path("version")),
                            null);
                }),
                new Endpoint("DELETE meeting", Need.EDIT, 204, slug -> {
                    Response meeting = meeting(slug);
                    return new Call(
                            "DELETE",
                            "/api/groups/" + slug + "/meetings/" + meeting.path("id"),
                            null,
                            version(meeting));
                }),
                new Endpoint(
                        "POST member",
                        Need.MANAGE,
                        201,
                        slug -> new Call(
                                "POST",
                                "/api/groups/" + slug + "/members",
                                map(
                                        "subject",
                                        "matrix-new-" + uniqueSlug("n"),
                                        "displayName",
                                        "New",
                                        "role",
                                        "OBSERVER"),
                                null)),
                new Endpoint("PUT member", Need.MANAGE, 200, slug -> {
                    Response member = member(slug);
                    return new Call(
                            "PUT",
                            "/api/groups/" + slug + "/members/" + member.path("id"),
                            map("displayName", "Renamed", "role", "CHAIR", "version", member.path("version")),
                            null);
                }),
                new Endpoint("DELETE member", Need.MANAGE, 204, slug -> {
                    Response member = member(slug);
                    return new Call(
                            "DELETE", "/api/groups/" + slug + "/members/" + member.path("id"), null, version(member));
                }));
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Actor actor : Actor.values()) {
            for (Endpoint endpoint : endpoints()) {
                cases.add(Arguments.of(actor, endpoint, true));
                cases.add(Arguments.of(actor, endpoint, false));
            }
        }
        return cases.stream();
    }

    /** What the rules of ADR 0005 say the caller gets. */
    static int expected(Actor actor, Endpoint endpoint, boolean groupA) {
        if (actor == Actor.ADMIN) {
            return endpoint.success();
        }
        String role = groupA ? actor.roleInA() : null;
        boolean canRead = !groupA || role != null; // A is MEMBERS-only: 404 for everyone outside it
        if (!canRead) {
            return 404;
        }
        if (actor == Actor.ANONYMOUS) {
            return 401;
        }
        boolean allowed =
                switch (endpoint.need()) {
                    case EDIT -> "MEMBER".equals(role) || "CHAIR".equals(role);
                    case MANAGE -> "CHAIR".equals(role);
                    case ADMIN -> false;
                };
        return allowed ? endpoint.success() : 403;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Callers

    private static synchronized BrowserSession session() {
        if (session == null) {
            session = BrowserSession.signIn(Actor.MEMBER_OF_A_WITH_SESSION.subject(), "user", 3600, "/");
        }
        return session;
    }

    private static RequestSpecification as(Actor actor, String groupA) {
        RequestSpecification plain =
                given().redirects().follow(false).contentType(ContentType.JSON).accept(ContentType.JSON);
        return switch (actor) {
            case ANONYMOUS -> plain;
            case ADMIN -> plain.auth().oauth2(Tokens.admin("matrix-admin").sign());
            case MEMBER_OF_A_BY_PROVIDER_GROUP ->
                plain.auth()
                        .oauth2(Tokens.user(actor.subject())
                                .claim("groups", List.of("user", "/working-groups/" + groupA + "/members"))
                                .sign());
            case MEMBER_OF_A_WITH_SESSION -> session().app();
            default -> plain.auth().oauth2(Tokens.user(actor.subject()).sign());
        };
    }

    private static Response send(RequestSpecification request, Call call) {
        if (call.body() != null) {
            request = request.body(call.body());
        }
        if (call.ifMatch() != null) {
            request = request.header("If-Match", "\"" + call.ifMatch() + "\"");
        }
        return request.request(call.method(), call.path());
    }

    // ---------------------------------------------------------------------------------------------------------
    // The database, read back

    /** Every row of the group and everything in it, as text, hashed: equal before and after means nothing changed. */
    private String snapshot(String slug) {
        String sql =
                """
                with g as (select id from working_group where slug = ?)
                select md5(concat_ws('#',
                  (select string_agg(t::text, '|' order by t.id) from working_group t where t.id in (select id from g)),
                  (select string_agg(t::text, '|' order by t.id) from member t where t.group_id in (select id from g)),
                  (select string_agg(t::text, '|' order by t.id) from goal t where t.group_id in (select id from g)),
                  (select string_agg(t::text, '|' order by t.id) from milestone t where t.group_id in (select id from g)),
                  (select string_agg(t::text, '|' order by t.id) from phase t where t.group_id in (select id from g)),
                  (select string_agg(t::text, '|' order by t.id) from card t where t.group_id in (select id from g)),
                  (select string_agg(t::text, '|' order by t.id) from meeting t where t.group_id in (select id from g)),
                  (select string_agg(t::text, '|' order by t.meeting_id, t.card_id) from meeting_card t
                     where t.meeting_id in (select m.id from meeting m where m.group_id in (select id from g)))))
                """;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, slug);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long groupCount() {
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.createStatement().executeQuery("select count(*) from working_group")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Group A: MEMBERS-only, with the observer, member and chair (the admin made it, so is a chair too). */
    private static String groupA() {
        String slug = uniqueSlug("matrix-a");
        created(
                "/api/groups",
                map(
                        "slug",
                        slug,
                        "name",
                        "Group A " + slug,
                        "visibility",
                        "MEMBERS",
                        "planStart",
                        "2024-05",
                        "planEnd",
                        "2024-06"));
        addMember(slug, Actor.OBSERVER_OF_A.subject(), "OBSERVER");
        addMember(slug, Actor.MEMBER_OF_A.subject(), "MEMBER");
        addMember(slug, Actor.MEMBER_OF_A_WITH_SESSION.subject(), "MEMBER");
        addMember(slug, Actor.CHAIR_OF_A.subject(), "CHAIR");
        return slug;
    }

    /** Group B: PUBLIC, none of the callers but the admin belongs to it. */
    private static String groupB() {
        String slug = uniqueSlug("matrix-b");
        created(
                "/api/groups",
                map(
                        "slug",
                        slug,
                        "name",
                        "Group B " + slug,
                        "visibility",
                        "PUBLIC",
                        "planStart",
                        "2024-05",
                        "planEnd",
                        "2024-06"));
        return slug;
    }

    @ParameterizedTest(name = "{0} {1} in group {2}")
    @MethodSource("cases")
    void shouldAllowOnlyWhatTheRulesAllowAndChangeNothingWhenRefused(Actor actor, Endpoint endpoint, boolean inA) {
        String a = groupA();
        String b = groupB();
        String target = inA ? a : b;
        Call call = endpoint.prepare().apply(target);
        String beforeA = snapshot(a);
        String beforeB = snapshot(b);
        long groupsBefore = groupCount();

        Response response = send(as(actor, a), call);

        int expected = expected(actor, endpoint, inA);
        String what = actor + " " + endpoint + " in " + (inA ? "A" : "B");
        assertEquals(expected, response.statusCode(), what + ": " + response.asString());
        if (expected >= 400) {
            assertTrue(
                    response.contentType().startsWith("application/problem+json"),
                    what + ": " + response.contentType());
            assertEquals(beforeA, snapshot(a), what + " changed group A");
            assertEquals(beforeB, snapshot(b), what + " changed group B");
            assertEquals(groupsBefore, groupCount(), what + " changed the groups");
            if (expected == 401) {
                assertTrue(response.header("WWW-Authenticate") != null, what + ": WWW-Authenticate");
            }
        } else {
            assertNotEquals(inA ? beforeA : beforeB, snapshot(target), what + " was allowed but changed nothing");
            assertEquals(inA ? beforeB : beforeA, snapshot(inA ? b : a), what + " changed the other group");
        }
    }

    static Stream<Actor> actors() {
        return Stream.of(Actor.values());
    }

    @ParameterizedTest(name = "{0} creates a group")
    @MethodSource("actors")
    void shouldLetOnlyAdminsCreateGroups(Actor actor) {
        String slug = uniqueSlug("matrix-new");
        String a = groupA();
        long before = groupCount();

        Response response = send(
                as(actor, a),
                new Call(
                        "POST",
                        "/api/groups",
                        map(
                                "slug",
                                slug,
                                "name",
                                "New",
                                "visibility",
                                "PUBLIC",
                                "planStart",
                                "2024-05",
                                "planEnd",
                                "2024-06"),
                        null));

        int expected =
                switch (actor) {
                    case ADMIN -> 201;
                    case ANONYMOUS -> 401;
                    default -> 403;
                };
        assertEquals(expected, response.statusCode(), actor + ": " + response.asString());
        assertEquals(expected == 201 ? before + 1 : before, groupCount());
        asAdmin().get("/api/groups/" + slug).then().statusCode(expected == 201 ? 200 : 404);
    }
}
