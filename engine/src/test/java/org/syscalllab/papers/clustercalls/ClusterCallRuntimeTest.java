package org.syscalllab.papers.clustercalls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.syscalllab.experiment.Lab;
import org.syscalllab.experiment.Result;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.mech.ClusterCallCosts;
import org.syscalllab.mech.ClusterCallPoolSpec;
import org.syscalllab.mech.ClusterCallWaitMode;
import org.syscalllab.sim.Simulation;

class ClusterCallRuntimeTest {
    /** A one-thread run context with the given seed and the default limits. */
    static RunContext ctx(long seed) { return new RunContext(seed, 1, null); }

    static final ClusterCallCosts K = ThesisInputs.costs();
    static final double GHZ = ThesisInputs.CLOCK_GHZ;

    @Property(tries = 30)
    void everyCallRunsOnceAndItsReplyReachesItsSlot(@ForAll @IntRange(min = 1, max = 1024) int n,
                                                    @ForAll @IntRange(min = 0, max = 4) int scenario) {
        OverheadBenchmark.Scenario s = OverheadBenchmark.Scenario.values()[scenario];
        OverheadBenchmark.Measurement m = OverheadBenchmark.clusterCall(K, GHZ, s.pool(), n, 1, ctx(7));
        assertEquals(2L * n, m.callsExecuted(), "two cluster calls of n calls each, every call executed once");
        assertTrue(m.nsPerCall() > 0);
    }

    @Test
    void remoteExecutionCostsMoreForSmallBatchesAndLessPerCallForLargeOnes() {
        double same1 = OverheadBenchmark.clusterCall(K, GHZ, OverheadBenchmark.Scenario.SAME_CORE.pool(), 1, 1, ctx(1)).nsPerCall();
        double remote1 = OverheadBenchmark.clusterCall(K, GHZ, OverheadBenchmark.Scenario.DIFFERENT_CORE.pool(), 1, 1, ctx(1)).nsPerCall();
        assertTrue(remote1 > 3 * same1, "a remote core must be woken (IPI + idle exit) and must wake the client back");
        double remote1024 = OverheadBenchmark.clusterCall(K, GHZ, OverheadBenchmark.Scenario.DIFFERENT_CORE.pool(), 1024, 1, ctx(1)).nsPerCall();
        assertTrue(remote1024 < OverheadBenchmark.traditionalNs(K, GHZ, 1024));
    }

    @Test
    void parallelWorkersContendForSharedLines() {
        OverheadBenchmark.Measurement serial = OverheadBenchmark.clusterCall(K, GHZ, OverheadBenchmark.Scenario.DIFFERENT_CORE.pool(), 512, 1, ctx(1));
        OverheadBenchmark.Measurement two = OverheadBenchmark.clusterCall(K, GHZ, OverheadBenchmark.Scenario.TWO_REMOTE.pool(), 512, 1, ctx(1));
        assertTrue(two.lineTransfers() > 4 * serial.lineTransfers(), "two workers bounce the queue head, reply tail and wait counter");
    }

    @Test
    void blockingCallLetsAnotherWorkerRunAndWaitAnyReturnsAfterTheFirstReply() {
        // Fig. 4.1's setting: 4 requests, a pool of 5 workers with concurrency 1, WaitAny; request 2 blocks for 1 ms.
        Simulation sim = new Simulation(1);
        Machine m = new Machine(sim, 4, K, GHZ);
        List<Integer> order = new ArrayList<>();
        ClusterCallRuntime.KernelService svc = new ClusterCallRuntime.KernelService() {
            @Override public long work(int call) { return 1000; }
            @Override public boolean complete(int call, int slot, Runnable resume) {
                order.add(slot);
                if (slot != 2) return true;
                sim.schedule(m.nsToCycles(1e6), x -> resume.run());
                return false;
            }
        };
        ClusterCallRuntime rt = new ClusterCallRuntime(m, List.of(ClusterCallPoolSpec.of(5, List.of(2), 1, ClusterCallWaitMode.WAIT_ANY)), 1, 31, svc, 0);
        ClusterCallRuntime.Client c = rt.client;
        List<Integer> replies = new ArrayList<>();
        int[] returns = {0};
        ClusterCallRuntime.Drained[] again = new ClusterCallRuntime.Drained[1];
        again[0] = (slots, n) -> {
            returns[0]++;
            for (int i = 0; i < n; i++) replies.add(slots[i]);
            if (replies.size() < 4) c.waitForCompletion(again[0]);
            else c.block();
        };
        c.wake(() -> {
            for (int s = 0; s < 4; s++) c.request(s, 0, 0);
            c.clusterCall(again[0]);
        }, -1);
        sim.run();
        assertEquals(4, replies.size());
        assertEquals(4, new java.util.HashSet<>(replies).size(), "each reply delivered once");
        assertEquals(4, order.size(), "the blocked call did not stop the others");
        assertEquals(2, replies.get(replies.size() - 1), "the blocking call finishes last");
        assertTrue(returns[0] >= 2, "WaitAny returns before every call has finished");
    }

    /** Time (ns) until a client that gave two calls to each of two WaitSome pools (limit 3, 10 ms) comes back. */
    private static double waitSomeReturnNs(boolean clientWideCount) {
        Simulation sim = new Simulation(1);
        Machine m = new Machine(sim, 4, K, GHZ);
        ClusterCallRuntime.KernelService svc = new ClusterCallRuntime.KernelService() {
            @Override public long work(int call) { return 1000; }
            @Override public boolean complete(int call, int slot, Runnable resume) { return true; }
        };
        long timeout = 10_000_000;
        ClusterCallRuntime rt = new ClusterCallRuntime(m, List.of(ClusterCallPoolSpec.waitSome(1, List.of(2), 1, 3, timeout),
                ClusterCallPoolSpec.waitSome(1, List.of(3), 1, 3, timeout)), 1, 31, svc, 0, clientWideCount);
        ClusterCallRuntime.Client c = rt.client;
        long[] back = {-1};
        int[] got = {0};
        c.wake(() -> {
            for (int s = 0; s < 4; s++) c.request(s, s % 2, 0);
            c.clusterCall((slots, n) -> {
                back[0] = sim.now();
                got[0] = n;
                c.block();
            });
        }, -1);
        sim.run();
        assertTrue(got[0] >= 3, "the client comes back with at least the limit's replies or after the timeout: " + got[0]);
        return m.cyclesToNs(back[0]);
    }

    @Test
    void aClientWideWaitSomeCountAddsUpThePoolsAPerPoolCountWaitsForTheTimeout() {
        double clientWide = waitSomeReturnNs(true);
        double perPool = waitSomeReturnNs(false);
        assertTrue(clientWide < 1e6, "three of the four calls finish within microseconds: " + clientWide + " ns");
        assertTrue(perPool >= 10e6, "neither pool alone reaches 3, so the 10 ms timeout ends the wait: " + perPool + " ns");
    }

    @Test
    void sameSpecAndSeedGiveIdenticalResultsWhateverTheThreadCount() {
        Map<String, Object> spec = Map.of("batch_max", 64, "batch_step", 7);
        Result a = Lab.runner().withThreads(1).run("clustercalls.table6_2", spec);
        Result b = Lab.runner().withThreads(2).run("clustercalls.table6_2", spec);
        assertEquals(a.table().toString(), b.table().toString());
        assertEquals(a.table().printAll(), b.table().printAll());
    }
}
