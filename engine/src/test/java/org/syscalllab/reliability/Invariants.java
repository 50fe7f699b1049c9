package org.syscalllab.reliability;

import java.util.HashMap;
import java.util.Map;
import org.syscalllab.experiment.Result;
import tech.tablesaw.api.Row;

/**
 * Mechanism invariants that can be read off any result's tidy rows, by the contract's metric names: shares and
 * utilisations stay within 0–100 %, times, counts and rates are never negative (an improvement may exceed 100 %: a throughput gain),
 * and a closed queue obeys Little's law (demo.mm1: number in system = arrival rate × response time, the arrival rate
 * being utilisation / mean service time).
 */
final class Invariants {
    /** Little's law holds on a sample path up to the customers in the system at the ends of the measurement. */
    static final double LITTLE_TOLERANCE = 0.25;
    /** Below this many measured customers the end effects dominate and Little's law is not checked. */
    static final long LITTLE_MIN_CUSTOMERS = 2000;

    private Invariants() { }

    /** Throws AssertionError naming the row and the spec when an invariant fails. */
    static void check(Result r, String spec) {
        Map<String, Map<String, Double>> byPoint = new HashMap<>();
        for (Row row : r.table()) {
            String metric = row.getString("metric");
            double v = row.getDouble("value");
            String where = row.getString("series") + "@" + row.getString("x") + "@" + metric + " = " + v + " in " + spec;
            if (metric.equals("utilisation") && (v < -1e-9 || v > 1 + 1e-9)) fail("utilisation outside [0, 1]: " + where);
            if ((metric.equals("idle_pct") || metric.equals("spin_pct")) && (v < -1e-9 || v > 100 + 1e-9)) {
                fail("share outside [0, 100] %: " + where);
            }
            if (nonNegative(metric) && v < 0) fail("negative " + metric + ": " + where);
            byPoint.computeIfAbsent(row.getString("series") + "@" + row.getString("x"), k -> new HashMap<>()).put(metric, v);
        }
        if (r.experiment().equals("demo.mm1") && r.config().getLong("customers") >= LITTLE_MIN_CUSTOMERS) {
            for (Map.Entry<String, Map<String, Double>> e : byPoint.entrySet()) littlesLaw(e.getKey(), e.getValue(), spec);
        }
    }

    private static void littlesLaw(String point, Map<String, Double> m, String spec) {
        double w = m.get("mean_response_cycles"), wq = m.get("mean_wait_cycles"), l = m.get("mean_number_in_system"),
                u = m.get("utilisation");
        double service = w - wq;
        if (!(service > 0)) fail("mean service time " + service + " is not positive at " + point + " in " + spec);
        double predicted = u / service * w;
        if (Math.abs(l - predicted) > LITTLE_TOLERANCE * Math.max(predicted, 0.05)) {
            fail("Little's law: number in system " + l + " but arrival rate × response time = " + predicted + " at "
                    + point + " in " + spec);
        }
    }

    /** Metrics that are amounts of time, work, rate or count (savings and differences, which may be negative, are not). */
    private static final java.util.Set<String> AMOUNTS = java.util.Set.of("elapsed_s", "user_s", "system_s", "cpu_time_s",
            "latency_ms", "processing_ms", "throughput_rps", "time_ns_per_call", "cycles_per_call", "fps",
            "kernel_crossings", "user_ipc", "kernel_ipc", "mean_wait_cycles", "mean_response_cycles",
            "mean_number_in_system");

    private static boolean nonNegative(String metric) {
        return AMOUNTS.contains(metric) || metric.startsWith("evicted_lines_") || metric.startsWith("mpki_");
    }

    private static void fail(String message) {
        throw new AssertionError(message);
    }
}
