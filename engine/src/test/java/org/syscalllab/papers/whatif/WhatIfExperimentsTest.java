package org.syscalllab.papers.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.syscalllab.experiment.Catalog;
import org.syscalllab.experiment.Result;
import org.syscalllab.experiment.Runner;

/** The what-if experiments as the CLI and the notebook run them: series present, overflows reported, bad specs refused. */
class WhatIfExperimentsTest {
    private static final Runner RUNNER = new Runner(Catalog.load()).withThreads(1).withCache(false);

    @Test
    void eventDrivenRunsTheThreeVersionsAndReportsCqOverflows() {
        Result r = RUNNER.run("whatif.eventdriven", "cores", List.of(1L), "connections", List.of(64L), "cq_entries", 2,
                "warmup_requests", 100, "measured_requests", 1_000, "gain_cores", 1, "gain_connections", 16);
        for (String v : List.of("sync", "flexsc", "io_uring")) {
            assertTrue(r.value(v + "_1core", "64", "throughput_rps") > 0, v);
        }
        assertTrue(r.value("io_uring_1core", "64", "cq_overflows") > 0, "a 2-entry CQ under 64 connections overflows, and says so");
        assertEquals(0, r.value("sync_1core", "64", "cq_overflows"));
        assertEquals(0, r.value("flexsc_1core", "64", "cq_overflows"), "exception-less calls have no CQ");
        for (String m : List.of("flexsc-nehalem", "modern-skylake-sp", "modern-skylake-sp-kpti")) {
            assertTrue(Double.isFinite(r.value("derived", m, "flexsc_gain_pct")), m);
        }
    }

    @Test
    void tooManySyscallEntriesAreRefusedNamingTheFields() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RUNNER.run("whatif.eventdriven",
                "cores", List.of(64L), "connections", List.of(1L), "pages_per_loop", 256, "entries_per_page", 4096));
        assertTrue(e.getMessage().contains("pages_per_loop"), e.getMessage());
    }

    @Test
    void modernRefusesAnUnknownWorkload() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RUNNER.run("whatif.modern", "workloads", "apache,nginx"));
        assertTrue(e.getMessage().contains("workloads"), e.getMessage());
    }
}
