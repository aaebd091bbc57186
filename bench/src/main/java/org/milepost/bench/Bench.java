package org.milepost.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Runs the scenarios S1–S5 against one running app (S5 restarts it) and collects their figures. S6 is
 * {@link WebBench}. Every figure is a median over repetitions after a warm-up; every scenario records the machine's
 * load average when it ran.
 */
final class Bench {

    static final String ADMIN = "bench-admin";
    static final int CLIENTS_MAX = 16;

    private final Size size;
    private final Postgres pg;
    private final TokenIssuer issuer;
    private final Tools tools;
    private final Path appJar;
    private final List<String> jvmOptions;
    private final List<String> extraEnv;
    private int quietWaitSeconds;
    private final Path work;
    private final String runId = Long.toString(System.currentTimeMillis() % 10_000_000, 36);
    private final Random random = new Random(42);
    private final String adminToken;
    private AppProcess app;
    private Api api;
    private int groupCounter;
    private final Map<Integer, Generator.Group> groups = new LinkedHashMap<>();

    Bench(
            Size size,
            Postgres pg,
            TokenIssuer issuer,
            Tools tools,
            Path appJar,
            List<String> jvmOptions,
            List<String> appEnv,
            Path work) {
        this.extraEnv = appEnv;
        this.size = size;
        this.pg = pg;
        this.issuer = issuer;
        this.tools = tools;
        this.appJar = appJar;
        this.jvmOptions = jvmOptions;
        this.work = work;
        this.adminToken = issuer.admin(ADMIN);
    }

    private Map<String, String> appEnv() {
        Map<String, String> env = new HashMap<>(issuer.appEnvironment());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", pg.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", Postgres.APP_USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", Postgres.APP_PASSWORD);
        for (String kv : extraEnv) {
            env.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        return env;
    }

    /**
     * JDK 25+: the launcher's training run ({@code scripts/milepost-server.sh --train}) against this run's database
     * and groups, as an operator would train after installing a build; the app is then restarted ({@link #relaunch}),
     * so every scenario after it runs with the AOT cache. Before the cache exists the launcher uses the class-data
     * archive, so the first launch of S5 is the untrained one.
     */
    ObjectNode trainAot() throws IOException, InterruptedException {
        ObjectNode r = Api.JSON.createObjectNode();
        String version = Proc.run(List.of(AppProcess.javaCommand(), "-version"));
        java.util.regex.Matcher major =
                java.util.regex.Pattern.compile("version \"(\\d+)").matcher(version);
        if (!major.find() || Integer.parseInt(major.group(1)) < 25) {
            r.put("result", "skipped: the app's JDK is older than 25 (set MILEPOST_JAVA to a JDK 25+)");
            return r;
        }
        Map<String, String> env = appEnv();
        env.put("MILEPOST_APP_DIR", appJar.getParent().toString());
        env.put("MILEPOST_TRAIN_TOKEN", adminToken);
        env.put("MILEPOST_TRAIN_PORT", String.valueOf(Postgres.freePort()));
        long t0 = System.nanoTime();
        String out = Proc.run(
                List.of(
                        "bash",
                        Path.of("scripts/milepost-server.sh").toAbsolutePath().toString(),
                        "--train"),
                env,
                null,
                Duration.ofMinutes(10));
        r.put("seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
        r.put("result", Proc.tail(out.strip(), 300).lines().reduce((a, b) -> b).orElse(""));
        return r;
    }

    /**
     * Stops the app and launches it again, as an operator restarts the server after training: from then on the
     * scenarios measure the server with its AOT cache (start-up, memory and CPU alike), not the untrained first launch.
     */
    void relaunch(String name) throws IOException, InterruptedException {
        app.close();
        Thread.sleep(1000);
        app = AppProcess.launch(appJar, jvmOptions, appEnv(), work, name);
        api = new Api(app.baseUrl());
    }

    /** First launch, on an empty database (Flyway migrates): part of S5. */
    ObjectNode launchFirst() throws IOException, InterruptedException {
        ObjectNode r = Api.JSON.createObjectNode();
        r.put("loadAvg1", Proc.loadAverage()[0]);
        app = AppProcess.launch(appJar, jvmOptions, appEnv(), work, "app-0");
        api = new Api(app.baseUrl());
        r.put("firstResponseMs", Stats.round(app.startMillis(), 1));
        r.put("quarkusStartedInMs", app.quarkusReportedStartMillis());
        Thread.sleep(3000);
        r.put("rssIdleMb", mb(app.rss()));
        return r;
    }

    /** The tokens of a group's clients: its members' when the members endpoint exists, else the chair's. */
    List<String> clientTokens(Generator.Group g) {
        List<String> tokens = new ArrayList<>();
        for (String m : g.members()) {
            tokens.add(issuer.user(m));
        }
        if (tokens.isEmpty()) {
            tokens.add(issuer.user(ADMIN)); // the creator is the group's chair; no admin role in this token
        }
        return tokens;
    }

    private String slug(String what) {
        return "bench-" + runId + "-" + what + "-" + (++groupCounter);
    }

    private Generator generator() {
        return new Generator(api, adminToken, random.nextLong());
    }

    private static List<String> memberNames() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= CLIENTS_MAX; i++) {
            names.add("bench-member-" + i);
        }
        return names;
    }

