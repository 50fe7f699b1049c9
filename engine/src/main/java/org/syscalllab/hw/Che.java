package org.syscalllab.hw;

/**
 * The characteristic-time approximation of LRU (Che, Tung and Wang 2002): under independent references, a line stays
 * cached for a time T after its last reference, where T makes the expected resident lines fill the cache. Used to
 * start both fidelity levels from the same approximate steady state.
 */
final class Che {
    private Che() { }

    /**
     * Expected resident lines per stream in a cache of {@code capacity}, for streams of {@code sizes[i]} lines referenced
     * at relative rates {@code rates[i]} (uniformly over each stream's lines).
     */
    static double[] resident(double[] sizes, double[] rates, double capacity) {
        int n = sizes.length;
        double total = 0;
        for (int i = 0; i < n; i++) if (rates[i] > 0) total += sizes[i];
        double[] out = new double[n];
        if (total <= capacity) {
            for (int i = 0; i < n; i++) out[i] = rates[i] > 0 ? sizes[i] : 0;
            return out;
        }
        double lo = 0;
        double hi = 1;
        while (fill(sizes, rates, hi) < capacity) hi *= 2;
        for (int it = 0; it < 100; it++) {
            double mid = (lo + hi) / 2;
            if (fill(sizes, rates, mid) < capacity) lo = mid;
            else hi = mid;
        }
        for (int i = 0; i < n; i++) out[i] = rates[i] > 0 ? sizes[i] * -Math.expm1(-rates[i] * hi / sizes[i]) : 0;
        return out;
    }

    private static double fill(double[] sizes, double[] rates, double t) {
        double f = 0;
        for (int i = 0; i < sizes.length; i++) if (rates[i] > 0) f += sizes[i] * -Math.expm1(-rates[i] * t / sizes[i]);
        return f;
    }
}
