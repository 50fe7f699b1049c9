package org.syscalllab.papers.clustercalls;

import java.util.ArrayList;
import java.util.List;
import org.syscalllab.mech.CallCost;
import org.syscalllab.mech.CallRequest;
import org.syscalllab.mech.ClusterCallCosts;
import org.syscalllab.mech.ClusterCallPoolSpec;
import org.syscalllab.mech.ClusterCallWaitMode;
import org.syscalllab.mech.CostModel;
import org.syscalllab.mech.SyncTrap;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.sim.Simulation;

/**
 * The overhead benchmark of §6.3.1: the measuring thread (bound to core 1, highest priority) fills the request stack
 * with n {@code NtNoOperation} calls, reads the time stamp counter, issues one cluster call (WaitAll), reads it again,
 * and divides by n. The traditional interface runs the same n calls back to back with a trap each. Only the pool's
 * worker count, concurrency and affinity change between the five scenarios.
 */
final class OverheadBenchmark {
    /** {@code NtNoOperation}: a mov and a ret; its own cost is negligible (§6.3.1). */
    static final int NO_OPERATION = 0;
    /** The measuring thread's core (§6.3.1: always the first core). */
    static final int CLIENT_CORE = 1;

    /** The five pool configurations of Figs 6.1/6.2 (thesis cores are 1-based). */
    enum Scenario {
        SAME_CORE("cluster_same_core", "Same core", 1, List.of(1)),
        DIFFERENT_CORE("cluster_remote", "Different core", 1, List.of(2)),
        SAME_AND_DIFFERENT("cluster_same_and_remote", "Same and different core", 2, List.of(1, 2)),
        TWO_REMOTE("cluster_remote_2core", "Two different cores", 2, List.of(2, 3)),
        THREE_REMOTE("cluster_remote_3core", "Three different cores", 3, List.of(2, 3, 4));

        final String series;
        final String label;
        final int workers;
        final List<Integer> cores;

        Scenario(String series, String label, int workers, List<Integer> cores) {
            this.series = series;
            this.label = label;
            this.workers = workers;
            this.cores = cores;
        }

        /** Workers = concurrency, one per core of the affinity mask; WaitAll; highest priority. */
        ClusterCallPoolSpec pool() {
            return ClusterCallPoolSpec.of(workers, cores, workers, ClusterCallWaitMode.WAIT_ALL);
        }

        boolean parallel() { return workers > 1; }
    }

    private OverheadBenchmark() { }

    /** Per-call time (ns) of the traditional interface for n no-op calls: n traps through the synchronous mechanism. */
    static double traditionalNs(ClusterCallCosts k, double ghz, int n) {
        List<CallRequest> calls = new ArrayList<>(n);
        for (int i = 0; i < n; i++) calls.add(CallRequest.of("NtNoOperation", 0));
        CallCost c = new SyncTrap().execute(calls, costModel(k, ghz));
        return c.totalCycles() / ghz / n;
    }

    /** A cost model of the thesis machine for the mechanisms of {@code org.syscalllab.mech}. */
    static CostModel costModel(ClusterCallCosts k, double ghz) {
        return new CostModel() {
            @Override public long crossingCycles() { return k.trap(); }
            @Override public long kernelCycles(CallRequest call) { return call.kernelInstructions(); }
            @Override public long userCycles(long instructions) { return instructions; }
            @Override public long copyCycles(long bytes) { return 0; }
            @Override public double clockHz() { return ghz * 1e9; }
        };
    }

    /** Result of one measured cluster call. */
    record Measurement(double nsPerCall, long cycles, long lineTransfers, long callsExecuted) { }

    /**
     * Runs {@code warmups} unmeasured cluster calls and then one measured cluster call of n no-op calls with the given
     * pool, and returns the per-call time. The simulation comes from {@code ctx}, so the run's limits apply to it.
     */
    static Measurement clusterCall(ClusterCallCosts k, double ghz, ClusterCallPoolSpec pool, int n, int warmups, RunContext ctx) {
        if (n < 1 || n > ClusterCallPoolSpec.MAX_PENDING) {
            throw new IllegalArgumentException("batch size = " + n + " is not allowed; allowed: 1.." + ClusterCallPoolSpec.MAX_PENDING);
        }
        Simulation sim = ctx.newSimulation();
        Machine m = new Machine(sim, ThesisInputs.CORES, k, ghz);
        ClusterCallRuntime.KernelService noop = new ClusterCallRuntime.KernelService() {
            @Override public long work(int call) { return 0; }
            @Override public boolean complete(int call, int slot, Runnable resume) { return true; }
        };
        ClusterCallRuntime rt = new ClusterCallRuntime(m, List.of(pool), CLIENT_CORE, 31, noop, 0);
        ClusterCallRuntime.Client c = rt.client;
        long[] t = new long[2];
        long[] transfersAtStart = new long[1];
        int[] round = {0};
        Runnable[] roundFn = new Runnable[1];
        roundFn[0] = () -> {
            for (int s = 0; s < n; s++) c.request(s, 0, NO_OPERATION);
            t[0] = sim.now();
            transfersAtStart[0] = rt.lines.transfers();
            c.clusterCall((slots, count) -> {
                if (count != n) {
                    throw new IllegalArgumentException("wait_mode = " + pool.waitMode() + " returned the measured cluster"
                            + " call with " + count + " of " + n + " replies; the overhead benchmark times a call until"
                            + " every reply is in; allowed: WAIT_ALL, or a mode whose wait is satisfied only then");
                }
                t[1] = sim.now();
                if (round[0]++ < warmups) roundFn[0].run();
                else c.block();
            });
        };
        c.wake(roundFn[0], -1);
        sim.run();
        long cycles = t[1] - t[0];
        return new Measurement(cycles / ghz / n, cycles, rt.lines.transfers() - transfersAtStart[0], rt.callsExecuted);
    }
}
