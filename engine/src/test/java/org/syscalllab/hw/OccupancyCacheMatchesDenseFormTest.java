package org.syscalllab.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sparse cohort implementation against the dense specification ({@link ReferenceOccupancyCache}): random sequences
 * of rates, hits (partial, and whole as a kernel path's sweep makes them), inserts, commits and steady-state fills must
 * give the same presence, occupancy and evictions, in caches that overflow and in caches that never do. The sparse form
 * keeps per-stream scale factors (rounding differs) and drops a cohort decayed below 1e-9 lines by hits in its turn
 * rather than at once, so agreement is to a relative 1e-6 (or 1e-6 lines).
 */
class OccupancyCacheMatchesDenseFormTest {
    private static double tol(double v) { return Math.max(1e-6, 1e-6 * Math.abs(v)); }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void sparseCohortsMatchTheDenseForm(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int slots = 64;
        int[] owner = new int[slots];
        for (int s = 0; s < slots; s++) owner[s] = s >= slots - Owner.MAX ? s - (slots - Owner.MAX) : r.nextInt(3);
        double capacity = seed % 3 == 0 ? 1e7 : 64 + r.nextInt(512);        // one in three never overflows
        ReferenceOccupancyCache ref = new ReferenceOccupancyCache(capacity, owner);
        OccupancyCache fast = new OccupancyCache(capacity, owner);
        int used = 4 + r.nextInt(12);
        for (int step = 0; step < 6000; step++) {
            int op = r.nextInt(100);
            int s = r.nextInt(10) == 0 ? slots - Owner.MAX + r.nextInt(3) : r.nextInt(used);
            if (op < 25) {
                double v = r.nextInt(4) == 0 ? 0 : r.nextDouble() * 5;
                ref.rate(s, v);
                fast.rate(s, v);
            } else if (op < 50) {
                double p = ref.present(s);
                double h = r.nextInt(3) == 0 ? p : p * r.nextDouble();
                ref.hit(s, h);
                fast.hit(s, h);
            } else if (op < 80) {
                double l = r.nextInt(20) == 0 ? 1e-12 : r.nextDouble() * 40;
                ref.insert(s, l);
                fast.insert(s, l);
            } else if (op < 99) {
                ref.commit();
                fast.commit();
            } else {
                double[] lines = new double[slots];
                double[] rates = new double[slots];
                for (int i = 0; i < used; i++) {
                    lines[i] = r.nextDouble() * capacity / used;
                    rates[i] = r.nextDouble();
                }
                ref.set(lines, rates);
                fast.set(lines, rates);
            }
            for (int i = 0; i < slots; i++) assertEquals(ref.present(i), fast.present(i), tol(ref.present(i)), "present(" + i + ") at step " + step);
            if (step % 50 == 0) {
                for (int o = 0; o < Owner.MAX; o++) {
                    assertEquals(ref.occupancy(o), fast.occupancy(o), tol(ref.occupancy(o)), "occupancy(" + o + ") at step " + step);
                    for (int b = 0; b < Owner.MAX; b++) assertEquals(ref.evicted(o, b), fast.evicted(o, b), tol(ref.evicted(o, b)), "evicted at step " + step);
                }
            }
        }
    }
}
