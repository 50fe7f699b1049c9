package org.syscalllab.hw;

import java.util.ArrayList;
import java.util.List;

/**
 * The straightforward form of {@link OccupancyCache}'s cohort model (every cohort a dense vector over all stream
 * slots), kept as the specification the fast implementation is tested against operation by operation.
 */
final class ReferenceOccupancyCache {
    static final int MAX_COHORTS = 64;
    private final double capacity;
    private final int streams;
    private final int[] owner;               // owner of each stream slot
    private final List<double[]> cohorts = new ArrayList<>();
    private double[] young;
    private final double[] inserted = new double[Owner.MAX];
    private final double[] rate;             // references per line of each stream in its latest burst
    private final double[] evictions = new double[Owner.MAX * Owner.MAX];

    ReferenceOccupancyCache(double capacity, int[] owner) {
        this.capacity = capacity;
        this.owner = owner;
        this.streams = owner.length;
        this.young = new double[streams];
        this.rate = new double[streams];
    }

    /**
     * Records how often stream s references each of its lines in the current burst. Within one burst, lines of a
     * stream referenced less often were, on average, last touched longer ago, so {@link #commit()} files them as older
     * (the characteristic-time view of LRU), and they are evicted first.
     */
    void rate(int s, double refsPerLine) { rate[s] = refsPerLine; }

    double capacity() { return capacity; }

    double present(int s) {
        double p = 0;
        for (double[] c : cohorts) p += c[s];
        return p;
    }

    double occupancy(int o) {
        double t = 0;
        for (double[] c : cohorts) for (int s = 0; s < streams; s++) if (owner[s] == o) t += c[s];
        return t;
    }

    /** {@code hits} of stream s's present lines were referenced again: move them out of their old cohorts. */
    void hit(int s, double hits) {
        double p = present(s);
        if (p <= 0 || hits <= 0) return;
        double f = Math.min(1, hits / p);
        for (double[] c : cohorts) c[s] -= c[s] * f;
        young[s] += Math.min(hits, p);
    }

    /** New lines of stream s brought in by the current burst. */
    void insert(int s, double lines) {
        if (lines <= 0) return;
        young[s] += lines;
        inserted[owner[s]] += lines;
    }

    /** Ends the current burst chunk: appends the young cohort and evicts the overflow, oldest first. */
    void commit() {
        Integer[] order = new Integer[streams];
        for (int s = 0; s < streams; s++) order[s] = s;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(rate[a], rate[b]));
        for (int s : order) {
            if (young[s] <= 0) continue;
            double[] c = new double[streams];
            c[s] = young[s];
            cohorts.add(c);
        }
        young = new double[streams];
        double total = 0;
        for (double[] c : cohorts) for (double v : c) total += v;
        double excess = total - capacity;
        double ins = 0;
        for (double v : inserted) ins += v;
        for (int i = 0; i < cohorts.size() && excess > 1e-9; i++) {
            double[] c = cohorts.get(i);
            double sum = 0;
            for (double v : c) sum += v;
            if (sum <= 0) continue;
            double take = Math.min(sum, excess);
            double f = take / sum;
            for (int s = 0; s < streams; s++) {
                double gone = c[s] * f;
                if (gone <= 0) continue;
                c[s] -= gone;
                if (ins > 0) {
                    for (int o = 0; o < Owner.MAX; o++) {
                        if (inserted[o] > 0) evictions[owner[s] * Owner.MAX + o] += gone * inserted[o] / ins;
                    }
                }
            }
            excess -= take;
        }
        java.util.Arrays.fill(inserted, 0);
        cohorts.removeIf(c -> {
            for (double v : c) if (v > 1e-9) return false;
            return true;
        });
        while (cohorts.size() > MAX_COHORTS) {
            double[] a = cohorts.remove(0);
            double[] b = cohorts.get(0);
            for (int s = 0; s < streams; s++) b[s] += a[s];
        }
    }

    double evicted(int victim, int by) { return evictions[victim * Owner.MAX + by]; }

    void resetEvictions() { java.util.Arrays.fill(evictions, 0); }

    /** Replaces the contents with one cohort holding the given lines per stream (used to start from steady state). */
    void set(double[] lines, double[] refsPerLine) {
        cohorts.clear();
        System.arraycopy(refsPerLine, 0, rate, 0, streams);
        young = lines.clone();
        java.util.Arrays.fill(inserted, 0);
        commit();
    }
}
