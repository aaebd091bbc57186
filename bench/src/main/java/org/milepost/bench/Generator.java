package org.milepost.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Makes realistic working groups through the public API, shaped like the seed documents (shared/seeds): a
 * May–October plan with a focus per month, four goals with measures of success, two phases, weekly meetings with
 * objectives, members, and cards with responsible, support, deliverable, status and goal, spread over the months
 * and the backlog. Cards are created with the batch endpoint. Endpoints not merged yet (404/405) are skipped and
 * reported as missing, so the suite runs against whatever the backend offers.
 */
final class Generator {

    static final String PLAN_START = "2024-05";
    static final String PLAN_END = "2024-10";
    static final List<String> MONTHS = List.of("2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024-10");

    static final String[] TITLES = {
        "Create Rough Draft of Comms Plan",
        "Communicate our mission and goals for community review",
        "Submit Vocab to community for review",
        "Work with Current Projects on Comms plan",
        "Have all core infra TWGs set up at Intersect",
        "Timebound feedback from Community",
        "Create Rough Map of Current State",
        "Initiate triage of Cardano Continuity list",
        "Publish a first roadmap process",
        "Get buy-in from Current projects on Communications Plan",
        "Ecosystem Wide Communication Plan",
        "Ask core infra TWGs to produce their respective backlogs",
        "Socialize Comms Plan at Intersect",
        "Roadmap Tiers defined and refined",
        "Ask Research Labs to present their research agenda",
        "Publish Current State Maps for community feedback",
        "Incorporate Feedback",
        "Create Rough Journey Map of Possible Future State",
        "Publish a first roadmap proposal",
        "Publish as Living Doc (Git for versioning and suggestions)",
        "Socialize Journey Map to Community",
        "Checkpoint: correct TWGs are set up and ranked",
        "Walkthru: how CIP, CPS, SIG items appear on the backlog",
        "Publish 'cheat sheets' on how a SIG is set up",
        "Journey Map slicing approach",
        "Name CIP Reviewer",
        "CIP Reviewer evaluates existing CIPs",
        "Annual Members Meeting (AMM)",
        "Identify gaps and inefficiencies in the pathway",
        "Optimize Contribution pathway",
        "Create or connect to systems that measure progress in pathways",
        "Define and track Casual/Active/Core conversion points",
        "Document Community Practices",
        "Develop Core Community (mentorship/recognition)",
        "Identify Community “Librarian” or Record Keeper",
        "Get out a first beta release",
        "Work through the list of beta blockers",
        "Draft a financial plan",
        "Develop a comprehensive guide for co-op members",
        "Re-engage with co-op development organizations",
        "Brainstorm elements of a marketing campaign",
        "Migration testing",
        "Documentation for themers",
        "Start in on Behat tests",
    };
    static final String[] DESCRIPTIONS = {
        "First draft for **community review**. Collect comments in the shared doc and bring the open questions to "
                + "the next meeting.",
        "Clients at this stage have connected with some volunteers and are interested in learning how to build on "
                + "what is working and lay the groundwork for scaling.\n\n- list the gaps\n- propose owners\n- review "
                + "in two weeks",
        "Needs to start delegating work to community members and other team resources to accomplish milestones. "
                + "See the [pathway notes](https://wiki.example.org/pathway) for context.",
        "Progress that would help us see the way forward to even larger goals: focus on what could likely be "
                + "achieved in that time frame, then break it down into tasks.",
        "",
        "",
    };
    static final String[] RESPONSIBLE = {
        "Activator", "Chair", "Comms lead", "Nedjo", "Ana", "Kwame", "Mei", "Tech lead", "Secretary"
    };
    static final String[] SUPPORT = {
        "CBT liaison", "CBT liaison + others", "Intersect staff", "All members", "Research labs", null
    };
    static final String[] DELIVERABLES = {
        "Documentation about gaps/inefficiencies",
        "Documentation about revised pathway",
        "documentation + contribution dashboard",
        "Published living doc",
        "Slide deck for the AMM",
        "tbd",
        null
    };
    static final String[][] GOALS = {
        {"Vocabulary & Definitions", "#2563eb", "Terms agreed by the community", "40"},
        {"Communication Plan", "#16a34a", "People reached by the comms plan", "500"},
        {"The Process", "#d97706", "New contributors moving through the pathway", "25"},
        {"Vision", "#9333ea", "Proposals published", "3"},
    };
    static final String[] FOCUS = {
        "software beta", "platform co-op", "software co-op", "comms plan", "current state map", "annual members meeting"
    };

