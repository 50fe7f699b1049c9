package org.syscalllab.papers.multicall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.syscalllab.experiment.Catalog;
import org.syscalllab.experiment.Result;
import org.syscalllab.experiment.Runner;

class ExperimentsTest {
    static final Catalog CATALOG = new Catalog(new MulticallProvider().experiments());

    static Result run(String id, Map<String, ?> overrides, int threads) {
        return new Runner(CATALOG, threads, null).run(id, overrides);
    }

    static final Map<String, Object> SMALL = Map.of("file_sizes", List.of(80L * 1024, 300L * 1024));

    @Test
    void sameSpecGivesIdenticalCsvWhateverTheThreadCount() {
        assertEquals(run("multicall.table3", SMALL, 1).toCsv(), run("multicall.table3", SMALL, 2).toCsv());
        assertEquals(run("multicall.table2", Map.of("repetitions", 50), 1).toCsv(), run("multicall.table2", Map.of("repetitions", 50), 2).toCsv());
    }

    @Test
    void savingsComeFromTheCrossingsRemoved() {
        Result r = run("multicall.table3", SMALL, 1);
        double x = 80 * 1024;
        double sync = r.value("sync", "81920", "kernel_crossings");
        double mc = r.value("multicall", "81920", "kernel_crossings");
        double looped = r.value("multicall_looped", "81920", "kernel_crossings");
        // 20 blocks: 2 + 21 reads + 20 writes + 2 closes; rotated: 1 + 20 + 1; looped: 3
        assertEquals(45, sync);
        assertEquals(22, mc);
        assertEquals(3, looped);
        assertTrue(r.value("multicall_looped", "81920", "improvement_pct") > r.value("multicall", "81920", "improvement_pct"));
        // with free crossings (no wrapper, no entry/exit, no path refill) the multi-calls can only cost more
        Result free = run("multicall.table3", Map.of("file_sizes", List.of((long) x), "entry_cycles", 0, "exit_cycles", 0,
                "wrapper_instructions", 0, "crossing_path_lines", 0), 1);
        assertTrue(free.value("multicall", "81920", "improvement_pct") <= 0);
    }

    @Test
    void withoutTransformationsTheCopyLoopGainsNothing() {
        Result r = run("multicall.table3", Map.of("file_sizes", List.of(80L * 1024), "transformations", false), 1);
        // only the open/creat and close/close pairs cluster
        assertEquals(43, r.value("multicall", "81920", "kernel_crossings"));
    }

    @Test
    void smallerBlocksSaveMoreInFig8() {
        Result r = run("multicall.fig8", Map.of("block_sizes", List.of(1024L, 4096L), "file_bytes", 256L * 1024), 1);
        assertTrue(r.value("multicall", "1024", "improvement_pct") > r.value("multicall", "4096", "improvement_pct"));
        assertEquals(1, r.value("derived", "all", "improvement_falls_with_block"));
    }

    @Test
    void table1ReplaysTheRdtsclMeasurement() {
        Result r = run("multicall.table1", Map.of(), 1);
        assertEquals(173, r.value("sync", "entry", "cycles_measured"));
        assertEquals(222, r.value("sync", "exit", "cycles_measured"));
        assertTrue(r.value("multicall_specialised", "pair", "pair_saving_cycles") > r.value("multicall", "pair", "pair_saving_cycles"));
    }

    @Test
    void badParametersAreRejectedBeforeRunning() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run("multicall.fig8", Map.of("block_sizes", List.of(0L)), 1));
        assertTrue(e.getMessage().contains("block_sizes"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> run("multicall.table3", Map.of("platform", "cray"), 1));
        assertTrue(e.getMessage().contains("platform"), e.getMessage());
    }

    @Test
    void copyStudyStopsWhenTheThreadIsInterrupted() {
        Thread.currentThread().interrupt();
        try {
            assertThrows(org.syscalllab.experiment.RunInterruptedException.class, () -> CopyStudy.runAll(
                    org.syscalllab.hw.Platforms.multicallPentium2Laptop(), CostInputs.defaults(), Linux24Paths.linux24(),
                    org.syscalllab.mech.MultiCallStub.specialised(), true,
                    org.syscalllab.papers.multicall.clustering.ClusteringOptions.transformed(), 80L * 1024, 4096));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void fourKilobyteBlocksAreBestBecauseLargerOnesOverflowTheL1() {
        Result r = run("multicall.fig8", Map.of("block_sizes", List.of(2048L, 4096L, 8192L)), 1);
        assertEquals(4096, r.value("sync", "best", "optimal_block_bytes"));
        // three 4 KB blocks (source page, buffer, destination page) fit the 16 KB L1 data cache; three 8 KB ones do not
        assertTrue(3 * 4096 <= org.syscalllab.hw.Platforms.multicallPentium2Laptop().l1d().sizeBytes());
        assertTrue(3 * 8192 > org.syscalllab.hw.Platforms.multicallPentium2Laptop().l1d().sizeBytes());
    }
}
