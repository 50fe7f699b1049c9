package org.syscalllab.papers.clustercalls;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.syscalllab.experiment.Catalog;
import org.syscalllab.experiment.Runner;
import org.syscalllab.sim.SimulationLimitException;

/** The run limits reach the overhead benchmark's and the web bench's simulations. */
class RunLimitsTest {
    private static Runner limited(long maxEvents, long maxCycles) {
        return new Runner(new Catalog(new ClusterCallsProvider().experiments())).withThreads(2).withCache(false)
                .withLimits(maxEvents, maxCycles);
    }

    @Test
    void aTinyEventLimitStopsTheOverheadBenchmarkWithAClearMessage() {
        SimulationLimitException e = assertThrows(SimulationLimitException.class,
                () -> limited(100, Long.MAX_VALUE).run("clustercalls.fig6_1", "batch_max", 64, "batch_step", 16));
        assertTrue(e.getMessage().contains("max_events = 100"), e.getMessage());
    }

    @Test
    void aTinyEventLimitStopsTheWebBenchWithAClearMessage() {
        SimulationLimitException e = assertThrows(SimulationLimitException.class,
                () -> limited(100, Long.MAX_VALUE).run("clustercalls.fig6_3", "concurrency", List.of(10L), "requests", 200));
        assertTrue(e.getMessage().contains("max_events = 100"), e.getMessage());
    }

    @Test
    void aShortTimeLimitStopsTheWebBenchWithAClearMessage() {
        SimulationLimitException e = assertThrows(SimulationLimitException.class,
                () -> limited(Long.MAX_VALUE, 1_000_000).run("clustercalls.fig6_3", "concurrency", List.of(10L), "requests", 200));
        assertTrue(e.getMessage().contains("max_cycles = 1000000"), e.getMessage());
    }
}
