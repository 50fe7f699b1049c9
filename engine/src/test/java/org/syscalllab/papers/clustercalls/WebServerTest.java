package org.syscalllab.papers.clustercalls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.RunContext;

class WebServerTest {
    /** A one-thread run context with the given seed and the default limits. */
    static RunContext ctx(long seed) { return new RunContext(seed, 1, null); }

    static Params defaults(Map<String, ?> overrides) {
        List<Param> ps = new ArrayList<>(WebServerRuns.modelParams());
        ps.addAll(CostParams.declare());
        return Params.resolve(ps, overrides);
    }

    @Test
    void belowTheWaitSomeLimitEveryRoundWaitsForTheTimeout() {
        WebServerRuns.Run r = WebServerRuns.run(defaults(Map.of()), "cluster_call", 1, 20, ctx(1));
        double rounds = r.outcome().totalMs() / 14.0;
        assertTrue(rounds > 4.5, "a lone request spends several 14 ms timeouts: " + r.outcome().totalMs() + " ms");
        WebServerRuns.Run exact = WebServerRuns.run(defaults(Map.of("timer_tick_ms", 0.0)), "cluster_call", 1, 20, ctx(1));
        WebServerRuns.Run shorter = WebServerRuns.run(defaults(Map.of("wait_timeout_ms", 1.0, "timer_tick_ms", 0.0)), "cluster_call", 1, 20, ctx(1));
        assertTrue(shorter.outcome().totalMs() < exact.outcome().totalMs() / 5, "with exact timers the time follows the timeout");
    }

    @Test
    void onNtsClockTickAFourAndAFourteenMillisecondTimeoutLastOneTickEach() {
        WebServerRuns.Run normal = WebServerRuns.run(defaults(Map.of()), "cluster_call", 1, 20, ctx(1));
        WebServerRuns.Run small = WebServerRuns.run(defaults(Map.of()), "cluster_call_small", 1, 20, ctx(1));
        assertEquals(normal.outcome().totalMs(), small.outcome().totalMs(), 0.5, "both timeouts end at the next 15.625 ms tick");
        double ticks = normal.outcome().totalMs() / 15.625;
        assertEquals(Math.round(ticks), ticks, 0.05, "a lone request's time is a whole number of ticks: " + ticks);
    }

    @Test
    void everyModelAnswersEveryRequestAndTheClusterClientAggregates() {
        for (String m : WebServerRuns.MODELS) {
            WebServerRuns.Run r = WebServerRuns.run(defaults(Map.of()), m, 300, 2000, ctx(3));
            assertEquals(2000, r.outcome().completed(), m);
            assertTrue(r.outcome().throughputRps() > 0, m);
            if (m.startsWith("cluster")) {
                assertTrue(r.outcome().crossings() * 20 < r.outcome().applicationCalls(), m + " aggregates calls");
            } else {
                assertTrue(r.outcome().crossings() >= 7 * 2000, m + " traps for each of the seven calls");
            }
        }
    }

    @Test
    void threadCreationMakesTheDedicatedModelCostlier() {
        WebServerRuns.Run ded = WebServerRuns.run(defaults(Map.of()), "dedicated_thread", 200, 3000, ctx(1));
        WebServerRuns.Run pool = WebServerRuns.run(defaults(Map.of()), "thread_pool", 200, 3000, ctx(1));
        assertTrue(ded.outcome().cpuTimeS() > pool.outcome().cpuTimeS());
        WebServerRuns.Run cheap = WebServerRuns.run(defaults(Map.of("thread_create_us", 0.0, "thread_exit_us", 0.0)), "dedicated_thread", 200, 3000, ctx(1));
        assertTrue(cheap.outcome().cpuTimeS() < ded.outcome().cpuTimeS());
    }
}
