package org.syscalllab.hw;

import java.util.Arrays;

/**
 * Demand misses a burst caused in each structure (prefetched lines are not demand misses). For caches, a miss in a
 * level is a reference that level could not serve; the timing model charges it the latency of the level below.
 */
public final class Misses {
    private final double[] m = new double[Structure.values().length];

    public double get(Structure s) { return m[s.ordinal()]; }

    public Misses add(Structure s, double v) {
        m[s.ordinal()] += v;
        return this;
    }

    /** Adds every count of {@code o} to this one (an accumulator; {@link #plus} leaves both operands unchanged). */
    public Misses addAll(Misses o) {
        for (int i = 0; i < m.length; i++) m[i] += o.m[i];
        return this;
    }

    public Misses plus(Misses o) {
        Misses r = new Misses();
        for (int i = 0; i < m.length; i++) r.m[i] = m[i] + o.m[i];
        return r;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Misses{");
        for (Structure s : Structure.values()) sb.append(s.suffix()).append('=').append(String.format(java.util.Locale.ROOT, "%.1f", get(s))).append(' ');
        return sb.append('}').toString();
    }

    @Override
    public boolean equals(Object o) { return o instanceof Misses x && Arrays.equals(m, x.m); }

    @Override
    public int hashCode() { return Arrays.hashCode(m); }
}
