package org.milepost.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar bench/target/milepost-bench.jar [--size tiny|full] [--only S1,S4] [--app-jar …] [--results dir]
 * [--jvm-opts "…"] [--label text]}: starts PostgreSQL and the token issuer, launches the production jar, runs the
 * scenarios and writes {@code <results>/<size>-<time>.json|md} and {@code latest-<size>.json|md}. Run from the
 * repository root (bench/run.sh does).
 */
public final class Main {

    public static void main(String[] args) throws Exception {
        String sizeName = "tiny";
        Set<String> only = new LinkedHashSet<>(List.of("S1", "S2", "S3", "S4", "S5", "S6"));
        Path appJar = Path.of("backend/target/quarkus-app/quarkus-run.jar");
        Path results = Path.of("bench/results");
        List<String> jvmOptions = null;
        String failedScenario = null;
        String label = "";
        Path frontend = Path.of("frontend");
        boolean serve = false;
        boolean trainAot = false;
        List<String> appEnv = new ArrayList<>();
        int quietWait = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--size" -> sizeName = args[++i];
                case "--only" ->
                    only = new LinkedHashSet<>(
                            Arrays.asList(args[++i].toUpperCase().split(",")));
                case "--app-jar" -> appJar = Path.of(args[++i]);
                case "--results" -> results = Path.of(args[++i]);
                case "--jvm-opts" ->
                    jvmOptions = new ArrayList<>(Arrays.asList(args[++i].trim().split("\\s+")));
                case "--jvm-defaults" -> jvmOptions = new ArrayList<>();
                case "--app-env" -> appEnv.add(args[++i]);
                case "--quiet-wait" -> quietWait = Integer.parseInt(args[++i]);
                case "--label" -> label = args[++i];
                case "--frontend" -> frontend = Path.of(args[++i]);
                case "--serve" -> serve = true;
                case "--train-aot" -> trainAot = true;
                case "-h", "--help" -> {
                    System.out.println(
                            "usage: bench/run.sh [--size tiny|quick|full] [--only S1,S2,…] [--jvm-opts \"…\"] "
                                    + "[--label text] [--results dir] [--app-jar path] [--frontend dir] [--app-env K=V] [--quiet-wait s] [--serve] [--train-aot]\n"
                                    + "  JVM options: by default those scripts/milepost-server.sh uses (the recommended ones); "
                                    + "--jvm-opts \"…\" instead, or --jvm-defaults for none (the JVM's own defaults)\n"
                                    + "  --quiet-wait s: before each measured repetition wait (at most s seconds) until other "
                                    + "processes use < 0.2 core\n"
                                    + "  --serve: start PostgreSQL, the token issuer and the app, generate the groups of the size, "
                                    + "print URLs and tokens, and wait (for profiling by hand); Ctrl-C stops everything.\n"
                                    + "  --train-aot: after generating the groups, run the launcher's JDK 25+ AOT training "
                                    + "(scripts/milepost-server.sh --train), then restart the app so that S1-S6 measure the trained server; "
                                    + "the app's JDK is MILEPOST_JAVA or JAVA_HOME's");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (see --help)");
            }
        }
        Size size = Size.of(sizeName);
        checkTools(appJar);
        // null: launch through scripts/milepost-server.sh, as operators do (its JVM options and environment).
        List<String> shownOptions = jvmOptions != null ? jvmOptions : recommendedJvmOptions(appJar);
        if (jvmOptions != null) {
            jvmOptions.removeIf(String::isBlank);
        }

        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        // Scratch files (app and GC logs, wrk data) of the last run stay in <results>/tmp for a look afterwards.
        deleteTree(results.resolve("tmp"));
        Path work = results.resolve("tmp").resolve(stamp).toAbsolutePath();
        Files.createDirectories(work);
        Report report = new Report(size, label, shownOptions);
        if (jvmOptions == null) {
            report.meta()
                    .put(
                            "jvmOptions",
                            "scripts/milepost-server.sh: " + String.join(" ", shownOptions)
                                    + " (and MALLOC_ARENA_MAX=2)");
        }
        report.meta().put("appEnv", String.join(" ", appEnv));
        report.meta().put("loadAvgAtStart", Arrays.toString(Proc.loadAverage()));
        Path lua = Path.of("bench/lua").toAbsolutePath();

