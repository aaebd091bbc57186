package org.milepost.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The load tools: wrk (HTTP load with Lua scripts) and hyperfine (timing whole commands), and their data files. */
final class Tools {

    private final Path luaDir;
    private final Path work;
    private int runs;

    Tools(Path luaDir, Path work) {
        this.luaDir = luaDir;
        this.work = work;
    }

    /**
     * Runs {@code wrk} with one of the scripts in bench/lua and returns the summary the script wrote: requests,
     * durationUs, bytes, errors, latencyUs {min, mean, stdev, max, p50, p75, p90, p99, p999}, counters.
     */
    JsonNode wrk(String script, String baseUrl, int threads, int connections, int seconds, Object data)
            throws IOException, InterruptedException {
        return wrk(script, baseUrl, threads, connections, seconds, data, false);
    }

    /**
     * As {@link #wrk(String, String, int, int, int, Object)}; with {@code untilDone}, the script's threads drop a
     * marker file ({@code BENCH_OUT.done<tid>}) when they have finished their work, and wrk is interrupted as soon as
     * every thread has, instead of running for {@code seconds}.
     */
    JsonNode wrk(
            String script, String baseUrl, int threads, int connections, int seconds, Object data, boolean untilDone)
            throws IOException, InterruptedException {
        int n = ++runs;
        Path dataFile = work.resolve("wrk-" + n + "-data.lua");
        Path out = work.resolve("wrk-" + n + "-out.json");
        Files.writeString(dataFile, "return " + lua(data) + "\n");
        List<String> cmd = List.of(
                "wrk",
                "-t",
                String.valueOf(threads),
                "-c",
                String.valueOf(connections),
                "-d",
                seconds + "s",
                "--timeout",
                "30s",
                "-s",
                luaDir.resolve(script).toString(),
                baseUrl);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment()
                .putAll(Map.of(
                        "BENCH_DATA",
                        dataFile.toString(),
                        "BENCH_OUT",
                        out.toString(),
                        "BENCH_LUA",
                        luaDir.toString()));
        Path log = work.resolve("wrk-" + n + ".log");
        Process p = pb.redirectOutput(log.toFile()).start();
        if (untilDone) {
            while (p.isAlive()) {
                int done = 0;
                for (int t = 1; t <= threads; t++) {
                    done += Files.exists(Path.of(out + ".done" + t)) ? 1 : 0;
                }
                if (done == threads) {
                    Proc.run(List.of("kill", "-INT", String.valueOf(p.pid())));
                    break;
                }
                Thread.sleep(2);
            }
        }
        int rc = p.waitFor();
        String output = Files.readString(log);
        if (rc != 0) {
            throw new IOException("wrk exited with " + rc + ":\n" + Proc.tail(output, 4000));
        }
        if (!Files.exists(out)) {
            throw new IOException("wrk wrote no summary:\n" + output);
        }
        JsonNode summary = Api.JSON.readTree(out.toFile());
        if (summary.path("requests").asLong() == 0) {
            // A run in which not one request completed measured nothing: the app stopped answering (it ran out of
            // memory once under --jvm-opts -Xmx128m). Never let that read as "0 ms, 0 errors".
            throw new IOException("wrk completed no request in " + seconds + " s against " + baseUrl
                    + ": the app is not answering (see its log in the run's tmp folder)\n" + Proc.tail(output, 2000));
        }
        Files.deleteIfExists(dataFile);
        return summary;
    }

    /** Runs hyperfine and returns its JSON export's first result (mean, stddev, median, min, max, times[] in s). */
    JsonNode hyperfine(String command, String prepare, int warmup, int runs) throws IOException, InterruptedException {
        Path out = work.resolve("hyperfine-" + (++this.runs) + ".json");
        List<String> cmd = new ArrayList<>(List.of(
                "hyperfine",
                "--style",
                "none",
                "--export-json",
                out.toString(),
                "--warmup",
                String.valueOf(warmup),
                "--runs",
                String.valueOf(runs)));
        if (prepare != null) {
            cmd.addAll(List.of("--prepare", prepare));
        }
        cmd.add(command);
        Proc.run(cmd);
        return Api.JSON.readTree(out.toFile()).get("results").get(0);
    }

    /** A Java value as a Lua literal: maps become tables with string keys, lists become arrays. */
    static String lua(Object v) {
        StringBuilder b = new StringBuilder();
        lua(v, b);
        return b.toString();
    }

    private static void lua(Object v, StringBuilder b) {
        if (v == null) {
            b.append("nil");
        } else if (v instanceof String s) {
            b.append('"');
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    default -> b.append(c);
                }
            }
            b.append('"');
        } else if (v instanceof Number || v instanceof Boolean) {
            b.append(v);
        } else if (v instanceof Map<?, ?> m) {
            b.append('{');
            for (Map.Entry<?, ?> e : m.entrySet()) {
                b.append("[");
                lua(String.valueOf(e.getKey()), b);
                b.append("]=");
                lua(e.getValue(), b);
                b.append(',');
            }
            b.append('}');
        } else if (v instanceof Iterable<?> list) {
            b.append('{');
            for (Object o : list) {
                lua(o, b);
                b.append(',');
            }
            b.append('}');
        } else {
            throw new IllegalArgumentException("no Lua form for " + v.getClass());
        }
    }
}
