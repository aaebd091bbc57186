package org.milepost.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The production jar ({@code java -jar backend/target/quarkus-app/quarkus-run.jar}) as an operator runs it: the
 * datasource and the identity provider come from environment variables. The JVM writes its GC log (pauses) to a
 * file so S4 can report GC pauses.
 */
final class AppProcess implements AutoCloseable {

    private static final Pattern GC_PAUSE = Pattern.compile("^\\[(\\d+)ms\\].*\\bPause\\b.* (\\d+(?:\\.\\d+)?)ms$");

    private final Process process;
    private final int port;
    private final Path log;
    private final Path gcLog;
    /** Launch to first successful API response. */
    private final double startMillis;

    private AppProcess(Process process, int port, Path log, Path gcLog, double startMillis) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.gcLog = gcLog;
        this.startMillis = startMillis;
    }

    /** The java the app runs on, chosen as scripts/milepost-server.sh chooses it: MILEPOST_JAVA, JAVA_HOME, PATH. */
    static String javaCommand() {
        String chosen = System.getenv("MILEPOST_JAVA");
        if (chosen != null && !chosen.isBlank()) {
            return chosen;
        }
        String home = System.getenv("JAVA_HOME");
        return home != null && !home.isBlank() ? home + "/bin/java" : "java";
    }

    /**
     * Launches the jar and waits for {@code GET /api/groups} to answer 200: the first successful API response
     * (the database is migrated and the identity provider discovered by then).
     */
    static AppProcess launch(Path jar, List<String> jvmOptions, Map<String, String> env, Path workDir, String name)
            throws IOException, InterruptedException {
        int port = Postgres.freePort();
        Files.createDirectories(workDir);
        Path log = workDir.resolve(name + ".log");
        Path gcLog = workDir.resolve(name + "-gc.log");
        String gcOption = "-Xlog:gc:file=" + gcLog + ":uptimemillis";
        Map<String, String> environment = new HashMap<>(env);
        List<String> cmd = new ArrayList<>();
        if (jvmOptions == null) {
            // As operators run it: the launcher picks the JVM options and environment, then execs java (same pid).
            cmd.addAll(List.of(
                    "bash",
                    Path.of("scripts/milepost-server.sh").toAbsolutePath().toString()));
            environment.put("MILEPOST_APP_DIR", jar.toAbsolutePath().getParent().toString());
            // Added to what the caller's environment already asks for (experiments: --app-env
            // MILEPOST_EXTRA_JAVA_OPTS=…), not instead of it.
            String extra =
                    environment.getOrDefault("MILEPOST_EXTRA_JAVA_OPTS", System.getenv("MILEPOST_EXTRA_JAVA_OPTS"));
            environment.put(
                    "MILEPOST_EXTRA_JAVA_OPTS", extra == null || extra.isBlank() ? gcOption : extra + " " + gcOption);
        } else {
            cmd.add(javaCommand());
            cmd.addAll(jvmOptions);
            cmd.add(gcOption);
            cmd.addAll(List.of("-jar", jar.toString()));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        pb.environment().putAll(environment);

        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/groups?size=1"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        long t0 = System.nanoTime();
        Process p = pb.start();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try {
                HttpResponse<Void> r = http.send(probe, HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!p.isAlive()) {
                throw new IOException("The app exited with " + p.exitValue() + " during start-up:\n"
                        + Proc.tail(Files.readString(log), 4000));
            }
            if (System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IOException(
                        "The app did not answer within 120 s:\n" + Proc.tail(Files.readString(log), 4000));
            }
            Thread.sleep(5);
        }
        double millis = (System.nanoTime() - t0) / 1e6;
        return new AppProcess(p, port, log, gcLog, millis);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    double startMillis() {
        return startMillis;
    }

    /** "started in 0.812s" as Quarkus logged it, in milliseconds; -1 when not found. */
    double quarkusReportedStartMillis() throws IOException {
        Matcher m = Pattern.compile("started in (\\d+\\.\\d+)s").matcher(Files.readString(log));
        return m.find() ? Double.parseDouble(m.group(1)) * 1000 : -1;
    }

    long rss() throws IOException {
        return Proc.rssBytes(process.pid());
    }

    long cpuTicks() throws IOException {
        return Proc.cpuTicks(process.pid());
    }

    /** JVM uptime in ms according to the GC log's clock is the same as the process's: GC pauses in a window. */
    List<double[]> gcPauses() throws IOException {
        List<double[]> pauses = new ArrayList<>();
        if (!Files.exists(gcLog)) {
            return pauses;
        }
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_PAUSE.matcher(line.strip());
            if (m.find()) {
                pauses.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
            }
        }
        return pauses;
    }

    /** Milliseconds since the JVM started (approximately: since launch), for windowing the GC log. */
    double uptimeMillisApprox() {
        return process.info()
                .startInstant()
                .map(s -> (double) Duration.between(s, java.time.Instant.now()).toMillis())
                .orElse(-1.0);
    }

    String logText() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
