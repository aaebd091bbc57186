package org.milepost.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * S6: the web app. Builds frontend/ for production, sums the gzip size of the JavaScript the first page loads, and
 * times boards in headless Chromium with bench/web/s6.mjs (see there for what "interactive" and "settled" mean and
 * the page contract it relies on). The same harness also runs on bench/web/fixture, a plain-DOM board that is not
 * the web app: in the smoke it proves the harness works, in the full run it is the browser's floor.
 */
final class WebBench {

    private static final Path HARNESS = Path.of("bench/web");

    private final Size size;
    private final Path frontend;
    private final Path work;
    private final Bench bench;

    WebBench(Size size, Path frontend, Path work, Bench bench) {
        this.size = size;
        this.frontend = frontend;
        this.work = work;
        this.bench = bench;
    }

    ObjectNode run() throws IOException, InterruptedException {
        ObjectNode r = Api.JSON.createObjectNode();
        r.put("loadAvg1", Proc.loadAverage()[0]);
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("node", "npm")) {
            if (!Proc.onPath(tool)) {
                missing.add(tool);
            }
        }
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        if (!Files.isExecutable(Path.of(chromium))) {
            missing.add("chromium");
        }
        if (!missing.isEmpty()) {
            r.put("pending", "missing " + missing + " (Debian: apt-get install -y chromium nodejs npm)");
            return r;
        }
        if (!Files.isDirectory(HARNESS.resolve("node_modules"))) {
            Proc.run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), Map.of(), HARNESS);
        }

        if (!Files.exists(frontend.resolve("package.json"))) {
            r.put("pending", "no web app in this checkout (frontend/package.json is missing)");
        } else {
            // A web app that does not build, or no longer meets the harness's contract, fails the run (and the
            // build's smoke): S6 must not silently stop measuring.
            if (!Files.isDirectory(frontend.resolve("node_modules"))) {
                Proc.run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), Map.of(), frontend);
            }
            Proc.run(List.of("npm", "run", "build"), Map.of(), frontend);
            javascriptSize(frontend.resolve("dist"), r);
            JsonNode boards = harness(frontend.resolve("dist"), size.webSizes());
            if (boards.has("error")) {
                throw new IOException("S6: the web app's board could not be timed: "
                        + boards.get("error").asText()
                        + " (the harness needs data-card-id on cards and data-column on columns at /groups/{slug})");
            }
            r.set("boards", boards.get("boards"));
            r.put("chromium", boards.path("chromium").asText());
        }
        JsonNode fixture = harness(HARNESS.resolve("fixture"), size.webSizes());
        if (fixture.has("error")) {
            throw new IOException("S6 harness failed on its own fixture board: "
                    + fixture.get("error").asText());
        }
        r.set("fixture", fixture);
        r.put("note", "Harness check on bench/web/fixture (a plain-DOM board, not the web app): " + describe(fixture));
        return r;
    }

    /** The first page's JavaScript: the scripts and module preloads index.html names, gzip -9. Also all JS. */
    static void javascriptSize(Path dist, ObjectNode r) throws IOException {
        String index = Files.readString(dist.resolve("index.html"));
        Set<String> first = new LinkedHashSet<>();
        Matcher m = Pattern.compile(
                        "<(?:script[^>]*\\ssrc|link[^>]*rel=\"modulepreload\"[^>]*\\shref)=\"([^\"]+\\.m?js)\"")
                .matcher(index);
        while (m.find()) {
            first.add(m.group(1).replaceFirst("^/", ""));
        }
        long firstBytes = 0;
        long firstGzip = 0;
        for (String f : first) {
            byte[] b = Files.readAllBytes(dist.resolve(f));
            firstBytes += b.length;
            firstGzip += gzip9(b);
        }
        long allGzip = 0;
        try (Stream<Path> files = Files.walk(dist)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                allGzip += gzip9(Files.readAllBytes(p));
            }
        }
        r.putPOJO("firstPageScripts", first);
        r.put("firstPageJsKb", Stats.round(firstBytes / 1024.0, 1));
        r.put("firstPageJsGzipKb", Stats.round(firstGzip / 1024.0, 1));
        r.put("allJsGzipKb", Stats.round(allGzip / 1024.0, 1));
    }

    private JsonNode harness(Path dist, List<Integer> sizes) throws IOException, InterruptedException {
        List<Map<String, Object>> boards = new ArrayList<>();
        for (int n : sizes) {
            Generator.Group g = bench.group(n);
            if (g != null) {
                boards.add(Map.of("slug", g.slug(), "cards", n));
            }
        }
        Path out = work.resolve("s6-" + dist.getFileName() + ".json");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("S6_DIST", dist.toAbsolutePath().toString());
        env.put("S6_API", bench.app().baseUrl());
        env.put("S6_BOARDS", Api.JSON.writeValueAsString(boards));
        env.put("S6_TOKEN", bench.clientTokens(bench.group(sizes.get(0))).get(0));
        env.put("S6_OUT", out.toString());
        env.put("S6_RUNS", String.valueOf(size.name().equals("full") ? 5 : 1));
        Proc.run(
                List.of("node", HARNESS.resolve("s6.mjs").toAbsolutePath().toString()),
                env,
                null,
                Duration.ofMinutes(10));
        return Api.JSON.readTree(out.toFile());
    }

    private static String describe(JsonNode fixture) {
        if (fixture.has("error")) {
            return "FAILED: " + fixture.get("error").asText();
        }
        StringBuilder b = new StringBuilder();
        fixture.path("boards").fields().forEachRemaining(e -> b.append(b.isEmpty() ? "" : "; ")
                .append(e.getKey())
                .append(" cards interactive in ")
                .append(e.getValue().get("interactiveMs").asText())
                .append(" ms, drop → settled ")
                .append(e.getValue().get("dropToSettledMs").asText())
                .append(" ms"));
        return b.append(" (")
                .append(fixture.path("chromium").asText())
                .append(")")
                .toString();
    }

    private static long gzip9(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            z.write(bytes);
        }
        return out.size();
    }
}
