package org.milepost.calendar;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.milepost.testing.Api.addMember;
import static org.milepost.testing.Api.anonymous;
import static org.milepost.testing.Api.asAdmin;
import static org.milepost.testing.Api.asUser;
import static org.milepost.testing.Api.createGroup;
import static org.milepost.testing.Api.uniqueSlug;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milepost.testing.Tokens;

/** The iCalendar feeds: RFC 5545 validity, public access, and secret links for MEMBERS groups (ADR 0012). */
@QuarkusTest
class CalendarResourceTest {

    @Inject
    EntityManager em;

    private static String meetings(String slug) {
        return "/api/groups/" + slug + "/meetings";
    }

    private static long meeting(String slug, Map<String, Object> body) {
        return asAdmin()
                .body(body)
                .post(meetings(slug))
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private static Response ics(String path, String bearer) {
        var request = given().accept("text/calendar");
        if (bearer != null) {
            request.auth().oauth2(bearer);
        }
        return request.get(path);
    }

    /** The content lines of an iCalendar body, after checking CRLF line ends and 75-octet folding, unfolded. */
    static List<String> contentLines(String body) {
        assertTrue(body.endsWith("\r\n"), "ends with CRLF");
        String[] physical = body.substring(0, body.length() - 2).split("\r\n", -1);
        List<String> lines = new ArrayList<>();
        for (String line : physical) {
            assertFalse(line.contains("\n") || line.contains("\r"), "a bare line break: " + line);
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "longer than 75 octets: " + line);
            if (line.startsWith(" ")) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + line.substring(1));
            } else {
                lines.add(line);
            }
        }
        return lines;
    }

    /** The events of a calendar by UID, each as its properties (name with parameters → value). */
    static Map<String, Map<String, String>> events(List<String> lines) {
        assertEquals("BEGIN:VCALENDAR", lines.get(0));
        assertEquals("END:VCALENDAR", lines.get(lines.size() - 1));
        Map<String, Map<String, String>> events = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String line : lines) {
            if (line.equals("BEGIN:VEVENT")) {
                current = new LinkedHashMap<>();
            } else if (line.equals("END:VEVENT")) {
                events.put(current.get("UID"), current);
                current = null;
            } else if (current != null) {
                int colon = line.indexOf(':');
                assertTrue(colon > 0, "not a property: " + line);
                current.put(line.substring(0, colon), line.substring(colon + 1));
            }
        }
        return events;
    }

    /** Undoes TEXT escaping. */
    static String unescape(String value) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                sb.append(next == 'n' || next == 'N' ? '\n' : next);
            } else {
                assertFalse(c == ',' || c == ';', "unescaped " + c + " in " + value);
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Test
    void shouldPublishAValidCalendarOfDatedMeetingsToAnyone() {
        String slug = uniqueSlug("calendar");
        asAdmin()
                .body(Map.of(
                        "slug",
                        slug,
                        "name",
                        "Core Infra, Docs; Tools\\WG",
                        "visibility",
                        "PUBLIC",
                        "planStart",
                        "2024-05",
                        "planEnd",
                        "2024-10"))
                .post("/api/groups")
                .then()
                .statusCode(201);
        Map<String, Object> first = new HashMap<>();
        first.put("date", "2024-05-07");
        first.put("time", "15:00");
        first.put("timeZone", "UTC");
        first.put("location", "Room 1, Floor 2; East\\Wing");
        first.put(
                "objectives",
                List.of(
                        "Agree on Group Mission, goals; and the Kanban board",
                        "Initial discussion over milestones until Oct 3 (AMM) – with a long line that must be folded 😀"));
        first.put("outcome", "Mission decided\nBoard set up");
        long tentative = meeting(slug, first);
        long confirmed = meeting(
                slug,
                Map.of(
                        "date",
                        "2024-06-01",
                        "tentative",
                        false,
                        "joinUrl",
                        "https://meet.example.org/core-infra?room=a,b;c"));
        long berlin = meeting(slug, Map.of("date", "2024-05-21", "time", "15:00", "timeZone", "Europe/Berlin"));
        meeting(slug, Map.of("location", "Not dated yet"));

        Response response = ics("/api/groups/" + slug + "/meetings.ics", null);
        response.then().statusCode(200).header("Content-Type", equalTo("text/calendar; charset=utf-8"));
        List<String> lines = contentLines(response.asString());
        assertTrue(lines.contains("VERSION:2.0"));
        assertTrue(lines.contains("PRODID:" + CalendarService.PRODID));
        assertTrue(lines.contains("CALSCALE:GREGORIAN"));
        assertTrue(lines.contains("METHOD:PUBLISH"));
        assertTrue(lines.contains("X-WR-CALNAME:Core Infra\\, Docs\\; Tools\\\\WG"));

        Map<String, Map<String, String>> events = events(lines);
        assertEquals(
                List.of(
                        "meeting-" + tentative + "@milepost",
                        "meeting-" + berlin + "@milepost",
                        "meeting-" + confirmed + "@milepost"),
                List.copyOf(events.keySet()),
                "dated meetings only, by date");
        for (Map<String, String> event : events.values()) {
            assertTrue(event.get("DTSTAMP").matches("\\d{8}T\\d{6}Z"), event.toString());
            assertTrue(event.containsKey("SUMMARY") && event.containsKey("STATUS"), event.toString());
        }

        Map<String, String> one = events.get("meeting-" + tentative + "@milepost");
        assertEquals("20240507T150000Z", one.get("DTSTART"));
        assertEquals("PT1H", one.get("DURATION"));
        assertEquals("TENTATIVE", one.get("STATUS"));
        assertEquals("#1 Core Infra, Docs; Tools\\WG", unescape(one.get("SUMMARY")));
        assertEquals("Room 1, Floor 2; East\\Wing", unescape(one.get("LOCATION")));
        assertEquals("Room 1\\, Floor 2\\; East\\\\Wing", one.get("LOCATION"));
        assertEquals(
                "Objectives:\n- Agree on Group Mission, goals; and the Kanban board\n"
                        + "- Initial discussion over milestones until Oct 3 (AMM) – with a long line that must be folded 😀"
                        + "\n\nOutcome:\nMission decided\nBoard set up",
                unescape(one.get("DESCRIPTION")));

        Map<String, String> two = events.get("meeting-" + confirmed + "@milepost");
        assertEquals("20240601", two.get("DTSTART;VALUE=DATE"));
        assertFalse(two.containsKey("DURATION"), "a whole day needs no duration");
        assertEquals("CONFIRMED", two.get("STATUS"));
        assertEquals("https://meet.example.org/core-infra?room=a,b;c", two.get("URL"), "a URI is not TEXT-escaped");
        assertTrue(unescape(two.get("DESCRIPTION")).contains("Join: https://meet.example.org/core-infra?room=a,b;c"));

        assertEquals(
                "20240521T130000Z",
                events.get("meeting-" + berlin + "@milepost").get("DTSTART"),
                "15:00 in Berlin in May is 13:00 UTC");
    }

    @Test
    void shouldServeAnEmptyCalendarForAGroupWithoutDatedMeetings() {
        String slug = createGroup("calendar-empty");
        List<String> lines = contentLines(ics("/api/groups/" + slug + "/meetings.ics", null)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertEquals(Map.of(), events(lines));
        ics("/api/groups/no-such-group/meetings.ics", null)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldServeAMembersGroupOnlyThroughASecretLinkUntilItIsRevoked() {
        String slug = createGroup("calendar-private", "MEMBERS", "2024-05", "2024-10");
        meeting(slug, Map.of("date", "2024-05-07", "location", "Secret room"));
        addMember(slug, "ada", "OBSERVER");
        String feed = "/api/groups/" + slug + "/meetings.ics";

        ics(feed, null).then().statusCode(404).contentType("application/problem+json");
        ics(feed, Tokens.bearer("stranger")).then().statusCode(404);
        ics(feed, Tokens.bearer("ada")).then().statusCode(200);

        anonymous().post("/api/groups/" + slug + "/calendar-links").then().statusCode(404);
        asUser("stranger")
                .post("/api/groups/" + slug + "/calendar-links")
                .then()
                .statusCode(404);
        var created = asUser("ada")
                .post("/api/groups/" + slug + "/calendar-links")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/groups/" + slug + "/calendar-links/"))
                .extract()
                .jsonPath();
        String url = created.getString("url");
        String path = created.getString("path");
        long id = created.getLong("id");
        assertTrue(url.startsWith("http") && url.endsWith(path), url);
        assertTrue(path.matches("/api/calendar/[A-Za-z0-9_-]{43}\\.ics"), path);
        String token = path.substring("/api/calendar/".length(), path.length() - ".ics".length());

        String body = ics(URI.create(url).getPath(), null)
                .then()
                .statusCode(200)
                .header("Content-Type", equalTo("text/calendar; charset=utf-8"))
                .header("Cache-Control", equalTo("private, max-age=300"))
                .extract()
                .asString();
        assertTrue(
                unescape(events(contentLines(body)).values().iterator().next().get("LOCATION"))
                        .equals("Secret room"));

        Object stored = em.createNativeQuery("select token_hash from calendar_link where id = :id")
                .setParameter("id", id)
                .getSingleResult();
        assertEquals(CalendarService.hash(token), stored, "only the SHA-256 of the secret is stored");
        assertFalse(stored.toString().contains(token));

        asUser("ada")
                .get("/api/groups/" + slug + "/calendar-links")
                .then()
                .statusCode(200)
                .body("id", equalTo(List.of((int) id)))
                .body("[0].url", equalTo(null));
        anonymous().get("/api/groups/" + slug + "/calendar-links").then().statusCode(404);
        asAdmin().delete("/api/groups/" + slug + "/calendar-links/" + id).then().statusCode(404); // not the admin's

        asUser("ada")
                .delete("/api/groups/" + slug + "/calendar-links/" + id)
                .then()
                .statusCode(204);
        ics(path, null).then().statusCode(404).contentType("application/problem+json");
        asUser("ada")
                .get("/api/groups/" + slug + "/calendar-links")
                .then()
                .statusCode(200)
                .body("", hasSize(0));
        ics("/api/calendar/not-a-token.ics", null).then().statusCode(404);
    }

    @Test
    void shouldRevokeTheLinksOfSomeoneWhoLeavesTheGroup() {
        String slug = createGroup("calendar-leaver", "MEMBERS", "2024-05", "2024-10");
        addMember(slug, "leaver", "MEMBER");
        String path = asUser("leaver")
                .post("/api/groups/" + slug + "/calendar-links")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("path");
        ics(path, null).then().statusCode(200);
        long memberId = asAdmin()
                .get("/api/groups/" + slug + "/members")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("find { it.subject == 'leaver' }.id");
        asAdmin().delete("/api/groups/" + slug + "/members/" + memberId).then().statusCode(204);
        ics(path, null).then().statusCode(404);
    }

    @Test
    void shouldLetOnlySignedInMembersMakeLinks() {
        String slug = createGroup("calendar-who");
        anonymous()
                .post("/api/groups/" + slug + "/calendar-links")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        asUser("passer-by")
                .post("/api/groups/" + slug + "/calendar-links")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        asAdmin().post("/api/groups/" + slug + "/calendar-links").then().statusCode(201);
        anonymous().get("/api/groups/" + slug + "/calendar-links").then().statusCode(401);
        anonymous().delete("/api/groups/" + slug + "/calendar-links/1").then().statusCode(401);
    }
}