    /** A generated group: its slug, tokens, and what a scenario needs to know about its cards. */
    record Group(
            String slug,
            int cards,
            List<CardRef> cardRefs,
            List<Long> goalIds,
            List<Long> meetingIds,
            List<String> members,
            Map<String, Boolean> endpoints) {}

    /** A card's id, version and month (null: backlog). */
    record CardRef(long id, int version, String month) {}

    private final Api api;
    private final String adminToken;
    private final Random random;

    Generator(Api api, String adminToken, long seed) {
        this.api = api;
        this.adminToken = adminToken;
        this.random = new Random(seed);
    }

    /**
     * Creates a group of {@code cards} cards. The admin creates it (and becomes its chair); {@code members} are
     * added as MEMBERs when the members endpoint exists.
     */
    Group create(String slug, int cards, List<String> members) throws IOException, InterruptedException {
        Map<String, Boolean> endpoints = new LinkedHashMap<>();
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("slug", slug);
        group.put("name", "Core Infrastructure Roadmap (" + cards + " cards)");
        group.put(
                "mission",
                "Foster a transparent, inclusive, and adaptable core infrastructure roadmap for the "
                        + "decentralized development of Cardano as an open-source blockchain.");
        group.put("description", "Generated by the Milepost benchmark suite.");
        group.put("visibility", "PUBLIC");
        group.put("planStart", PLAN_START);
        group.put("planEnd", PLAN_END);
        api.expect(201, "POST", "/api/groups", adminToken, group);
        String base = "/api/groups/" + slug;

        List<String> added = new ArrayList<>();
        boolean membersOk = true;
        for (String m : members) {
            Api.Reply r = api.call(
                    "POST",
                    base + "/members",
                    adminToken,
                    Map.of("subject", m, "displayName", m, "email", m + "@bench.example.org", "role", "MEMBER"));
            if (missing(r)) {
                membersOk = false;
                break;
            }
            check(r, 201, "POST members");
            added.add(m);
        }
        endpoints.put("members", membersOk);

        List<Long> goalIds = new ArrayList<>();
        boolean goalsOk = true;
        for (String[] g : GOALS) {
            Map<String, Object> goal = new LinkedHashMap<>();
            goal.put("title", g[0]);
            goal.put("description", "Goal of the working group: " + g[0].toLowerCase() + ".");
            goal.put("color", g[1]);
            goal.put("measure", Map.of("label", g[2], "target", Integer.parseInt(g[3]), "current", 0));
            Api.Reply r = api.call("POST", base + "/goals", adminToken, goal);
            if (missing(r)) {
                goalsOk = false;
                break;
            }
            goalIds.add(check(r, 201, "POST goals").get("id").asLong());
        }
        endpoints.put("goals", goalsOk);

        boolean phasesOk = true;
        for (String[] p : new String[][] {{"Launch", "2024-05", "2024-07"}, {"Grow", "2024-08", "2024-10"}}) {
            Api.Reply r = api.call(
                    "POST",
                    base + "/phases",
                    adminToken,
                    Map.of(
                            "name",
                            p[0],
                            "startMonth",
                            p[1],
                            "endMonth",
                            p[2],
                            "focus",
                            "Build the base",
                            "activities",
                            "Meetings, drafts, reviews",
                            "outcomes",
                            "A published plan"));
            if (missing(r)) {
                phasesOk = false;
                break;
            }
            check(r, 201, "POST phases");
        }
        endpoints.put("phases", phasesOk);

        Api.Reply ms = api.call("GET", base + "/milestones", adminToken, null);
        boolean milestonesOk = !missing(ms);
        if (milestonesOk) {
            int i = 0;
            for (JsonNode m : check(ms, 200, "GET milestones")) {
                String focus = FOCUS[i++ % FOCUS.length];
                check(
                        api.call(
                                "PUT",
                                base + "/milestones/" + m.get("month").asText(),
                                adminToken,
                                Map.of(
                                        "title",
                                        "Focus: " + focus,
                                        "focus",
                                        focus,
                                        "outcomes",
                                        "A productive and successful month",
                                        "version",
                                        m.get("version").asInt())),
                        200,
                        "PUT milestone");
            }
        }
        endpoints.put("milestones", milestonesOk);

        List<CardRef> refs = new ArrayList<>(cards);
        for (int done = 0; done < cards; ) {
            int n = Math.min(1000, cards - done);
            List<Map<String, Object>> batch = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                batch.add(card(done + i, goalIds));
            }
            JsonNode created = api.expect(201, "POST", base + "/cards/batch", adminToken, Map.of("cards", batch));
            for (JsonNode c : created.get("items")) {
                refs.add(new CardRef(
                        c.get("id").asLong(),
                        c.get("version").asInt(),
                        c.get("month").isNull() ? null : c.get("month").asText()));
            }
            done += n;
        }

