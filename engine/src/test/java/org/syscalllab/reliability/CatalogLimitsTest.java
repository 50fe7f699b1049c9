package org.syscalllab.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.syscalllab.experiment.Catalog;
import org.syscalllab.experiment.Result;
import org.syscalllab.experiment.Runner;
import org.syscalllab.sim.SimulationLimitException;

/**
 * The run limits reach every simulation of every registered experiment: at its small spec, a run with a tiny event
 * limit stops with the clear {@link SimulationLimitException} message, never with a hang, another exception or a
 * result. An experiment that runs no simulation at all is listed in {@link #NO_SIMULATION} with the reason, and is
 * checked to count no events.
 */
class CatalogLimitsTest {
    static final Catalog CATALOG = Fuzz.CATALOG;
    static final long TINY_EVENTS = 10;
    /** Wall-clock guard per run: a limited run stops within milliseconds; a hit here is a hang. */
    static final Duration GUARD = Duration.ofSeconds(120);

    /**
     * Experiments that legitimately run no simulation, and why (they must still finish, with no events counted). Their
     * work is a sequential loop bounded by their parameters' declared maxima; the fuzz suite's wall-clock guard covers
     * them.
     */
    static final Map<String, String> NO_SIMULATION = new java.util.TreeMap<>();

    static {
        String cacheModel = "runs the program and its calls access by access on the exact cache and TLB model, in order; "
                + "time is the CPI stack's sum, not an event queue";
        for (String f : new String[] {"table1", "fig1", "fig2", "fig3", "fig4"}) NO_SIMULATION.put("flexsc." + f, cacheModel);
        String batchCost = "prices a loop of null calls, synchronous or in batches, with the cost model of the platform; "
                + "one closed-form sum per batch size";
        NO_SIMULATION.put("flexsc.fig9", batchCost);
        NO_SIMULATION.put("flexsc.fig10", batchCost);
        String cosy = "runs each benchmark program call by call on the Linux model (page cache, writeback, disk service "
                + "times added in program order; several processes take turns on the one CPU)";
        for (String f : new String[] {"fig2", "fig3", "fig4", "fig5", "fig6", "fig7"}) NO_SIMULATION.put("cosy." + f, cosy);
        String multicall = "prices the executed program crossing by crossing (trap, multi-call, looped multi-call) on the "
                + "cost model; the program is a finite statement list";
        for (String t : new String[] {"table1", "table2", "table3", "table4", "fig8"}) NO_SIMULATION.put("multicall." + t, multicall);
        NO_SIMULATION.put("clustercalls.table3_1", "averages the time-stamp readings of entry and exit over the runs; "
                + "arithmetic on the thesis's measured inputs");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.syscalllab.reliability.SpecGenerator#catalogIds")
    void aTinyEventLimitStopsTheRunWithAClearMessage(String id) {
        Map<String, Object> spec = SpecGenerator.smallSpecOf(id);
        Runner limited = new Runner(CATALOG).withThreads(1).withCache(false).withLimits(TINY_EVENTS, Long.MAX_VALUE);
        if (NO_SIMULATION.containsKey(id)) {
            Result r = assertTimeoutPreemptively(GUARD, () -> limited.run(id, spec), () -> id + " did not finish");
            assertTrue(r.table().rowCount() > 0, () -> id + " gave no rows");
            assertEquals(0, r.host().events(), () -> id + " is listed as running no simulation");
            return;
        }
        SimulationLimitException e = assertThrows(SimulationLimitException.class,
                () -> assertTimeoutPreemptively(GUARD, () -> limited.run(id, spec), () -> id + " hangs under a limit"),
                () -> id + " finished although its simulations were limited to " + TINY_EVENTS + " events");
        assertEquals("event limit reached: max_events = " + TINY_EVENTS, e.getMessage());
    }
}