    /** The groups S1, S2 and S4 read and change, created through the batch endpoint. */
    ObjectNode generate() throws IOException, InterruptedException {
        ObjectNode r = Api.JSON.createObjectNode();
        for (int n : size.boards()) {
            long t0 = System.nanoTime();
            Generator.Group g = generator().create(slug(n + "cards"), n, memberNames());
            groups.put(n, g);
            ObjectNode gr = r.putObject(String.valueOf(n));
            gr.put("slug", g.slug());
            gr.put("seconds", Stats.round((System.nanoTime() - t0) / 1e9, 2));
            gr.put("members", g.members().size());
            gr.put("goals", g.goalIds().size());
            gr.put("meetings", g.meetingIds().size());
            r.set("endpoints", Api.JSON.valueToTree(g.endpoints()));
        }
        return r;
    }

    void quietWait(int seconds) {
        this.quietWaitSeconds = seconds;
    }

    List<String> groupSlugs() {
        return groups.values().stream().map(Generator.Group::slug).toList();
    }

    Generator.Group group(int cards) {
        return groups.get(cards);
    }

    // ---------------------------------------------------------------------------------------------------- S1

    ObjectNode s1(int cards) throws IOException, InterruptedException {
        Generator.Group g = groups.get(cards);
        ObjectNode r = Api.JSON.createObjectNode();
        r.put("cards", cards);
        r.put("loadAvg1", Proc.loadAverage()[0]);
        List<String> tokens = clientTokens(g);
        String path = "/api/groups/" + g.slug() + "/board";

        Api.Reply board = api.call("GET", path, tokens.get(0), null);
        if (board.status() != 200) {
            throw new IOException("GET board answered " + board.status());
        }
        r.put("responseBytes", board.body().length);
        r.put("responseGzipBytes", gzip(board.body()).length);
        r.put("cardsInResponse", countCards(board.json()));

        // SQL statements per request: pg_stat_statements over sequential requests after a reset.
        pg.resetStatements();
        for (int i = 0; i < size.statementSamples(); i++) {
            api.call("GET", path, tokens.get(i % tokens.size()), null);
        }
        r.set("sqlPerRequest", perRequest(pg.statementsByKind(), size.statementSamples(), false));
        r.set("sqlStatements", statements(size.statementSamples()));

        Map<String, Object> data = Map.of("slug", g.slug(), "tokens", tokens);
        tools.wrk("board.lua", app.baseUrl(), 1, 1, size.warmupSeconds(), data);
        for (int clients : List.of(1, 4, 16)) {
            List<JsonNode> reps = new ArrayList<>();
            int threads = Math.min(clients, 2);
            for (int i = 0; i < size.reps(); i++) {
                reps.add(measured(() -> tools.wrk("board.lua", app.baseUrl(), threads, clients, size.seconds(), data)));
            }
            r.set("clients" + clients, Stats.summary(reps));
        }
        return r;
    }

    /** A wrk run with the CPU time the app and the database spent on it, per request (ms). */
    /**
     * The machine's CPU spent outside the app, its database and this bench (other engineers' builds, the load
     * tool), in cores, over {@code millis}.
     */
    private double otherCores(long millis) throws IOException, InterruptedException {
        long[] m0 = machineTicks();
        long own0 = app.cpuTicks()
                + pg.cpuTicks()
                + Proc.cpuTicks(ProcessHandle.current().pid());
        Thread.sleep(millis);
        long[] m1 = machineTicks();
        long own1 = app.cpuTicks()
                + pg.cpuTicks()
                + Proc.cpuTicks(ProcessHandle.current().pid());
        return Math.max(0, (m1[0] - m0[0]) - (own1 - own0)) / Proc.TICKS_PER_SECOND / (millis / 1000.0);
    }

