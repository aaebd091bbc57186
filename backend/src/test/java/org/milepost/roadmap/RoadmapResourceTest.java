package org.milepost.roadmap;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.milepost.testing.Api.anonymous;
import static org.milepost.testing.Api.asAdmin;
import static org.milepost.testing.Api.createGroup;
import static org.milepost.testing.Api.uniqueSlug;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milepost.card.Positions;
import org.milepost.member.GroupRole;
import org.milepost.member.Member;
import org.milepost.testing.Tokens;
import org.milepost.workinggroup.WorkingGroupRepository;

@QuarkusTest
class RoadmapResourceTest {

    private static final String MARKDOWN = "text/markdown; charset=UTF-8";

    @Inject
    EntityManager em;

    @Inject
    WorkingGroupRepository groups;

    private static String seed(String name) {
        return new String(RoadmapMarkdownParserTest.seed(name), StandardCharsets.UTF_8);
    }

    private static RequestSpecification markdown(String token) {
        RequestSpecification spec = given().contentType(MARKDOWN).accept("application/json");
        return token == null ? spec : spec.auth().oauth2(token);
    }

    private static ValidatableResponse importGroup(String slug, String document) {
        return markdown(Tokens.adminBearer())
                .queryParam("slug", slug)
                .body(document.getBytes(StandardCharsets.UTF_8))
                .post("/api/imports")
                .then();
    }

    private static String export(String slug, String token) {
        RequestSpecification spec = given().accept("text/markdown");
        if (token != null) {
            spec = spec.auth().oauth2(token);
        }
        return spec.get("/api/groups/" + slug + "/export")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/markdown"))
                .extract()
                .asString();
    }

    private long groupCount() {
        return QuarkusTransaction.requiringNew().call(() -> groups.count());
    }

    private void addMember(String slug, String subject, GroupRole role) {
        QuarkusTransaction.requiringNew().run(() -> {
            Member m = new Member();
            m.groupId = groups.findBySlug(slug).orElseThrow().id;
            m.subject = subject;
            m.displayName = subject;
            m.role = role;
            m.createdAt = Instant.now();
            em.persist(m);
        });
    }

