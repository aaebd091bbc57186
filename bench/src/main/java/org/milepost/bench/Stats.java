package org.milepost.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Medians over repetitions, and the few numbers taken from a wrk summary. */
final class Stats {

    private Stats() {}

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static double median(List<JsonNode> reps, ToDoubleFunction<JsonNode> f) {
        List<Double> values = new ArrayList<>();
        for (JsonNode r : reps) {
            values.add(f.applyAsDouble(r));
        }
        return median(values);
    }

    /** A compact record of one wrk repetition: latencies in ms, requests/s, errors. */
    static ObjectNode rep(JsonNode wrk) {
        ObjectNode r = Api.JSON.createObjectNode();
        JsonNode l = wrk.get("latencyUs");
        double seconds = wrk.get("durationUs").asDouble() / 1e6;
        r.put("requests", wrk.get("requests").asLong());
        r.put("seconds", round(seconds, 2));
        r.put("perSecond", round(wrk.get("requests").asDouble() / seconds, 1));
        r.put("p50Ms", round(l.get("p50").asDouble() / 1000, 2));
        r.put("p90Ms", round(l.get("p90").asDouble() / 1000, 2));
        r.put("p99Ms", round(l.get("p99").asDouble() / 1000, 2));
        r.put("maxMs", round(l.get("max").asDouble() / 1000, 2));
        r.put("errors", errors(wrk));
        r.set("counters", wrk.get("counters"));
        r.put("loadAvg1", Proc.loadAverage()[0]);
        return r;
    }

    /** Socket errors, timeouts and HTTP statuses of 400 and above. */
    static long errors(JsonNode wrk) {
        long n = 0;
        for (JsonNode e : wrk.get("errors")) {
            n += e.asLong();
        }
        return n;
    }

    /** Medians of the per-repetition figures, plus the repetitions themselves. */
    static ObjectNode summary(List<JsonNode> reps) {
        ObjectNode s = Api.JSON.createObjectNode();
        s.put("p50Ms", round(median(reps, r -> r.get("p50Ms").asDouble()), 2));
        s.put("p90Ms", round(median(reps, r -> r.get("p90Ms").asDouble()), 2));
        s.put("p99Ms", round(median(reps, r -> r.get("p99Ms").asDouble()), 2));
        s.put("perSecond", round(median(reps, r -> r.get("perSecond").asDouble()), 1));
        long errors = 0;
        long requests = 0;
        for (JsonNode r : reps) {
            errors += r.get("errors").asLong();
            requests += r.get("requests").asLong();
        }
        if (reps.get(0).has("appCpuMsPerRequest")) {
            s.put(
                    "appCpuMsPerRequest",
                    round(median(reps, r -> r.get("appCpuMsPerRequest").asDouble()), 3));
            s.put(
                    "dbCpuMsPerRequest",
                    round(median(reps, r -> r.get("dbCpuMsPerRequest").asDouble()), 3));
        }
        if (reps.get(0).has("otherCores")) {
            s.put("otherCores", round(median(reps, r -> r.get("otherCores").asDouble()), 2));
        }
        s.put("requests", requests);
        s.put("errors", errors);
        ArrayNode all = s.putArray("repetitions");
        reps.forEach(all::add);
        return s;
    }

    static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}
