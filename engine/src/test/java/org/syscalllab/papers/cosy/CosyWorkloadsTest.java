package org.syscalllab.papers.cosy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.syscalllab.experiment.Catalog;
import org.syscalllab.experiment.Result;
import org.syscalllab.experiment.Runner;
import org.syscalllab.hw.Platforms;
import org.syscalllab.papers.cosy.Benchmarks.BonnieTimes;
import org.syscalllab.papers.cosy.Workloads.Config;
import org.syscalllab.papers.cosy.Workloads.CosySetup;
import org.syscalllab.papers.cosy.Workloads.Os;
import org.syscalllab.sim.Streams;

class CosyWorkloadsTest {
    static final Testbed TB = Testbed.cosy(Platforms.cosyPentium4());
    static final Os OS = Os.of(TB);
    static final CosySetup SETUP = CosySetup.defaults();

    @Test
    void getpidCompoundCostsUserTimeForTwoCallsAndSavesItForMany() {
        Times van2 = Benchmarks.getpid(OS, SETUP, Config.VAN, 2, 10);
        Times cosy2 = Benchmarks.getpid(OS, SETUP, Config.COSY, 2, 10);
        Times van256 = Benchmarks.getpid(OS, SETUP, Config.VAN, 256, 10);
        Times cosy256 = Benchmarks.getpid(OS, SETUP, Config.COSY, 256, 10);
        assertTrue(cosy2.userCycles() > van2.userCycles(), "building the compound costs more than two wrappers");
        assertTrue(cosy256.userCycles() < van256.userCycles() / 10);
        assertTrue(cosy2.elapsedCycles() < van2.elapsedCycles(), "one crossing instead of two");
        double prev = -1e9;
        for (int n : new int[] {2, 4, 8, 16, 32, 64, 128, 256}) {
            double imp = Times.improvement(Benchmarks.getpid(OS, SETUP, Config.VAN, n, 5).elapsedCycles(),
                    Benchmarks.getpid(OS, SETUP, Config.COSY, n, 5).elapsedCycles());
            assertTrue(imp > prev, "improvement rises with N (n = " + n + ")");
            prev = imp;
        }
    }

    @Test
    void generalForLoopDecodesMoreThanTheOptimisedOne() {
        CosySetup general = new CosySetup(SETUP.costs(), SETUP.safety(), true, false);
        assertTrue(Benchmarks.getpid(OS, general, Config.COSY, 64, 5).systemCycles()
                > Benchmarks.getpid(OS, SETUP, Config.COSY, 64, 5).systemCycles());
    }

    private static Times db(Config c, long fileMb, int processes) {
        RandomGenerator[] rng = new RandomGenerator[processes];
        for (int q = 0; q < processes; q++) rng[q] = new Streams(7).stream("db" + q);
        return Benchmarks.database(OS, SETUP, c, fileMb << 20, 6000, 4096, processes, 1000, true, rng);
    }

    @Test
    void databaseOrderingFastBeatsCosyBeatsVan() {
        Times van = db(Config.VAN, 8, 1), cosy = db(Config.COSY, 8, 1), fast = db(Config.COSY_FAST, 8, 1);
        assertTrue(fast.elapsedCycles() < cosy.elapsedCycles() && cosy.elapsedCycles() < van.elapsedCycles());
        assertTrue(cosy.userCycles() < van.userCycles());
        assertEquals(0, van.ioWaitCycles(), "a file in the page cache needs no disk");
    }

    @Test
    void databaseWithMoreProcessesAddsOnlySwitches() {
        Times one = db(Config.COSY_FAST, 8, 1), four = db(Config.COSY_FAST, 8, 4);
        double rel = Math.abs(four.elapsedCycles() - one.elapsedCycles()) / (double) one.elapsedCycles();
        assertTrue(rel < 0.05, "one CPU, the same work: " + rel);
    }

    @Test
    void databaseLargerThanMemoryWaitsForTheDisk() {
        Os small = Os.of(TB.withRamMb(48));
        RandomGenerator[] rng = {new Streams(3).stream("db")};
        Times t = Benchmarks.database(small, SETUP, Config.VAN, 64L << 20, 3000, 4096, 1, 1000, true, rng);
        assertTrue(t.ioWaitCycles() > t.userCycles() + t.systemCycles(), "random reads miss the cache");
    }