        List<Long> meetingIds = new ArrayList<>();
        boolean meetingsOk = true;
        LocalDate date = LocalDate.of(2024, 4, 22);
        for (int number = 1; date.isBefore(LocalDate.of(2024, 11, 1)); number++, date = date.plusWeeks(1)) {
            Map<String, Object> meeting = new LinkedHashMap<>();
            meeting.put("number", number);
            meeting.put("date", date.toString());
            meeting.put("time", "15:00");
            meeting.put("timeZone", "UTC");
            meeting.put("tentative", date.isAfter(LocalDate.of(2024, 6, 1)));
            meeting.put("location", "Virtual");
            meeting.put(
                    "objectives",
                    List.of(
                            "Review the board",
                            "Agree on milestones, categories and dates",
                            "Initial discussion over backlog process"));
            meeting.put("outcome", number < 5 ? "Group mission and goals decided, Kanban board set up" : null);
            List<Long> linked = new ArrayList<>();
            for (int k = 0; k < 3 && !refs.isEmpty(); k++) {
                long id = refs.get(random.nextInt(refs.size())).id();
                if (!linked.contains(id)) {
                    linked.add(id);
                }
            }
            meeting.put("cardIds", linked);
            Api.Reply r = api.call("POST", base + "/meetings", adminToken, meeting);
            if (missing(r)) {
                meetingsOk = false;
                break;
            }
            meetingIds.add(check(r, 201, "POST meetings").get("id").asLong());
        }
        endpoints.put("meetings", meetingsOk);
        return new Group(slug, cards, refs, goalIds, meetingIds, added, endpoints);
    }

    /** The JSON of a realistic new card (month spread May–October, about one in eight in the backlog). */
    Map<String, Object> card(int i, List<Long> goalIds) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("title", TITLES[random.nextInt(TITLES.length)] + " #" + (i + 1));
        String d = DESCRIPTIONS[random.nextInt(DESCRIPTIONS.length)];
        c.put("description", d.isEmpty() ? null : d);
        double s = random.nextDouble();
        c.put(
                "status",
                s < 0.5 ? "PLANNED" : s < 0.7 ? "IN_PROGRESS" : s < 0.9 ? "DONE" : s < 0.95 ? "BLOCKED" : "DROPPED");
        c.put("responsible", RESPONSIBLE[random.nextInt(RESPONSIBLE.length)]);
        c.put("support", SUPPORT[random.nextInt(SUPPORT.length)]);
        c.put("deliverable", DELIVERABLES[random.nextInt(DELIVERABLES.length)]);
        c.put(
                "goalId",
                goalIds.isEmpty() || random.nextInt(5) == 0 ? null : goalIds.get(random.nextInt(goalIds.size())));
        c.put("month", random.nextInt(8) == 0 ? null : MONTHS.get(random.nextInt(MONTHS.size())));
        return c;
    }

    /** An endpoint that is not there yet (not merged): Quarkus answers 404 or 405 for an unknown path. */
    private static boolean missing(Api.Reply r) {
        return r.status() == 404 || r.status() == 405;
    }

    private static JsonNode check(Api.Reply r, int expected, String what) throws IOException {
        if (r.status() != expected) {
            throw new IOException(what + " answered " + r.status() + ": " + Proc.tail(new String(r.body()), 1000));
        }
        return r.body().length == 0 ? null : r.json();
    }
}