    /**
     * With {@code --quiet-wait N}: before a measured repetition, waits (at most N seconds) until other processes
     * use less than 0.2 of a core, so figures are taken on a quiet machine. Returns the seconds waited.
     */
    private double awaitQuiet() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        while (quietWaitSeconds > 0 && (System.nanoTime() - t0) / 1e9 < quietWaitSeconds && otherCores(2000) > 0.2) {
            // keep waiting
        }
        return Stats.round((System.nanoTime() - t0) / 1e9, 1);
    }

    private ObjectNode measured(java.util.concurrent.Callable<JsonNode> run) throws IOException, InterruptedException {
        double waited = awaitQuiet();
        long[] m0 = machineTicks();
        long self0 = Proc.cpuTicks(ProcessHandle.current().pid());
        long app0 = app.cpuTicks();
        long db0 = pg.cpuTicks();
        JsonNode w;
        try {
            w = run.call();
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
        long app1 = app.cpuTicks();
        long db1 = pg.cpuTicks();
        long self1 = Proc.cpuTicks(ProcessHandle.current().pid());
        long[] m1 = machineTicks();
        ObjectNode rep = Stats.rep(w);
        double seconds = Math.max(0.001, w.get("durationUs").asDouble() / 1e6);
        rep.put(
                "otherCores",
                Stats.round(
                        Math.max(0, (m1[0] - m0[0]) - (app1 - app0) - (db1 - db0) - (self1 - self0))
                                / Proc.TICKS_PER_SECOND
                                / seconds,
                        2));
        rep.put("appCpuCores", Stats.round((app1 - app0) / Proc.TICKS_PER_SECOND / seconds, 2));
        rep.put("dbCpuCores", Stats.round((db1 - db0) / Proc.TICKS_PER_SECOND / seconds, 2));
        rep.put("machineCpuBusyPercent", Stats.round(100.0 * (m1[0] - m0[0]) / Math.max(1, m1[1] - m0[1]), 1));
        rep.put("quietWaitSeconds", waited);
        double requests = Math.max(1, w.get("requests").asDouble());
        rep.put("appCpuMsPerRequest", Stats.round((app1 - app0) * 1000 / Proc.TICKS_PER_SECOND / requests, 3));
        rep.put("dbCpuMsPerRequest", Stats.round((db1 - db0) * 1000 / Proc.TICKS_PER_SECOND / requests, 3));
        return rep;
    }

    private static int countCards(JsonNode board) {
        int n = board.path("backlog").size();
        for (JsonNode c : board.path("columns")) {
            n += c.path("cards").size();
        }
        return n;
    }

    /** Statements (and rows) per request by kind, from pg_stat_statements counts over {@code requests} requests. */
    private static ObjectNode perRequest(Map<String, long[]> kinds, long requests, boolean rows) {
        ObjectNode o = Api.JSON.createObjectNode();
        long total = 0;
        for (Map.Entry<String, long[]> e : kinds.entrySet()) {
            o.put(e.getKey(), Stats.round((double) e.getValue()[0] / requests, 2));
            if (!e.getKey().equals("other")) {
                total += e.getValue()[0];
            }
        }
        o.put("total", Stats.round((double) total / requests, 2));
        if (rows) {
            long written = kinds.get("insert")[1] + kinds.get("update")[1] + kinds.get("delete")[1];
            o.put("rowsWritten", Stats.round((double) written / requests, 3));
        }
        return o;
    }

    /** What the app ran since the last reset, per request: calls, rows, mean time and the statement text. */
    private ArrayNode statements(long requests) throws IOException {
        ArrayNode a = Api.JSON.createArrayNode();
        for (List<String> row : pg.topStatements(25)) {
            ObjectNode o = a.addObject();
            o.put("perRequest", Stats.round(Double.parseDouble(row.get(0)) / Math.max(requests, 1), 3));
            o.put(
                    "rowsPerCall",
                    Stats.round(Double.parseDouble(row.get(1)) / Math.max(1, Double.parseDouble(row.get(0))), 1));
            o.put("meanMs", Double.parseDouble(row.get(2)));
            o.put("sql", row.get(3).length() > 400 ? row.get(3).substring(0, 400) + "…" : row.get(3));
        }
        return a;
    }

    // ---------------------------------------------------------------------------------------------------- S2

    /** Clients' own cards (never shared) and anchors (cards nobody moves) to place them next to. */
    private record MovePlan(List<List<Long>> owned, Map<String, List<Long>> anchors) {}

    private MovePlan movePlan(Generator.Group g, int threads, int perThread) {
        List<Generator.CardRef> cards = new ArrayList<>(g.cardRefs());
        Collections.shuffle(cards, new Random(7));
        List<List<Long>> owned = new ArrayList<>();
        int k = 0;
        for (int t = 0; t < threads; t++) {
            List<Long> mine = new ArrayList<>();
            for (int i = 0; i < perThread && k < cards.size() / 2; i++) {
                mine.add(cards.get(k++).id());
            }
            owned.add(mine);
        }
        Map<String, List<Long>> anchors = new LinkedHashMap<>();
        for (String m : columns()) {
            anchors.put(m, new ArrayList<>());
        }
        for (; k < cards.size(); k++) {
            Generator.CardRef c = cards.get(k);
            List<Long> a = anchors.get(c.month() == null ? "backlog" : c.month());
            if (a.size() < 200) {
                a.add(c.id());
            }
        }
        return new MovePlan(owned, anchors);
    }

    private static List<String> columns() {
        List<String> columns = new ArrayList<>(Generator.MONTHS);
        columns.add("backlog");
        return columns;
    }

    /** The wrk data for moves: each thread's cards with their current version and column, read from the database. */
    private Map<String, Object> moveData(Generator.Group g, MovePlan plan, int threads, List<String> tokens)
            throws IOException, InterruptedException {
        pg.awaitAppIdle();
        List<Long> ids = new ArrayList<>();
        plan.owned().subList(0, threads).forEach(ids::addAll);
        Map<Long, Map<String, Object>> state = new HashMap<>();
        if (!ids.isEmpty()) {
            StringBuilder in = new StringBuilder();
            ids.forEach(id -> in.append(in.isEmpty() ? "" : ",").append(id));
            for (List<String> row : pg.query(
                    """
                    select c.id, c.version, coalesce(to_char(m.month, 'YYYY-MM'), 'backlog')
                    from card c left join milestone m on m.id = c.milestone_id where c.id in (%s)"""
                            .formatted(in))) {
                state.put(
                        Long.parseLong(row.get(0)),
                        new LinkedHashMap<>(Map.of(
                                "id", Long.parseLong(row.get(0)), "v", Integer.parseInt(row.get(1)), "m", row.get(2))));
            }
        }
        List<Object> owned = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Object> mine = new ArrayList<>();
            for (long id : plan.owned().get(t)) {
                mine.add(state.get(id));
            }
            owned.add(mine);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("slug", g.slug());
        data.put("tokens", tokens);
        data.put("columns", columns());
        data.put("anchors", plan.anchors());
        data.put("owned", owned);
        return data;
    }

    ObjectNode s2(int cards) throws IOException, InterruptedException {
        Generator.Group g = groups.get(cards);
        ObjectNode r = Api.JSON.createObjectNode();
        r.put("cards", cards);
        r.put("loadAvg1", Proc.loadAverage()[0]);
        List<String> tokens = clientTokens(g);
        MovePlan plan = movePlan(g, 8, Math.max(2, Math.min(40, cards / 20)));

        tools.wrk("moves.lua", app.baseUrl(), 8, 8, size.warmupSeconds(), moveData(g, plan, 8, tokens));
        for (int clients : List.of(1, 8)) {
            boolean measureRows = clients == 8;
            long[] before = measureRows ? pg.rowsWrittenSettled(11_000) : null;
            pg.resetStatements();
            List<JsonNode> reps = new ArrayList<>();
            long moved = 0;
            long attempted = 0;
            for (int i = 0; i < size.reps(); i++) {
                Map<String, Object> data = moveData(g, plan, clients, tokens);
                ObjectNode rep =
                        measured(() -> tools.wrk("moves.lua", app.baseUrl(), clients, clients, size.seconds(), data));
                moved += rep.get("counters").path("s200").asLong();
                attempted += rep.get("requests").asLong();
                reps.add(rep);
            }
            ObjectNode s = Stats.summary(reps);
            s.put("moves", moved);
            s.set("sqlPerMove", perRequest(pg.statementsByKind(), Math.max(attempted, 1), true));
            s.set("sqlStatements", statements(attempted));
            if (measureRows) {
                long[] after = pg.rowsWrittenSettled(11_000);
                long ins = after[0] - before[0];
                long upd = after[1] - before[1];
                long del = after[2] - before[2];
                ObjectNode w = s.putObject("rowsWrittenPerMove");
                w.put("source", "pg_stat_user_tables n_tup_ins/upd/del deltas over the measured repetitions");
                w.put("inserted", Stats.round((double) ins / Math.max(moved, 1), 3));
                w.put("updated", Stats.round((double) upd / Math.max(moved, 1), 3));
                w.put("deleted", Stats.round((double) del / Math.max(moved, 1), 3));
                w.put("total", Stats.round((double) (ins + upd + del) / Math.max(moved, 1), 3));
                long history = after[3] - before[3];
                w.put("history", Stats.round((double) history / Math.max(moved, 1), 3));
                // The budget: at most 2 rows per move "plus any history row".
                w.put("besidesHistory", Stats.round((double) (ins + upd + del - history) / Math.max(moved, 1), 3));
            }
            r.set("clients" + clients, s);
        }
        return r;
    }

    // ---------------------------------------------------------------------------------------------------- S3

    ObjectNode s3() throws IOException, InterruptedException {
        ObjectNode r = Api.JSON.createObjectNode();
        r.put("loadAvg1", Proc.loadAverage()[0]);
        // Warm the create path (a throw-away group) so the first measured run is not the JIT's.
        oneByOne(Math.min(500, size.createCounts().get(0)), 8);
        oneByOne(Math.min(200, size.createCounts().get(0)), 1);
        for (int count : size.createCounts()) {
            for (int clients : List.of(1, 8)) {
                List<JsonNode> reps = new ArrayList<>();
                for (int i = 0; i < size.createReps(); i++) {
                    reps.add(oneByOne(count, clients));
                }
                ObjectNode s = Api.JSON.createObjectNode();
                s.put(
                        "cardsPerSecond",
                        Stats.round(
                                Stats.median(reps, x -> x.get("cardsPerSecond").asDouble()), 1));
                s.put(
                        "seconds",
                        Stats.round(Stats.median(reps, x -> x.get("seconds").asDouble()), 2));
                s.put(
                        "p50Ms",
                        Stats.round(Stats.median(reps, x -> x.get("p50Ms").asDouble()), 2));
                s.put(
                        "p99Ms",
                        Stats.round(Stats.median(reps, x -> x.get("p99Ms").asDouble()), 2));
                s.put(
                        "otherCores",
                        Stats.round(Stats.median(reps, x -> x.get("otherCores").asDouble()), 2));
                long errors = 0;
                for (JsonNode x : reps) {
                    errors += x.get("errors").asLong();
                }
                s.put("errors", errors);
                ArrayNode all = s.putArray("repetitions");
                reps.forEach(all::add);
                r.set("oneByOne" + count + "x" + clients, s);
            }
        }
        for (int count : size.createCounts()) {
            r.set("batch" + count, batch(count));
        }
        return r;
    }

    /** Creates {@code count} cards with POST /cards from {@code clients} clients into a fresh group. */
    private ObjectNode oneByOne(int count, int clients) throws IOException, InterruptedException {
        Generator.Group g = generator().create(slug("create" + count + "x" + clients), 0, memberNames());
        List<String> tokens = clientTokens(g);
        Generator gen = generator();
        List<List<String>> bodies = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            bodies.add(new ArrayList<>());
        }
        for (int i = 0; i < count; i++) {
            bodies.get(i % clients).add(Api.JSON.writeValueAsString(gen.card(i, g.goalIds())));
        }
        pg.awaitAppIdle();
        pg.resetStatements();
        ObjectNode rep = measured(() -> tools.wrk(
                "create.lua",
                app.baseUrl(),
                clients,
                clients,
                900,
                Map.of("slug", g.slug(), "tokens", tokens, "bodies", bodies),
                true));
        rep.set("sqlPerCreate", perRequest(pg.statementsByKind(), count, true));
        rep.set("sqlStatements", statements(count));
        long created = Long.parseLong(pg.query("select count(*) from card c join working_group g on g.id = c.group_id "
                        + "where g.slug = '" + g.slug() + "'")
                .get(0)
                .get(0));
        rep.put("created", created);
        rep.put("cardsPerSecond", Stats.round(created / rep.get("seconds").asDouble(), 1));
        if (created != count) {
            rep.put("errors", rep.get("errors").asLong() + Math.abs(count - created));
        }
        return rep;
    }

    /** Times POST /cards/batch of {@code count} cards (a fresh group for every run) with hyperfine and curl. */
    private ObjectNode batch(int count) throws IOException, InterruptedException {
        Generator gen = generator();
        List<Object> cards = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cards.add(gen.card(i, List.of()));
        }
        Path body = work.resolve("batch-" + count + ".json");
        Files.write(body, Api.JSON.writeValueAsBytes(Map.of("cards", cards)));
        Path slugFile = work.resolve("batch-slug");
        Path prepare = work.resolve("batch-prepare.sh");
        Path post = work.resolve("batch-post.sh");
        String base = app.baseUrl();
        Files.writeString(
                prepare,
                """
                #!/bin/sh
                set -e
                slug="bench-%s-batch-$(date +%%s%%N)"
                curl -sf -o /dev/null -X POST -H 'Authorization: Bearer %s' -H 'Content-Type: application/json' \\
                  --data "{\\"slug\\":\\"$slug\\",\\"name\\":\\"Batch import\\",\\"visibility\\":\\"PUBLIC\\",\\"planStart\\":\\"%s\\",\\"planEnd\\":\\"%s\\"}" \\
                  %s/api/groups
                echo "$slug" > '%s'
                """
                        .formatted(runId, adminToken, Generator.PLAN_START, Generator.PLAN_END, base, slugFile));
        Files.writeString(
                post,
                """
                #!/bin/sh
                exec curl -sf -o /dev/null -X POST -H 'Authorization: Bearer %s' -H 'Content-Type: application/json' \\
                  --data-binary @'%s' "%s/api/groups/$(cat '%s')/cards/batch"
                """
                        .formatted(adminToken, body, base, slugFile));
        ObjectNode r = Api.JSON.createObjectNode();
        r.put("loadAvg1", Proc.loadAverage()[0]);
        r.put("requestBytes", Files.size(body));
        JsonNode h = tools.hyperfine(
                "sh " + post,
                "sh " + prepare,
                size.createReps() > 1 ? 1 : 0,
                Math.max(size.createReps(), size.name().equals("full") ? 5 : 1));
        double median = h.get("median").asDouble();
        r.put("medianSeconds", Stats.round(median, 3));
        r.put("cardsPerSecond", Stats.round(count / median, 0));
        ArrayNode times = r.putArray("runsSeconds");
        h.get("times").forEach(t -> times.add(Stats.round(t.asDouble(), 3)));
        return r;
    }

    // ---------------------------------------------------------------------------------------------------- S4

    ObjectNode s4() throws IOException, InterruptedException {
        Generator.Group g = groups.get(size.mixedBoard());
        ObjectNode r = Api.JSON.createObjectNode();
        r.put("cards", g.cards());
        r.put("loadAvg1", Proc.loadAverage()[0]);
        boolean meetings = g.endpoints().getOrDefault("meetings", false);
        r.put(
                "meetingReads",
                meetings
                        ? "5% (GET meetings list and one meeting)"
                        : "TODO: meetings endpoints not merged yet; their 5% were board reads");
        List<String> tokens = clientTokens(g);
        int clients = 8;
        MovePlan plan = movePlan(g, clients, Math.max(2, Math.min(40, g.cards() / 20)));
        r.put("clients", clients);
        Map<String, Object> data = moveData(g, plan, clients, tokens);
        data.put("meetings", meetings);
        data.put("meetingIds", g.meetingIds());
        data.put("goals", g.goalIds());
        tools.wrk("mixed.lua", app.baseUrl(), clients, clients, 2 * size.warmupSeconds(), data);
        List<JsonNode> reps = new ArrayList<>();
        for (int i = 0; i < size.mixedReps(); i++) {
            Map<String, Object> repData = moveData(g, plan, clients, tokens);
            repData.put("meetings", meetings);
            repData.put("meetingIds", g.meetingIds());
            repData.put("goals", g.goalIds());
            int gcBefore = app.gcPauses().size();
            ObjectNode rep = measured(
                    () -> tools.wrk("mixed.lua", app.baseUrl(), clients, clients, size.mixedSeconds(), repData));
            List<double[]> pauses = app.gcPauses();
            pauses = pauses.subList(Math.min(gcBefore, pauses.size()), pauses.size());
            double total = 0;
            double max = 0;
            for (double[] p : pauses) {
                total += p[1];
                max = Math.max(max, p[1]);
            }
            rep.put("gcPauses", pauses.size());
            rep.put("gcPauseTotalMs", Stats.round(total, 1));
            rep.put("gcPauseMaxMs", Stats.round(max, 1));
            rep.put("rssMb", mb(app.rss()));
            rep.put("rssPeakMb", mb(peakRss(app.pid())));
            reps.add(rep);
        }
        ObjectNode s = Stats.summary(reps);
        s.put(
                "appCpuCores",
                Stats.round(Stats.median(reps, x -> x.get("appCpuCores").asDouble()), 2));
        s.put(
                "dbCpuCores",
                Stats.round(Stats.median(reps, x -> x.get("dbCpuCores").asDouble()), 2));
        s.put(
                "machineCpuBusyPercent",
                Stats.round(
                        Stats.median(reps, x -> x.get("machineCpuBusyPercent").asDouble()), 1));
        s.put(
                "gcPauseTotalMs",
                Stats.round(Stats.median(reps, x -> x.get("gcPauseTotalMs").asDouble()), 1));
        s.put(
                "gcPauseMaxMs",
                Stats.round(Stats.median(reps, x -> x.get("gcPauseMaxMs").asDouble()), 1));
        s.put("gcPauses", Stats.round(Stats.median(reps, x -> x.get("gcPauses").asDouble()), 1));
        r.setAll(s);
        // The budget's figure: the resident memory the moment the traffic ends. It moves by 10-40 MB within seconds
        // (the JIT compilers' arenas), so the readings of the next five seconds are recorded too, as information.
        r.put("rssAfterMb", mb(app.rss()));
        ArrayNode later = r.putArray("rssNext5sMb");
        for (int i = 0; i < 5; i++) {
            Thread.sleep(1000);
            later.add(mb(app.rss()));
        }
        return r;
    }

    private static long[] machineTicks() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long all = 0;
        for (int i = 1; i < f.length; i++) {
            all += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        return new long[] {all - idle, all};
    }

    private static long peakRss(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------------------------------------------- S5

    /** Restarts the app {@code size.restarts()} times: launch to first successful API response, RSS when idle. */
    ObjectNode s5(ObjectNode first) throws IOException, InterruptedException {
        ObjectNode r = Api.JSON.createObjectNode();
        r.set("firstLaunch", first);
        r.put("loadAvg1", Proc.loadAverage()[0]);
        List<Double> starts = new ArrayList<>();
        List<Double> quarkus = new ArrayList<>();
        List<Double> idle = new ArrayList<>();
        ArrayNode runs = r.putArray("restarts");
        for (int i = 1; i <= size.restarts(); i++) {
            relaunch("app-" + i);
            Thread.sleep(3000);
            ObjectNode run = runs.addObject();
            run.put("firstResponseMs", Stats.round(app.startMillis(), 1));
            run.put("quarkusStartedInMs", app.quarkusReportedStartMillis());
            run.put("rssIdleMb", mb(app.rss()));
            run.put("loadAvg1", Proc.loadAverage()[0]);
            starts.add(app.startMillis());
            quarkus.add(app.quarkusReportedStartMillis());
            idle.add((double) mb(app.rss()));
        }
        r.put("firstResponseMs", Stats.round(Stats.median(starts), 1));
        r.put("quarkusStartedInMs", Stats.round(Stats.median(quarkus), 1));
        r.put("rssIdleMb", Stats.round(Stats.median(idle), 0));
        return r;
    }

    AppProcess app() {
        return app;
    }

    void stop() throws InterruptedException {
        if (app != null) {
            app.close();
        }
    }

    static long mb(long bytes) {
        return Math.round(bytes / (1024.0 * 1024.0));
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.toByteArray();
    }
}
