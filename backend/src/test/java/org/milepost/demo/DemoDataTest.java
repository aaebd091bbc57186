package org.milepost.demo;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.milepost.testing.Api.anonymous;
import static org.milepost.testing.Api.asAdmin;
import static org.milepost.testing.Api.createGroup;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.milepost.goal.Goal;
import org.milepost.meeting.Meeting;
import org.milepost.member.GroupRole;
import org.milepost.member.Member;
import org.milepost.phase.Phase;
import org.milepost.workinggroup.Visibility;
import org.milepost.workinggroup.WorkingGroup;
import org.milepost.workinggroup.WorkingGroupRepository;

/**
 * The demo data's loading logic, called directly against the test database (the test profile keeps the start-up
 * loading off). The demo groups are deleted again at the end, so other tests never see them.
 */
@QuarkusTest
class DemoDataTest {

    @Inject
    DemoData demoData;

    @Inject
    WorkingGroupRepository groups;

    @Inject
    EntityManager em;

    @Test
    void shouldShipTheSeedDocumentsByteForByte() throws IOException {
        Path seeds = Path.of("..", "..", "shared", "seeds");
        if (!Files.isDirectory(seeds)) {
            return; // outside the workspace layout there is nothing to compare with
        }
        for (DemoData.Seed seed : DemoData.SEEDS) {
            String file = seed.resource().substring("demo/".length());
            assertArrayEquals(Files.readAllBytes(seeds.resolve(file)), DemoData.read(seed.resource()), file);
        }
    }

    @Test
    void shouldLoadNothingWhenTheDatabaseHasGroups() {
        createGroup("existing");
        assertEquals(List.of(), demoData.loadIfEmpty());
        assertTrue(QuarkusTransaction.requiringNew()
                .call(() -> groups.findBySlug("cardano-core-infra-roadmap").isEmpty()));
    }

    @Test
    void shouldLoadTheFourSeedsFaithfully() {
        List<String> slugs = demoData.load();
        try {
            assertEquals(
                    List.of(
                            "cardano-core-infra-roadmap",
                            "community-roadmap-2021",
                            "drutopia-six-month-plan",
                            "mozilla-contribution-growth"),
                    slugs);
            QuarkusTransaction.requiringNew().run(() -> {
                for (String slug : slugs) {
                    WorkingGroup g = groups.findBySlug(slug).orElseThrow();
                    assertEquals(Visibility.PUBLIC, g.visibility);
                    List<Member> chairs = em.createQuery("select m from Member m where m.groupId = :g", Member.class)
                            .setParameter("g", g.id)
                            .getResultList();
                    assertEquals(1, chairs.size());
                    assertEquals("alice", chairs.get(0).subject);
                    assertEquals(GroupRole.CHAIR, chairs.get(0).role);
                }
                WorkingGroup cardano =
                        groups.findBySlug("cardano-core-infra-roadmap").orElseThrow();
                assertEquals(YearMonth.of(2024, 5), YearMonth.from(cardano.planStart));
                assertEquals(YearMonth.of(2024, 10), YearMonth.from(cardano.planEnd));
                List<Meeting> meetings = em.createQuery(
                                "select m from Meeting m where m.groupId = :g order by m.number", Meeting.class)
                        .setParameter("g", cardano.id)
                        .getResultList();
                assertEquals(8, meetings.size());
                assertEquals(null, meetings.get(7).date);
                assertEquals("Virtual", meetings.get(0).location);
                assertEquals(4, meetings.get(0).objectives.size());

                WorkingGroup roadmap2021 =
                        groups.findBySlug("community-roadmap-2021").orElseThrow();
                List<Phase> phases = em.createQuery(
                                "select p from Phase p where p.groupId = :g order by p.startMonth", Phase.class)
                        .setParameter("g", roadmap2021.id)
                        .getResultList();
                assertEquals(
                        List.of("2021-03..2021-06", "2021-07..2021-12", "2021-12..2021-12"),
                        phases.stream()
                                .map(p -> YearMonth.from(p.startMonth) + ".." + YearMonth.from(p.endMonth))
                                .toList());
                assertTrue(phases.get(0).name.endsWith("Launch"));
                assertTrue(phases.get(0).activities.startsWith("- Encourage people to join communication channels"));

                WorkingGroup drutopia =
                        groups.findBySlug("drutopia-six-month-plan").orElseThrow();
                assertEquals(
                        java.util.Arrays.asList("software", "platform co-op", "software co-op", null, null, null),
                        em.createQuery(
                                        "select m.focus from Milestone m where m.groupId = :g order by m.month",
                                        String.class)
                                .setParameter("g", drutopia.id)
                                .getResultList());

                WorkingGroup mozilla =
                        groups.findBySlug("mozilla-contribution-growth").orElseThrow();
                assertEquals("Mozilla Contribute: learning and preparing for growth", mozilla.name);
                assertEquals(YearMonth.now(), YearMonth.from(mozilla.planStart), "no months in the page: six from now");
                Goal measure = em.createQuery("select g from Goal g where g.groupId = :g", Goal.class)
                        .setParameter("g", mozilla.id)
                        .getSingleResult();
                assertEquals("New contributors", measure.measureLabel);
                assertEquals(0, measure.measureTarget.compareTo(java.math.BigDecimal.valueOf(25)));
            });

            anonymous()
                    .queryParam("month", "2024-05")
                    .get("/api/groups/cardano-core-infra-roadmap/cards")
                    .then()
                    .statusCode(200)
                    .body("items", hasSize(6))
                    .body("items[0].createdBy", equalTo("alice"));
            anonymous()
                    .queryParam("month", "backlog")
                    .get("/api/groups/mozilla-contribution-growth/cards")
                    .then()
                    .statusCode(200)
                    .body("items", hasSize(11))
                    .body("items[0].responsible", equalTo("Activator"))
                    .body("items[0].support", equalTo("CBT liaison"))
                    .body("items[0].deliverable", equalTo("Documentation about gaps/inefficiencies"));
            anonymous()
                    .queryParam("month", "2018-11")
                    .get("/api/groups/drutopia-six-month-plan/cards")
                    .then()
                    .statusCode(200)
                    .body(
                            "items.title",
                            contains(
                                    "Re-engage with co-op development organizations",
                                    "Draft a financial plan",
                                    "Develop a comprehensive guide for co-op members",
                                    "Finalize details of how contractors and shops will interact with the platform on behalf of clients",
                                    "Brainstorm elements of a marketing campaign"));
            anonymous()
                    .get("/api/groups/drutopia-six-month-plan")
                    .then()
                    .body("planStart", equalTo("2018-10"))
                    .body("planEnd", equalTo("2019-03"));
        } finally {
            for (String slug : slugs) {
                asAdmin().delete("/api/groups/" + slug).then().statusCode(204);
            }
        }
    }
}
