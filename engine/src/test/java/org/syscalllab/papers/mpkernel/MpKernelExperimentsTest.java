package org.syscalllab.papers.mpkernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.experiment.TidyRows;

/** The Kågström experiments on small inputs: behaviour that could fail, and determinism across thread counts. */
class MpKernelExperimentsTest {

    static String run(Experiment e, Map<String, ?> overrides, int threads) {
        Params p = Params.resolve(e.parameters(), overrides);
        TidyRows rows = new TidyRows(e.id());
        e.run(p, new RunContext(7, threads, null), rows);
        return rows.toTable().printAll();
    }

    static double value(Experiment e, Map<String, ?> overrides, String series, String x, String metric) {
        Params p = Params.resolve(e.parameters(), overrides);
        TidyRows rows = new TidyRows(e.id());
        e.run(p, new RunContext(7, 1, null), rows);
        var t = rows.toTable();
        for (int i = 0; i < t.rowCount(); i++) {
            if (t.stringColumn("series").get(i).equals(series) && t.stringColumn("x").get(i).equals(x)
                    && t.stringColumn("metric").get(i).equals(metric)) return t.doubleColumn("value").get(i);
        }
        throw new AssertionError("no row " + series + "@" + x + "@" + metric);
    }

    static final Map<String, Object> SMALL_31 = Map.of("benchmark_user_mcycles", 20.0, "system_threads", 4);

    @Test
    void giantLockSpinsOnlyOnSmpAndStaysBelowTheIdealSpeedup() {
        var e = new InHouseGiantLock();
        assertEquals(0, value(e, SMALL_31, "giant", "1", "spin_pct"), 1e-9);
        assertTrue(value(e, SMALL_31, "giant", "2", "spin_pct") > 5);
        double s = value(e, SMALL_31, "giant", "2", "speedup");
        assertTrue(s > 1 && s < 1.9, "giant-lock speedup " + s);
        assertTrue(value(e, Map.of("benchmark_user_mcycles", 20.0, "system_threads", 4, "granularity", "fine"), "fine", "2", "speedup") > s);
    }

    @Test
    void forwardingMakesGetpidSeveralTimesDearer() {
        var e = new GetpidLatency();
        Map<String, Object> small = Map.of("calls", 50L);
        assertEquals(74, value(e, small, "linux_smp", "simics", "cycles_per_call"), 10, "entry, getpid and exit: 74 instructions, plus start-up");
        assertTrue(value(e, small, "derived", "simics", "latency_ratio") > 5);
        double local = value(e, Map.of("calls", 50L, "local_getpid", true), "app_kernel", "simics", "cycles_per_call");
        assertTrue(local < 400, "getpid handled in the application kernel avoids the bootstrap processor: " + local);
    }

    @Test
    void designSpaceOrdersTheOrganisations() {
        var e = new DesignSpace();
        Map<String, Object> small = Map.of("cpus", "1,4", "processes", 8, "calls", 40);
        double giant = value(e, small, "giant", "4", "speedup");
        double sub = value(e, small, "subsystem", "4", "speedup");
        double fine = value(e, small, "fine", "4", "speedup");
        assertTrue(giant < sub && sub < fine, giant + " < " + sub + " < " + fine);
        assertTrue(giant < 2.2, "a giant lock caps a half-kernel workload near 1/0.5 = 2: " + giant);
    }

    @Test
    void postmarkOnTheGiantLockDoesNotScaleAndOnLinux26Does() {
        var e = new Postmark();
        Map<String, Object> small = Map.of("cpus", "1,4", "transactions", 60, "files", 10, "versions", "linux_2_0,linux_2_6");
        assertTrue(value(e, small, "linux_2_0_self", "4", "speedup") < 1.3);
        assertTrue(value(e, small, "linux_2_6_self", "4", "speedup") > 2.5);
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        var e = new Postmark();
        Map<String, Object> small = Map.of("cpus", "1,2,3", "transactions", 30, "files", 5, "versions", "linux_2_4");
        assertEquals(run(e, small, 1), run(e, small, 2));
    }

    @Test
    void splashPhasesShareTheParallelWorkByTheirWeights() {
        Programs.Splash radix = Programs.radix();
        double perThread = 0;
        for (int i = 0; i < radix.phases(); i++) perThread += radix.threadWork(i);
        assertEquals(radix.parallelUser() / (double) radix.threads(), perThread, 1e-3);
        assertTrue(radix.threadWork(0) > 5 * radix.threadWork(5), "key generation is the long phase");
        assertEquals(0, radix.threadWork(1), 1e-12);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Programs.Splash("x", 8, 0, 0, 1, 0, java.util.List.of(0.0)));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Programs.Splash("x", 8, 0, 0, 1, 0, java.util.List.of(1.0, -1.0)));
    }
}
