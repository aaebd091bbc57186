package org.milepost.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs tools (wrk, hyperfine, pg_ctl, node) and reads /proc for a process's CPU time and memory. */
final class Proc {

    private Proc() {}

    /** Runs a command to its end; its output (stdout and stderr together), or an exception naming it. */
    static String run(List<String> command) throws IOException, InterruptedException {
        return run(command, Map.of(), null);
    }

    static String run(List<String> command, Map<String, String> env, Path dir)
            throws IOException, InterruptedException {
        return run(command, env, dir, DEFAULT_TIMEOUT);
    }

    /** No tool of the suite runs this long; one that does is stuck and is stopped, so the run fails instead of hanging. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(20);

    /**
     * Runs a command to its end, or stops it (and its children) after {@code timeout} and throws. Output goes to a
     * file, not a pipe, so waiting for the timeout is not blocked by reading.
     */
    static String run(List<String> command, Map<String, String> env, Path dir, Duration timeout)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("milepost-bench-", ".log");
        try {
            ProcessBuilder pb =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(env);
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor();
                throw new IOException("`" + String.join(" ", command) + "` did not finish within " + timeout
                        + " and was stopped:\n" + tail(Files.readString(log, StandardCharsets.UTF_8), 4000));
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IOException(
                        "`" + String.join(" ", command) + "` exited with " + p.exitValue() + ":\n" + tail(out, 4000));
            }
            return out;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Resident set size in bytes (VmRSS). */
    static long rssBytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return -1;
    }

    /** CPU time (user + system) the process has used so far, in clock ticks (normally 1/100 s). */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
    }

    static final double TICKS_PER_SECOND = 100.0;

    /** The 1-, 5- and 15-minute load averages. */
    static double[] loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
        } catch (IOException e) {
            return new double[] {-1, -1, -1};
        }
    }

    static String tail(String s, int max) {
        return s.length() <= max ? s : "…" + s.substring(s.length() - max);
    }
}