    @Test
    void bonnieGainsCollapseOnceTheFileExceedsMemory() {
        Os small = Os.of(TB.withRamMb(48));
        BonnieTimes vanIn = Benchmarks.bonnie(small, SETUP, Config.VAN, 8L << 20, 4096);
        BonnieTimes fastIn = Benchmarks.bonnie(small, SETUP, Config.COSY_FAST, 8L << 20, 4096);
        BonnieTimes vanOut = Benchmarks.bonnie(small, SETUP, Config.VAN, 64L << 20, 4096);
        BonnieTimes fastOut = Benchmarks.bonnie(small, SETUP, Config.COSY_FAST, 64L << 20, 4096);
        double in = Times.improvement(vanIn.fastread().elapsedCycles(), fastIn.fastread().elapsedCycles());
        double out = Times.improvement(vanOut.fastread().elapsedCycles(), fastOut.fastread().elapsedCycles());
        assertTrue(in > 50, "in memory the copies dominate: " + in);
        assertTrue(out < in / 4, "beyond memory the disk dominates: " + out);
        assertTrue(vanOut.fastwrite().ioWaitCycles() > 0, "writing more than memory throttles the writer");
    }

    @Test
    void lsWithColdCacheReadsInodesFromDisk() {
        Times van = Benchmarks.ls(OS, SETUP, Config.VAN, 2000, 8192);
        Times cosy = Benchmarks.ls(OS, SETUP, Config.COSY, 2000, 8192);
        Times fast = Benchmarks.ls(OS, SETUP, Config.COSY_FAST, 2000, 8192);
        assertTrue(van.ioWaitCycles() > 0);
        assertEquals(van.ioWaitCycles(), cosy.ioWaitCycles(), "the same blocks are read either way");
        assertTrue(fast.systemCycles() < cosy.systemCycles() && cosy.systemCycles() < van.systemCycles());
    }

    @Test
    void grepMovesTheSearchIntoSystemTime() {
        Times van = Benchmarks.grep(OS, SETUP, Config.VAN, 16, 8192, 4096);
        Times cosy = Benchmarks.grep(OS, SETUP, Config.COSY, 16, 8192, 4096);
        Times fast = Benchmarks.grep(OS, SETUP, Config.COSY_FAST, 16, 8192, 4096);
        assertTrue(cosy.systemCycles() > van.systemCycles());
        assertTrue(cosy.userCycles() < van.userCycles());
        assertTrue(fast.elapsedCycles() < cosy.elapsedCycles() && cosy.elapsedCycles() < van.elapsedCycles());
    }

    @Test
    void isolatedSegmentSlowsGrepsUserFunction() {
        CosySetup iso = new CosySetup(SETUP.costs(), org.syscalllab.mech.CosySafety.ISOLATED_SEGMENT, true, true);
        assertTrue(Benchmarks.grep(OS, iso, Config.COSY_FAST, 16, 8192, 4096).systemCycles()
                > Benchmarks.grep(OS, SETUP, Config.COSY_FAST, 16, 8192, 4096).systemCycles());
    }

    @Test
    void experimentsAreDeterministicAndValidateParameters() {
        Runner r = new Runner(Catalog.load()).withThreads(2);
        Map<String, Object> small = Map.of("total_kb", "128,256");
        Result a = r.run("cosy.fig7", small);
        Result b = new Runner(Catalog.load()).withThreads(1).run("cosy.fig7", small);
        assertEquals(a.toCsv(), b.toCsv());
        assertTrue(a.value("cosy_fast", "128", "improvement_pct") > a.value("cosy", "128", "improvement_pct"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.run("cosy.fig7", Map.of("safety", "none")));
        assertTrue(e.getMessage().contains("safety"), e.getMessage());
    }

    @Test
    void testbedComesFromThePlatform() {
        assertEquals(Platforms.cosyPentium4().syscallRoundTripCycles(), TB.crossingCycles());
        assertEquals(1.7e9, TB.clockHz());
        assertTrue(TB.pageCachePages() < 128L * 256);
        assertThrows(IllegalArgumentException.class, () -> TB.withRamMb(0));
    }

    @Test
    void bonnieWithTinyChunksIsRefusedNamingTheChunk() {
        Runner r = new Runner(Catalog.load()).withThreads(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> r.run("cosy.fig5", Map.of("chunk_bytes", 1, "file_mb", "512")));
        assertTrue(e.getMessage().contains("chunk_bytes"), e.getMessage());
    }

    @Test
    void benchmarkLoopsStopWhenTheThreadIsInterrupted() {
        Thread.currentThread().interrupt();
        try {
            assertThrows(org.syscalllab.experiment.RunInterruptedException.class,
                    () -> Benchmarks.bonnie(OS, SETUP, Config.COSY_FAST, 64L * 1024 * 1024, 4096));
            Thread.currentThread().interrupt();
            assertThrows(org.syscalllab.experiment.RunInterruptedException.class,
                    () -> Benchmarks.getpid(OS, SETUP, Config.VAN, 256, 1000));
        } finally {
            Thread.interrupted();
        }
    }
}