        long t0 = System.nanoTime();
        log("PostgreSQL: starting a throw-away cluster (" + (size.durable() ? "fsync on" : "fsync off") + ")");
        try (Postgres pg = Postgres.start(size.durable());
                TokenIssuer issuer = new TokenIssuer(0)) {
            report.meta().put("postgres", pg.version());
            Bench bench = new Bench(
                    size, pg, issuer, new Tools(lua, work), appJar.toAbsolutePath(), jvmOptions, appEnv, work);
            // Killed (SIGTERM, Ctrl-C, a CI timeout): stop the app and the database all the same.
            Thread cleanup = new Thread(
                    () -> {
                        try {
                            bench.stop();
                            pg.close();
                        } catch (Exception ignored) {
                            // going away
                        }
                    },
                    "bench-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            bench.quietWait(quietWait);
            report.meta().put("quietWaitSeconds", quietWait);
            try {
                log("S5: first launch of " + appJar);
                ObjectNode first = bench.launchFirst();
                report.meta().put("quarkus", quarkusVersion(bench.app().logText()));
                log("generating groups " + size.boards() + " through the API");
                report.meta().set("groups", bench.generate());
                if (trainAot) {
                    log("training the JDK 25+ AOT cache (scripts/milepost-server.sh --train)");
                    ObjectNode training = bench.trainAot();
                    report.meta().set("aotTraining", training);
                    if (jvmOptions == null) {
                        // The apps launched from here on run with these.
                        report.meta().put("jvmOptionsAfterTraining", String.join(" ", recommendedJvmOptions(appJar)));
                    }
                    if (!training.path("result").asText().startsWith("skipped")) {
                        log("restarting the app with its AOT cache: S1-S6 measure the trained server");
                        bench.relaunch("app-trained");
                    }
                }
                if (serve) {
                    serve(bench, issuer, pg);
                    return;
                }
                if (only.contains("S1")) {
                    ObjectNode s1 = report.scenario("S1");
                    for (int n : size.boards()) {
                        log("S1: board of " + n + " cards");
                        s1.set(String.valueOf(n), bench.s1(n));
                    }
                }
                if (only.contains("S2")) {
                    ObjectNode s2 = report.scenario("S2");
                    for (int n : size.moveSizes()) {
                        log("S2: moves in the " + n + "-card group");
                        s2.set(String.valueOf(n), bench.s2(n));
                    }
                }
                if (only.contains("S3")) {
                    log("S3: bulk create " + size.createCounts());
                    report.scenarios().set("S3", bench.s3());
                }
                if (only.contains("S4")) {
                    log("S4: mixed traffic " + size.mixedReps() + " x " + size.mixedSeconds() + " s");
                    report.scenarios().set("S4", bench.s4());
                }
                if (only.contains("S5")) {
                    log("S5: " + size.restarts() + " restarts");
                    report.scenarios().set("S5", bench.s5(first));
                }
                if (only.contains("S6")) {
                    log("S6: web app");
                    try {
                        report.scenarios().set("S6", new WebBench(size, frontend, work, bench).run());
                    } catch (IOException e) {
                        // The report of S1–S5 is still written; the run (and the build's smoke) fails after it.
                        report.scenario("S6").put("failed", e.getMessage());
                        failedScenario = "S6: " + e.getMessage();
                    }
                }
            } finally {
                bench.stop();
                if (!serve) {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                }
            }
        }
        report.meta().put("loadAvgAtEnd", Arrays.toString(Proc.loadAverage()));
        report.meta().put("minutes", Stats.round((System.nanoTime() - t0) / 6e10, 1));
        Files.createDirectories(results);
        Path json = results.resolve(size.name() + "-" + stamp + ".json");
        Path md = results.resolve(size.name() + "-" + stamp + ".md");
        report.write(json, md);
        Files.copy(json, results.resolve("latest-" + size.name() + ".json"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(md, results.resolve("latest-" + size.name() + ".md"), StandardCopyOption.REPLACE_EXISTING);
        log("wrote " + md + " and " + json);
        System.out.println(Files.readString(md));
        if (failedScenario != null) {
            System.err.println("bench: " + failedScenario);
            System.exit(1);
        }
        // The smoke asserts no timings, but a request that fails means the suite (or the app) has rotted.
        var failures = report.failures();
        if (size.name().equals("tiny") && !failures.isEmpty()) {
            System.err.println("bench smoke: failed requests " + failures + " (details in " + json + ")");
            System.exit(1);
        }
    }

    private static void serve(Bench bench, TokenIssuer issuer, Postgres pg) throws InterruptedException {
        System.out.println(
                "app:      " + bench.app().baseUrl() + "  (pid " + bench.app().pid() + ")");
        System.out.println("database: " + pg.jdbcUrl() + "  (user postgres, no password)");
        System.out.println("issuer:   " + issuer.issuer());
        System.out.println("admin token:  " + issuer.admin(Bench.ADMIN));
        System.out.println("member token: " + issuer.user("bench-member-1"));
        System.out.println("groups:   " + bench.groupSlugs());
        System.out.println("Ctrl-C or kill (SIGTERM) this process to stop everything.");
        System.out.flush();
        Object forever = new Object();
        synchronized (forever) {
            forever.wait();
        }
    }

    /** The JVM options operators run the server with: scripts/milepost-server.sh is the one place they are kept. */
    private static List<String> recommendedJvmOptions(Path appJar) throws IOException, InterruptedException {
        String out = Proc.run(
                List.of("bash", "scripts/milepost-server.sh", "--java-options"),
                java.util.Map.of(
                        "MILEPOST_APP_DIR", appJar.toAbsolutePath().getParent().toString()),
                null);
        return new ArrayList<>(Arrays.asList(out.trim().split("\\s+")));
    }

    private static void checkTools(Path appJar) {
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("wrk", "hyperfine", "curl")) {
            if (!Proc.onPath(tool)) {
                missing.add(tool);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Missing tools: " + missing + ". On Debian: apt-get install -y wrk "
                    + "hyperfine curl postgresql (and chromium, nodejs, npm for S6).");
        }
        Postgres.findBinaries();
        if (!Files.exists(appJar)) {
            throw new IllegalStateException("No app at " + appJar + ". Build it first: ./mvnw -B -q -ntp -pl backend "
                    + "package -DskipTests (bench/run.sh does).");
        }
    }

    static String quarkusVersion(String log) {
        Matcher m = Pattern.compile("powered by Quarkus ([\\w.\\-]+)").matcher(log);
        return m.find() ? m.group(1) : "unknown";
    }

    static void log(String message) {
        System.out.println("[bench " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + " load "
                + Proc.loadAverage()[0] + "] " + message);
        System.out.flush();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
