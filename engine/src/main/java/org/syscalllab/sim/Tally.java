package org.syscalllab.sim;

/**
 * Streaming statistics of observations (waiting times, call latencies): count, mean, variance (Welford's method,
 * numerically stable), minimum and maximum, in constant memory. Not thread-safe: one per simulation.
 */
public final class Tally {
    private long n;
    private double mean;
    private double m2;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    /** Adds one observation; NaN and infinities are rejected. */
    public void add(double x) {
        if (!Double.isFinite(x)) throw new IllegalArgumentException("observation = " + x + " is not allowed; allowed: a finite number");
        n++;
        double d = x - mean;
        mean += d / n;
        m2 += d * (x - mean);
        if (x < min) min = x;
        if (x > max) max = x;
    }

    public long count() { return n; }

    /** The mean; 0 with no observations. */
    public double mean() { return mean; }

    public double sum() { return mean * n; }

    /** The sample variance (n − 1 denominator); 0 with fewer than two observations. */
    public double variance() { return n < 2 ? 0 : m2 / (n - 1); }

    public double stdDev() { return Math.sqrt(variance()); }

    /** The smallest observation; NaN with none. */
    public double min() { return n == 0 ? Double.NaN : min; }

    /** The largest observation; NaN with none. */
    public double max() { return n == 0 ? Double.NaN : max; }

    /** Forgets every observation (e.g. at the end of a warm-up period). */
    public void reset() {
        n = 0;
        mean = 0;
        m2 = 0;
        min = Double.POSITIVE_INFINITY;
        max = Double.NEGATIVE_INFINITY;
    }

    @Override
    public String toString() {
        return "Tally[n=" + n + ", mean=" + mean + ", sd=" + stdDev() + ", min=" + min() + ", max=" + max() + "]";
    }
}
