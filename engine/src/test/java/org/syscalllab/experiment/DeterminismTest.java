package org.syscalllab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    @Property(tries = 10)
    void sameSeedGivesByteIdenticalCsv(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Runner r = TestCatalog.uncached(1);
        String a = r.run("demo.mm1", with(seed)).toCsv();
        String b = r.run("demo.mm1", with(seed)).toCsv();
        assertEquals(a, b);
    }

    @Property(tries = 5)
    void sweepOnOneAndFourThreadsGivesByteIdenticalCsv(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        String one = TestCatalog.uncached(1).run("demo.mm1", with(seed)).toCsv();
        String four = TestCatalog.uncached(4).run("demo.mm1", with(seed)).toCsv();
        assertEquals(one, four);
    }

    @Test
    void differentSeedsGiveDifferentNumbers() {
        Runner r = TestCatalog.uncached(2);
        assertNotEquals(r.run("demo.mm1", with(1)).toCsv(), r.run("demo.mm1", with(2)).toCsv());
    }

    @Test
    void hostStatisticsCountTheSimulationsOfTheRun() {
        Result res = TestCatalog.uncached(2).run("demo.mm1", with(1));
        assertTrue(res.host().events() > 4 * 2 * 2200, "events: " + res.host().events());
        assertTrue(res.host().simulatedCycles() > 0);
        assertTrue(res.host().wallNanos() > 0);
        assertTrue(res.provenance().startsWith("computed: "), res.provenance());
    }

    @Test
    void sweepPassesProgressAndKeepsPointOrder() {
        List<String> events = new ArrayList<>();
        Progress p = new Progress() {
            @Override public synchronized void start(int points) { events.add("start " + points); }
            @Override public synchronized void pointDone() { events.add("done"); }
            @Override public synchronized void finish() { events.add("finish"); }
        };
        RunContext ctx = new RunContext(9, 3, p);
        List<Integer> out = ctx.sweep(List.of(5, 6, 7, 8, 9), (x, c) -> x * 10);
        assertEquals(List.of(50, 60, 70, 80, 90), out);
        assertEquals("start 5", events.get(0));
        assertEquals("finish", events.get(events.size() - 1));
        assertEquals(5, events.stream().filter("done"::equals).count());
    }

    private static java.util.Map<String, Object> with(long seed) {
        java.util.Map<String, Object> m = Lab.pairs(TestCatalog.small());
        m.put("seed", seed);
        return m;
    }
}
