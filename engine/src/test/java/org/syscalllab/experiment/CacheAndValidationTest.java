package org.syscalllab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheAndValidationTest {

    @Test
    void aCachedResultEqualsTheFreshOneAndSaysSo(@TempDir Path dir) {
        Runner r = TestCatalog.cachedIn(dir);
        Result fresh = r.run("demo.mm1", TestCatalog.small());
        assertFalse(fresh.cached());
        Result again = r.run("demo.mm1", TestCatalog.small());
        assertTrue(again.cached());
        assertEquals(fresh.toCsv(), again.toCsv());
        assertEquals(fresh.value("mm1", "0.5", "mean_wait_cycles"), again.value("mm1", "0.5", "mean_wait_cycles"));
        assertEquals(fresh.host(), again.host());
        assertTrue(again.provenance().startsWith("from cache, computed "), again.provenance());
        Result other = r.run("demo.mm1", Map.of("customers", 2001L, "warmup_customers", 200L, "utilisation", List.of(0.5)));
        assertFalse(other.cached(), "a different spec is a different key");
        assertFalse(r.withCache(false).run("demo.mm1", TestCatalog.small()).cached(), "bypass");
    }

    @Test
    void aDamagedEntryIsRecomputed(@TempDir Path dir) throws Exception {
        Runner r = TestCatalog.cachedIn(dir);
        Result fresh = r.run("demo.mm1", TestCatalog.small());
        try (var s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".csv")).toList()) Files.writeString(f, "garbage\n1,2\n");
        }
        Result again = r.run("demo.mm1", TestCatalog.small());
        assertFalse(again.cached());
        assertEquals(fresh.toCsv(), again.toCsv());
    }

    @Test
    void cacheKeysDependOnIdParamsAndEngine() {
        Runner r = TestCatalog.uncached(1);
        Params a = r.resolve("demo.mm1", Map.of());
        Params b = r.resolve("demo.mm1", Map.of("seed", 2));
        assertEquals(ResultCache.key("demo.mm1", a), ResultCache.key("demo.mm1", r.resolve("demo.mm1", Map.of("seed", 1))));
        assertFalse(ResultCache.key("demo.mm1", a).equals(ResultCache.key("demo.mm1", b)));
        assertTrue(ResultCache.engineVersion().contains("+"));
    }

    @Test
    void badValuesNameTheFieldTheValueAndTheAllowedRange() {
        Runner r = TestCatalog.uncached(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> r.run("demo.mm1", Map.of("customers", 5)));
        assertEquals("customers = 5 is not allowed; allowed: an integer in [100, 100000000]", e.getMessage());
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class,
                () -> r.run("demo.mm1", Map.of("utilisation", "0.5,1.5")));
        assertTrue(f.getMessage().startsWith("utilisation") && f.getMessage().contains("[0.01, 0.99]"), f.getMessage());
        IllegalArgumentException g = assertThrows(IllegalArgumentException.class,
                () -> r.run("demo.mm1", Map.of("nonsense", 1)));
        assertTrue(g.getMessage().contains("unknown parameter 'nonsense'") && g.getMessage().contains("customers"), g.getMessage());
        IllegalArgumentException h = assertThrows(IllegalArgumentException.class, () -> r.run("demo.nope", Map.of()));
        assertTrue(h.getMessage().contains("unknown experiment 'demo.nope'"), h.getMessage());
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class, () -> r.withThreads(0));
        assertTrue(t.getMessage().contains("threads = 0"), t.getMessage());
    }

    @Test
    void runLimitsStopARunWithAMessageNamingTheLimit() {
        org.syscalllab.sim.SimulationLimitException e = assertThrows(org.syscalllab.sim.SimulationLimitException.class,
                () -> TestCatalog.uncached(1).withLimits(1000, Long.MAX_VALUE).run("demo.mm1", TestCatalog.small()));
        assertTrue(e.getMessage().contains("max_events = 1000"), e.getMessage());
        org.syscalllab.sim.SimulationLimitException f = assertThrows(org.syscalllab.sim.SimulationLimitException.class,
                () -> TestCatalog.uncached(2).withLimits(Long.MAX_VALUE, 1_000_000).run("demo.mm1", TestCatalog.small()));
        assertTrue(f.getMessage().contains("max_cycles = 1000000"), f.getMessage());
        IllegalArgumentException g = assertThrows(IllegalArgumentException.class, () -> TestCatalog.uncached(1).withLimits(0, 1));
        assertTrue(g.getMessage().contains("max_events = 0"), g.getMessage());
    }

    @Test
    void interruptingASweepStopsItWithOneExceptionType() throws Exception {
        RunContext ctx = new RunContext(1, 2, Progress.NONE);
        Throwable[] thrown = new Throwable[1];
        Thread t = new Thread(() -> {
            try {
                ctx.sweep(List.of(1, 2, 3, 4), (x, c) -> {
                    org.syscalllab.sim.Simulation s = c.newSimulation();
                    s.schedule(0, new org.syscalllab.sim.Simulation.Action() {
                        @Override public void fire(org.syscalllab.sim.Simulation sim) { sim.schedule(1, this); }
                    });
                    s.run();
                    return x;
                });
            } catch (Throwable e) {
                thrown[0] = e;
            }
        });
        t.start();
        Thread.sleep(200);
        t.interrupt();
        t.join(2000);
        assertFalse(t.isAlive());
        assertTrue(thrown[0] instanceof org.syscalllab.sim.SimulationInterruptedException, "got " + thrown[0]);
    }
}
