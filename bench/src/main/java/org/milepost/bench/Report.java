package org.milepost.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

/** The results: JSON (everything) and Markdown (the budgets table, then each scenario's figures). */
final class Report {

    private final ObjectNode root = Api.JSON.createObjectNode();
    private final Size size;

    Report(Size size, String label, List<String> jvmOptions) {
        this.size = size;
        ObjectNode meta = root.putObject("meta");
        meta.put("date", ZonedDateTime.now().toString());
        meta.put("size", size.name());
        meta.put("label", label);
        meta.put(
                "git",
                git("rev-parse", "--short", "HEAD")
                        + (git("status", "--porcelain").isBlank() ? "" : " (dirty)"));
        // The app's JDK (the launcher's choice: MILEPOST_JAVA, JAVA_HOME, the PATH), not necessarily the bench's own.
        meta.put("java", AppProcess.javaCommand() + ": " + tool(AppProcess.javaCommand(), "-version"));
        meta.put("jvmOptions", jvmOptions.isEmpty() ? "(none: java -jar defaults)" : String.join(" ", jvmOptions));
        meta.put("cpu", cpuModel());
        meta.put("cores", Runtime.getRuntime().availableProcessors());
        meta.put("memoryGb", memoryGb());
        meta.put("kernel", System.getProperty("os.version"));
        meta.put("wrk", tool("wrk", "--version"));
        meta.put("hyperfine", tool("hyperfine", "--version"));
        root.putObject("scenarios");
    }

    ObjectNode meta() {
        return (ObjectNode) root.get("meta");
    }

    ObjectNode scenarios() {
        return (ObjectNode) root.get("scenarios");
    }

    ObjectNode scenario(String name) {
        return scenarios().has(name)
                ? (ObjectNode) scenarios().get(name)
                : scenarios().putObject(name);
    }

