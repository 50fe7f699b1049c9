package org.syscalllab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Property(tries = 200)
    void tallyMatchesTwoPassFormulas(@ForAll @Size(min = 2, max = 200) List<@DoubleRange(min = -1e6, max = 1e6) Double> xs) {
        Tally t = new Tally();
        for (double x : xs) t.add(x);
        double mean = xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double ss = xs.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
        assertEquals(xs.size(), t.count());
        assertEquals(mean, t.mean(), 1e-9 * (1 + Math.abs(mean)));
        assertEquals(ss / (xs.size() - 1), t.variance(), 1e-6 * (1 + ss));
        assertEquals(xs.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), t.min());
    }

    @Property(tries = 200)
    void histogramPercentilesAreWithinTheRelativeError(
            @ForAll @Size(min = 1, max = 500) List<@DoubleRange(min = 1, max = 1e9) Double> xs,
            @ForAll @DoubleRange(min = 0, max = 100) double p) {
        Histogram h = new Histogram(1, 1e9, 0.01);
        for (double x : xs) h.add(x);
        double[] sorted = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = Math.max(1, (int) Math.ceil(p / 100 * sorted.length));
        double exact = p == 0 ? sorted[0] : sorted[rank - 1];
        double got = h.percentile(p);
        assertTrue(Math.abs(got - exact) <= 0.01 * exact * (1 + 1e-9), "p" + p + ": " + got + " vs " + exact
                + " in " + Arrays.toString(sorted));
    }

    @Test
    void histogramRejectsBadBoundsByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Histogram(0, 10, 0.01));
        assertTrue(e.getMessage().startsWith("lowest = 0"), e.getMessage());
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class, () -> new Histogram(1, 1e300, 1e-5));
        assertTrue(f.getMessage().contains("buckets"), f.getMessage());
        Histogram h = Histogram.forCycles();
        h.add(0);
        h.add(5e12);
        assertEquals(0, h.percentile(1));
        assertEquals(5e12, h.percentile(100));
    }

    @Test
    void timeWeightedAverageIntegratesOverTime() {
        TimeWeighted q = new TimeWeighted(0, 0);
        q.set(10, 2);   // 0 for 10 cycles
        q.set(30, 1);   // 2 for 20 cycles
        assertEquals((0 * 10 + 2 * 20 + 1 * 10) / 40.0, q.mean(40), 1e-12);
        q.reset(40);
        assertEquals(1, q.mean(50), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> q.set(39, 1));
    }

    @Test
    void counterRate() {
        Counter c = new Counter();
        c.add(5);
        c.increment();
        assertEquals(6, c.count());
        assertEquals(0.06, c.perCycle(100), 1e-12);
    }
}