    private List<Long> positions(String slug, YearMonth month) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        """
                        select c.position from Card c join Milestone m on m.id = c.milestoneId
                        where c.groupId = :g and m.month = :month order by c.position""",
                        Long.class)
                .setParameter("g", groups.findBySlug(slug).orElseThrow().id)
                .setParameter("month", month.atDay(1))
                .getResultList());
    }

    @Test
    void shouldImportCardanoAsNewGroupWithEverythingInIt() {
        String slug = uniqueSlug("cardano");
        importGroup(slug, seed("cardano-working-group-milestones.md"))
                .statusCode(201)
                .header("Location", containsString("/api/groups/" + slug))
                .body("slug", equalTo(slug))
                .body("name", equalTo("Core Infrastructure Roadmap working group"))
                .body("planStart", equalTo("2024-05"))
                .body("planEnd", equalTo("2024-10"))
                .body("counts.cards", equalTo(33))
                .body("counts.months", equalTo(6))
                .body("counts.goals", equalTo(4))
                .body("counts.meetings", equalTo(8))
                .body("warnings.line", contains(17, 59, 63, 67));

        anonymous()
                .queryParam("month", "2024-06")
                .queryParam("size", 100)
                .get("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(200)
                .body("items", hasSize(14))
                .body("items[0].title", equalTo("Create Rough Map of Current State"))
                .body("items[0].createdBy", equalTo("admin"));
        List<Long> june = positions(slug, YearMonth.of(2024, 6));
        for (int i = 0; i < june.size(); i++) {
            assertEquals(i * Positions.GAP, june.get(i), "cards are GAP apart in document order");
        }
        anonymous()
                .get("/api/groups/" + slug)
                .then()
                .statusCode(200)
                .body("mission", startsWith("The Core Infrastructure Roadmap working group's mission is to foster"));
    }

    @Test
    void shouldExportDeterministicallyAndImportTheExportBackToTheSameRoadmap() {
        String slug = uniqueSlug("roundtrip");
        importGroup(slug, seed("drutopia-six-month-plan.txt")).statusCode(201);
        String first = export(slug, null);
        assertEquals(first, export(slug, null), "same data, same bytes");
        assertTrue(first.contains("slug: " + slug + "\n"));
        assertTrue(first.contains("### October 2018\n\nFocus\n: software\n"));

        // The export of an import equals the export of the parsed document: the database keeps everything.
        RoadmapDocument parsed =
                new RoadmapMarkdownParser().parse(RoadmapMarkdownParserTest.seed("drutopia-six-month-plan.txt"));
        String expected = new RoadmapMarkdownExporter()
                .export(parsed)
                .replace("slug: " + parsed.group().slug() + "\n", "slug: " + slug + "\n");
        assertEquals(expected, first);

        // Replacing the plan with its own export changes nothing.
        markdown(Tokens.adminBearer())
                .body(first.getBytes(StandardCharsets.UTF_8))
                .post("/api/groups/" + slug + "/import")
                .then()
                .statusCode(200)
                .body("counts.cards", equalTo(14))
                .body("warnings", empty());
        assertEquals(first, export(slug, null));

        // And a new group made from the export holds the same roadmap.
        String copy = uniqueSlug("copy");
        importGroup(copy, first)
                .statusCode(201)
                .body("name", equalTo("Drutopia Update: Month One of a New Six-month Plan"));
        assertEquals(first, export(copy, null).replace("slug: " + copy + "\n", "slug: " + slug + "\n"));
    }

    @Test
    void shouldPreviewWithoutWritingAnything() {
        long before = groupCount();
        markdown(Tokens.bearer("bob"))
                .body(seed("cardano-working-group-milestones.md").getBytes(StandardCharsets.UTF_8))
                .post("/api/imports/preview")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("group.name", equalTo("Core Infrastructure Roadmap working group"))
                .body("group.slug", equalTo("core-infrastructure-roadmap-working-group"))
                .body("counts.cards", equalTo(33))
                .body("counts.months", equalTo(6))
                .body("months.month", contains("2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024-10"))
                .body("months[0].cards", hasItem("Create Rough Draft of Comms Plan"))
                .body(
                        "goals.title",
                        contains("Vocabulary & Definitions", "Communication Plan", "The Process", "Vision"))
                .body("meetings.number", contains(1, 2, 3, 4, 5, 6, 7, 8))
                .body("meetings[0].date", equalTo("2024-04-22"))
                .body("warnings.line", contains(17, 59, 63, 67))
                .body("problems", empty());
        assertEquals(before, groupCount());
        anonymous()
                .get("/api/groups/core-infrastructure-roadmap-working-group")
                .then()
                .statusCode(404);

        markdown(Tokens.bearer("bob"))
                .body(seed("mozilla-contribution-lifecycle.txt").getBytes(StandardCharsets.UTF_8))
                .post("/api/imports/preview")
                .then()
                .statusCode(200)
                .body("group.planStart", equalTo(YearMonth.now().toString()))
                .body("counts.months", equalTo(6))
                .body("backlog", hasSize(11))
                .body("warnings[0].reason", containsString("names no months"));
        markdown(Tokens.bearer("bob"))
                .body("Just a sentence.".getBytes(StandardCharsets.UTF_8))
                .post("/api/imports/preview")
                .then()
                .statusCode(200)
                .body("problems.field", hasItem("document"));
    }

    @Test
    void shouldRefuseABadDocumentAndWriteNothing() {
        long before = groupCount();
        String slug = uniqueSlug("bad");
        String tooLong = "# Too long\n\n## May 2024\n- Start\n\n## June 2040\n- Finish\n";
        importGroup(slug, tooLong)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("plan"));
        String wideCell =
                "# Wide\n\n## Deliverables\n\n| Milestone | Responsible | Support | Deliverable |\n|---|---|---|---|\n"
                        + "| Do it | " + "x".repeat(300) + " | | |\n";
        importGroup(slug, wideCell)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("backlog[0].responsible"))
                .body("detail", containsString("at most 200 characters"));
        importGroup(slug, "Nothing here that looks like a plan.")
                .statusCode(400)
                .body("errors.field", hasItem("document"));
        markdown(Tokens.adminBearer())
                .queryParam("slug", slug)
                .body(new byte[0])
                .post("/api/imports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        anonymous().get("/api/groups/" + slug).then().statusCode(404);
        assertEquals(before, groupCount());

        // Into an existing group: a bad document leaves its plan as it was.
        String existing = createGroup("keep");
        asAdmin()
                .body(Map.of("title", "Keep me", "month", "2024-05"))
                .post("/api/groups/" + existing + "/cards")
                .then()
                .statusCode(201);
        markdown(Tokens.adminBearer())
                .body(wideCell.getBytes(StandardCharsets.UTF_8))
                .post("/api/groups/" + existing + "/import")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        anonymous()
                .queryParam("month", "2024-05")
                .get("/api/groups/" + existing + "/cards")
                .then()
                .body("items.title", contains("Keep me"));
    }

    @Test
    void shouldRefuseOversizedAndNonTextBodies() {
        byte[] big = new byte[RoadmapService.MAX_DOCUMENT_BYTES + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        markdown(Tokens.bearer("bob"))
                .body(big)
                .post("/api/imports/preview")
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.bearer("bob"))
                .contentType("application/json")
                .body("{}")
                .post("/api/imports/preview")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void shouldCheckSlugAndVisibility() {
        String slug = createGroup("taken");
        importGroup(slug, seed("community-roadmap-2021-phases.md"))
                .statusCode(409)
                .contentType("application/problem+json");
        importGroup("Not A Slug", seed("community-roadmap-2021-phases.md"))
                .statusCode(400)
                .body("errors.field", contains("slug"));
        markdown(Tokens.adminBearer())
                .queryParam("slug", uniqueSlug("vis"))
                .queryParam("visibility", "SECRET")
                .body(seed("community-roadmap-2021-phases.md").getBytes(StandardCharsets.UTF_8))
                .post("/api/imports")
                .then()
                .statusCode(400)
                .body("errors.field", contains("visibility"));

        String hidden = uniqueSlug("hidden");
        markdown(Tokens.adminBearer())
                .queryParam("slug", hidden)
                .queryParam("visibility", "MEMBERS")
                .queryParam("name", "Hidden phases")
                .body(seed("community-roadmap-2021-phases.md").getBytes(StandardCharsets.UTF_8))
                .post("/api/imports")
                .then()
                .statusCode(201)
                .body("name", equalTo("Hidden phases"));
        given().accept("text/markdown")
                .get("/api/groups/" + hidden + "/export")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        String md = export(hidden, Tokens.adminBearer());
        assertTrue(md.contains("### \uD83D\uDE80 Launch: March 2021 – June 2021\n"), md);
    }

    @Test
    void shouldRequireSignInAndTheRightRole() {
        byte[] doc = seed("cardano-working-group-milestones.md").getBytes(StandardCharsets.UTF_8);
        markdown(null)
                .body(doc)
                .post("/api/imports/preview")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        markdown(null)
                .queryParam("slug", uniqueSlug("anon"))
                .body(doc)
                .post("/api/imports")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        markdown(Tokens.bearer("bob"))
                .queryParam("slug", uniqueSlug("bob"))
                .body(doc)
                .post("/api/imports")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");

        String slug = createGroup("members");
        markdown(null)
                .body(doc)
                .post("/api/groups/" + slug + "/import")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        markdown(Tokens.bearer("mallory"))
                .body(doc)
                .post("/api/groups/" + slug + "/import")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        addMember(slug, "olivia", GroupRole.OBSERVER);
        markdown(Tokens.bearer("olivia"))
                .body(doc)
                .post("/api/groups/" + slug + "/import")
                .then()
                .statusCode(403);
        addMember(slug, "mia", GroupRole.MEMBER);
        markdown(Tokens.bearer("mia"))
                .body(doc)
                .post("/api/groups/" + slug + "/import")
                .then()
                .statusCode(200)
                .body("counts.cards", equalTo(33))
                .body("counts.meetings", equalTo(8));
        anonymous()
                .queryParam("month", "2024-05")
                .get("/api/groups/" + slug + "/cards")
                .then()
                .body("items", hasSize(6))
                .body("items[0].createdBy", equalTo("mia"));
    }

    @Test
    void shouldWidenThePlanOnlyForChairs() {
        String slug = createGroup("widen");
        addMember(slug, "mia", GroupRole.MEMBER);
        addMember(slug, "carl", GroupRole.CHAIR);
        String doc = "## April 2024\n- Early\n## November 2024\n- Late\n";
        markdown(Tokens.bearer("mia"))
                .body(doc.getBytes(StandardCharsets.UTF_8))
                .post("/api/groups/" + slug + "/import")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("2024-04 to 2024-11"));
        markdown(Tokens.bearer("carl"))
                .body(doc.getBytes(StandardCharsets.UTF_8))
                .post("/api/groups/" + slug + "/import")
                .then()
                .statusCode(200)
                .body("planStart", equalTo("2024-04"))
                .body("planEnd", equalTo("2024-11"))
                .body("counts.months", equalTo(8));
        anonymous().get("/api/groups/" + slug).then().body("planStart", equalTo("2024-04"));
        assertTrue(export(slug, null).contains("### November 2024\n\n- [ ] Late — Planned\n"));
    }

    @Test
    void shouldRecordWhatAnImportRemovedAndWroteInTheHistory() {
        String slug = uniqueSlug("import-history");
        String doc = "# Import history group\n\n## May 2024\n- Alpha\n- Beta\n## June 2024\n- Gamma\n";
        importGroup(slug, doc).statusCode(201);
        io.restassured.path.json.JsonPath created = anonymous()
                .queryParam("size", 200)
                .get("/api/groups/" + slug + "/activity")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> createdCards = created.getList("items.findAll { it.entityType == 'CARD' }.title");
        assertEquals(
                List.of("Alpha", "Beta", "Gamma"),
                createdCards.stream().sorted().toList());
        assertTrue(created.getList("items.findAll { it.entityType == 'GROUP' }.action")
                .contains("CREATED"));
        assertTrue(
                created.getList("items.findAll { it.entityType == 'MILESTONE' }.summary")
                        .isEmpty(),
                "months without text have nothing to record");

        // Replacing the plan: the old cards are recorded as deleted, the new ones as created, the month texts as
        // updated; the history of a new card starts with its import.
        String replacement = "## May 2024\n\nFocus\n: governance\n\n- Delta\n";
        markdown(Tokens.adminBearer())
                .body(replacement.getBytes(StandardCharsets.UTF_8))
                .post("/api/groups/" + slug + "/import")
                .then()
                .statusCode(200);
        io.restassured.path.json.JsonPath after = anonymous()
                .queryParam("size", 200)
                .get("/api/groups/" + slug + "/activity")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> deleted =
                after.getList("items.findAll { it.entityType == 'CARD' && it.action == 'DELETED' }.title");
        assertEquals(
                List.of("Alpha", "Beta", "Gamma"), deleted.stream().sorted().toList());
        assertEquals(
                List.of("Delta"),
                after.getList(
                        "items.findAll { it.entityType == 'CARD' && it.action == 'CREATED' && it.title == 'Delta' }.title"));
        assertTrue(after.getList("items.findAll { it.entityType == 'MILESTONE' }.summary").stream()
                .anyMatch(summary -> String.valueOf(summary).contains("governance")));
        long delta = anonymous()
                .queryParam("size", 10)
                .get("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("items[0].id");
        anonymous()
                .get("/api/groups/" + slug + "/cards/" + delta + "/history")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].action", equalTo("CREATED"))
                .body("items[0].summary", equalTo("created in May 2024 by a roadmap import"))
                .body("items[0].actor.subject", equalTo("admin"));
    }
}