    void write(Path json, Path md) throws IOException {
        ArrayNode rows = budgets();
        smokeVerdicts(rows);
        root.set("budgets", rows);
        Files.writeString(json, Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
        Files.writeString(md, markdown());
    }

    /** Failed requests per scenario part (status ≥ 400, socket errors, timeouts, missing cards): for the smoke. */
    java.util.Map<String, Long> failures() {
        java.util.Map<String, Long> failed = new java.util.LinkedHashMap<>();
        scenarios().fields().forEachRemaining(s -> collect(s.getKey(), s.getValue(), failed));
        return failed;
    }

    private static void collect(String path, JsonNode node, java.util.Map<String, Long> failed) {
        if (!node.isObject() || path.endsWith("repetitions")) {
            return;
        }
        if (node.path("errors").isNumber() && node.get("errors").asLong() > 0) {
            failed.put(path, node.get("errors").asLong());
        }
        node.fields().forEachRemaining(e -> collect(path + "." + e.getKey(), e.getValue(), failed));
    }

    // ------------------------------------------------------------------------------------------------- budgets

    private ArrayNode budgets() {
        ArrayNode b = Api.JSON.createArrayNode();
        JsonNode s = scenarios();
        JsonNode b1000 = s.path("S1").path("1000").path("clients1");
        JsonNode b5000 = s.path("S1").path("5000").path("clients1");
        budget(b, "board, 1,000 cards, 1 client", "p50 ≤ 20 ms", b1000.path("p50Ms"), 20, true, " ms");
        budget(b, "board, 1,000 cards, 1 client", "p99 ≤ 60 ms", b1000.path("p99Ms"), 60, true, " ms");
        budget(b, "board, 5,000 cards, 1 client", "p50 ≤ 80 ms", b5000.path("p50Ms"), 80, true, " ms");
        JsonNode m1 = s.path("S2").path("1000").path("clients1");
        JsonNode m8 = s.path("S2").path("1000").path("clients8");
        budget(b, "move, 1 client (1,000-card group)", "p50 ≤ 5 ms", m1.path("p50Ms"), 5, true, " ms");
        budget(b, "moves, 8 clients (1,000-card group)", "≥ 500 moves/s", m8.path("perSecond"), 500, false, "/s");
        budget(b, "moves, 8 clients", "0 errors", m8.path("errors"), 0, true, "");
        budget(
                b,
                "moves, 8 clients",
                "≤ 2 rows written per move (plus any history row)",
                m8.path("rowsWrittenPerMove").path("besidesHistory"),
                2,
                true,
                "");
        JsonNode s3 = s.path("S3");
        for (String k : List.of("oneByOne1000x1", "oneByOne1000x8", "oneByOne5000x1", "oneByOne5000x8")) {
            String label = "bulk create one by one, "
                    + k.replace("oneByOne", "").replace("x", " cards, ") + " client" + (k.endsWith("x1") ? "" : "s");
            budget(b, label, "≥ 300 cards/s", s3.path(k).path("cardsPerSecond"), 300, false, "/s");
        }
        for (String k : List.of("batch1000", "batch5000")) {
            budget(
                    b,
                    "bulk create batched, " + k.replace("batch", "") + " cards",
                    "≥ 3,000 cards/s",
                    s3.path(k).path("cardsPerSecond"),
                    3000,
                    false,
                    "/s");
        }
        budget(b, "start-up (JVM) to first response", "≤ 2 s", s.path("S5").path("firstResponseMs"), 2000, true, " ms");
        budget(b, "memory after S4", "≤ 300 MB resident", s.path("S4").path("rssAfterMb"), 300, true, " MB");
        JsonNode s6 = s.path("S6");
        budget(b, "web app JavaScript, first page", "≤ 130 KB gzip", s6.path("firstPageJsGzipKb"), 130, true, " KB");
        budget(
                b,
                "1,000-card board interactive",
                "≤ 1 s",
                s6.path("boards").path("1000").path("interactiveMs"),
                1000,
                true,
                " ms");
        budget(
                b,
                "5,000-card board interactive",
                "≤ 2 s",
                s6.path("boards").path("5000").path("interactiveMs"),
                2000,
                true,
                " ms");
        return b;
    }

    private static void budget(
            ArrayNode b, String what, String budget, JsonNode value, double limit, boolean atMost, String unit) {
        ObjectNode row = b.addObject();
        row.put("what", what);
        row.put("budget", budget);
        if (value.isMissingNode() || value.isNull() || !value.isNumber()) {
            row.putNull("measured");
            row.put("verdict", "not measured");
        } else {
            double v = value.asDouble();
            row.put("measured", v);
            row.put("display", fmt(v) + unit);
            row.put("verdict", (atMost ? v <= limit : v >= limit) ? "met" : "MISSED");
        }
    }

    /** A smoke run proves the code paths, not the figures: its verdicts are not budgets' verdicts. */
    private void smokeVerdicts(ArrayNode rows) {
        if (!size.name().equals("tiny")) {
            return;
        }
        for (JsonNode row : rows) {
            if (row.has("display")) {
                ((ObjectNode) row).put("verdict", "(smoke: not judged)");
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ markdown

    private String markdown() {
        StringBuilder md = new StringBuilder();
        JsonNode meta = root.get("meta");
        md.append("# Milepost benchmark — size ").append(size.name()).append("\n\n");
        if (!meta.path("label").asText().isEmpty()) {
            md.append("**").append(meta.get("label").asText()).append("**\n\n");
        }
        md.append("| | |\n|---|---|\n");
        for (String k : List.of(
                "date",
                "git",
                "quarkus",
                "java",
                "jvmOptions",
                "aotTraining",
                "jvmOptionsAfterTraining",
                "appEnv",
                "postgres",
                "cpu",
                "cores",
                "memoryGb",
                "kernel",
                "wrk",
                "hyperfine",
                "loadAvgAtStart",
                "loadAvgAtEnd",
                "minutes")) {
            if (meta.path(k).isMissingNode()) {
                continue;
            }
            md.append("| ")
                    .append(k)
                    .append(" | ")
                    .append(
                            meta.path(k).isContainerNode()
                                    ? meta.path(k).toString()
                                    : meta.path(k).asText())
                    .append(" |\n");
        }
        if (size.name().equals("tiny")) {
            md.append("\nSmoke size: every code path runs; the figures are not comparable with the budgets.\n");
        }
        md.append(
                "\n## Budgets (medians of the repetitions)\n\n| what | budget | measured | verdict |\n|---|---|---|---|\n");
        for (JsonNode r : root.get("budgets")) {
            md.append("| ")
                    .append(r.get("what").asText())
                    .append(" | ")
                    .append(r.get("budget").asText())
                    .append(" | ")
                    .append(r.path("display").asText("—"))
                    .append(" | ")
                    .append(r.get("verdict").asText())
                    .append(" |\n");
        }
        JsonNode s = scenarios();
        if (s.has("S1")) {
            md.append("\n## S1 board load (GET /board with a member's bearer token)\n\n")
                    .append("| cards | body | gzip | SQL/request | 1 client p50 | p90 | p99 | req/s | 4 clients req/s "
                            + "| p99 | 16 clients req/s | p99 | errors | load / other CPU |\n")
                    .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            s.get("S1").fields().forEachRemaining(e -> {
                JsonNode r = e.getValue();
                JsonNode c1 = r.get("clients1");
                JsonNode c4 = r.get("clients4");
                JsonNode c16 = r.get("clients16");
                md.append("| ")
                        .append(e.getKey())
                        .append(" | ")
                        .append(kb(r.get("responseBytes")))
                        .append(" | ")
                        .append(kb(r.get("responseGzipBytes")))
                        .append(" | ")
                        .append(sql(r.get("sqlPerRequest")))
                        .append(" | ")
                        .append(ms(c1, "p50Ms"))
                        .append(" | ")
                        .append(ms(c1, "p90Ms"))
                        .append(" | ")
                        .append(ms(c1, "p99Ms"))
                        .append(" | ")
                        .append(fmt(c1.get("perSecond").asDouble()))
                        .append(" | ")
                        .append(fmt(c4.get("perSecond").asDouble()))
                        .append(" | ")
                        .append(ms(c4, "p99Ms"))
                        .append(" | ")
                        .append(fmt(c16.get("perSecond").asDouble()))
                        .append(" | ")
                        .append(ms(c16, "p99Ms"))
                        .append(" | ")
                        .append(c1.get("errors").asLong()
                                + c4.get("errors").asLong()
                                + c16.get("errors").asLong())
                        .append(" | ")
                        .append(r.get("loadAvg1").asText())
                        .append(" / ")
                        .append(c1.path("otherCores").asText("—"))
                        .append(" |\n");
            });
        }
        if (s.has("S2")) {
            md.append("\n## S2 moves and reorders (POST /cards/{id}/move with the card's current version)\n\n")
                    .append(
                            "| group | clients | p50 | p90 | p99 | moves/s | moves | errors | SQL/move | rows written/move "
                                    + "(statements) | rows written/move (table stats) | load / other CPU |\n")
                    .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            s.get("S2").fields().forEachRemaining(e -> {
                for (String c : List.of("clients1", "clients8")) {
                    JsonNode r = e.getValue().get(c);
                    md.append("| ")
                            .append(e.getKey())
                            .append(" | ")
                            .append(c.replace("clients", ""))
                            .append(" | ")
                            .append(ms(r, "p50Ms"))
                            .append(" | ")
                            .append(ms(r, "p90Ms"))
                            .append(" | ")
                            .append(ms(r, "p99Ms"))
                            .append(" | ")
                            .append(fmt(r.get("perSecond").asDouble()))
                            .append(" | ")
                            .append(r.get("moves").asLong())
                            .append(" | ")
                            .append(r.get("errors").asLong())
                            .append(" | ")
                            .append(sql(r.get("sqlPerMove")))
                            .append(" | ")
                            .append(r.path("sqlPerMove").path("rowsWritten").asText("—"))
                            .append(" | ")
                            .append(r.path("rowsWrittenPerMove").path("total").asText("—"))
                            .append(" | ")
                            .append(e.getValue().get("loadAvg1").asText())
                            .append(" / ")
                            .append(r.path("otherCores").asText("—"))
                            .append(" |\n");
                }
            });
        }
        if (s.has("S3")) {
            JsonNode r = s.get("S3");
            md.append("\n## S3 bulk create through the API (load ")
                    .append(r.get("loadAvg1").asText())
                    .append(")\n\n")
                    .append(
                            "| how | cards/s | time | p50 | p99 | errors | other CPU |\n|---|---|---|---|---|---|---|\n");
            r.fields().forEachRemaining(e -> {
                if (e.getKey().startsWith("oneByOne")) {
                    JsonNode x = e.getValue();
                    md.append("| one by one, ")
                            .append(e.getKey().replace("oneByOne", "").replace("x", " cards, "))
                            .append(" clients | ")
                            .append(fmt(x.get("cardsPerSecond").asDouble()))
                            .append(" | ")
                            .append(x.get("seconds").asText())
                            .append(" s | ")
                            .append(ms(x, "p50Ms"))
                            .append(" | ")
                            .append(ms(x, "p99Ms"))
                            .append(" | ")
                            .append(x.get("errors").asLong())
                            .append(" | ")
                            .append(x.path("otherCores").asText("—"))
                            .append(" |\n");
                } else if (e.getKey().startsWith("batch")) {
                    JsonNode x = e.getValue();
                    md.append("| one batch of ")
                            .append(e.getKey().replace("batch", ""))
                            .append(" (")
                            .append(kb(x.get("requestBytes")))
                            .append(") | ")
                            .append(fmt(x.get("cardsPerSecond").asDouble()))
                            .append(" | ")
                            .append(x.get("medianSeconds").asText())
                            .append(" s | | | 0 | |\n");
                }
            });
        }
        if (s.has("S4")) {
            JsonNode r = s.get("S4");
            md.append("\n## S4 mixed traffic (")
                    .append(r.get("clients").asText())
                    .append(" clients, ")
                    .append(size.mixedReps())
                    .append(" × ")
                    .append(size.mixedSeconds())
                    .append(" s, ")
                    .append(r.get("cards").asText())
                    .append("-card group)\n\n")
                    .append("80% board reads, 10% moves, 5% card edits, meeting reads: ")
                    .append(r.get("meetingReads").asText())
                    .append(".\n\n")
                    .append("| p50 | p99 | req/s | errors | app CPU (cores) | database CPU (cores) | machine CPU busy "
                            + "| GC pauses (count, total, max) | RSS after | load / other CPU |\n"
                            + "|---|---|---|---|---|---|---|---|---|---|\n")
                    .append("| ")
                    .append(ms(r, "p50Ms"))
                    .append(" | ")
                    .append(ms(r, "p99Ms"))
                    .append(" | ")
                    .append(fmt(r.get("perSecond").asDouble()))
                    .append(" | ")
                    .append(r.get("errors").asLong())
                    .append(" | ")
                    .append(r.get("appCpuCores").asText())
                    .append(" | ")
                    .append(r.path("dbCpuCores").asText())
                    .append(" | ")
                    .append(r.get("machineCpuBusyPercent").asText())
                    .append("% | ")
                    .append(r.get("gcPauses").asText())
                    .append(", ")
                    .append(r.get("gcPauseTotalMs").asText())
                    .append(" ms, ")
                    .append(r.get("gcPauseMaxMs").asText())
                    .append(" ms | ")
                    .append(r.get("rssAfterMb").asText())
                    .append(" MB | ")
                    .append(r.get("loadAvg1").asText())
                    .append(" / ")
                    .append(r.path("otherCores").asText("—"))
                    .append(" |\n");
        }
        if (s.has("S5")) {
            JsonNode r = s.get("S5");
            JsonNode f = r.get("firstLaunch");
            md.append("\n## S5 start-up (launch → first successful GET /api/groups)\n\n")
                    .append("| | first response | Quarkus \"started in\" | RSS idle | load |\n|---|---|---|---|---|\n")
                    .append("| first launch (empty database, migrations) | ")
                    .append(f.get("firstResponseMs").asText())
                    .append(" ms | ")
                    .append(f.get("quarkusStartedInMs").asText())
                    .append(" ms | ")
                    .append(f.get("rssIdleMb").asText())
                    .append(" MB | ")
                    .append(f.get("loadAvg1").asText())
                    .append(" |\n")
                    .append("| restarts, median of ")
                    .append(r.get("restarts").size())
                    .append(" | ")
                    .append(r.get("firstResponseMs").asText())
                    .append(" ms | ")
                    .append(r.get("quarkusStartedInMs").asText())
                    .append(" ms | ")
                    .append(r.get("rssIdleMb").asText())
                    .append(" MB | ")
                    .append(r.get("loadAvg1").asText())
                    .append(" |\n");
            if (s.has("S4")) {
                md.append("\nRSS after S4: ")
                        .append(s.get("S4").get("rssAfterMb").asText())
                        .append(" MB (each second of the next five: ")
                        .append(s.get("S4").path("rssNext5sMb").toString())
                        .append(" MB).\n");
            }
        }
        if (s.has("S6")) {
            JsonNode r = s.get("S6");
            md.append("\n## S6 web app\n\n");
            if (r.has("failed")) {
                md.append("**Failed**: ").append(r.get("failed").asText()).append("\n");
            }
            if (r.has("pending")) {
                md.append("Pending: ").append(r.get("pending").asText()).append("\n");
            }
            if (r.has("firstPageJsGzipKb")) {
                md.append("\nJavaScript of the first page: ")
                        .append(r.get("firstPageJsGzipKb").asText())
                        .append(" KB gzip (all JS: ")
                        .append(r.path("allJsGzipKb").asText())
                        .append(" KB gzip).\n");
            }
            if (r.has("boards")) {
                md.append("\n| board | interactive | drop → settled | load |\n|---|---|---|---|\n");
                r.get("boards").fields().forEachRemaining(e -> md.append("| ")
                        .append(e.getKey())
                        .append(" cards | ")
                        .append(e.getValue().path("interactiveMs").asText("—"))
                        .append(" ms | ")
                        .append(e.getValue().path("dropToSettledMs").asText("—"))
                        .append(" ms | ")
                        .append(e.getValue().path("loadAvg1").asText())
                        .append(" |\n"));
            }
            if (r.has("note")) {
                md.append("\n").append(r.get("note").asText()).append("\n");
            }
        }
        md.append("\n\"load\" is the 1-minute load average when the scenario started; \"other CPU\" the cores used "
                + "by processes other than the app, its database and the bench (the load tool included) during the "
                + "measured repetitions (median): near 0 means a quiet machine.\n");
        md.append("\nLatencies are wrk's (request written → response read, 127.0.0.1, keep-alive); SQL/request "
                + "counts SELECT/INSERT/UPDATE/DELETE statements from pg_stat_statements (BEGIN/COMMIT/SET not "
                + "counted); rows written from pg_stat_statements rows and from pg_stat_user_tables deltas.\n");
        return md.toString();
    }

    private static String ms(JsonNode r, String field) {
        return r.path(field).isMissingNode() ? "—" : fmt(r.get(field).asDouble()) + " ms";
    }

    private static String sql(JsonNode r) {
        if (r == null || r.isMissingNode()) {
            return "—";
        }
        StringBuilder b = new StringBuilder(fmt(r.get("total").asDouble()));
        b.append(" (");
        boolean first = true;
        for (String k : List.of("select", "insert", "update", "delete")) {
            double v = r.path(k).asDouble();
            if (v > 0) {
                b.append(first ? "" : ", ").append(fmt(v)).append(' ').append(k);
                first = false;
            }
        }
        return b.append(")").toString();
    }

    private static String kb(JsonNode bytes) {
        return fmt(bytes.asDouble() / 1024) + " KB";
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.0f" : Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
    }

    private static String git(String... args) {
        try {
            List<String> cmd = new java.util.ArrayList<>(List.of("git"));
            cmd.addAll(List.of(args));
            return Proc.run(cmd).trim();
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }

    /** The first line a tool prints about itself (wrk --version exits with 1, so the exit code is ignored). */
    private static String tool(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor();
            return out.lines().findFirst().orElse("").trim();
        } catch (IOException | InterruptedException e) {
            return "not installed";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long memoryGb() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal"))
                    .findFirst()
                    .map(l -> Math.round(Long.parseLong(l.replaceAll("\\D", "")) / 1048576.0))
                    .orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }
}
