package org.syscalllab.sim;

/**
 * A fixed-memory histogram of non-negative observations with bounded relative error, for percentiles of latencies.
 * Buckets are geometric between {@code lowest} and {@code highest}: a value v in [lowest, highest] lands in the bucket
 * {@code floor(log(v / lowest) / log(1 + 2·relativeError))}, whose midpoint is within {@code relativeError} of v.
 * Values below {@code lowest} (including 0) are counted in an underflow bucket, values above {@code highest} in an
 * overflow bucket; the exact minimum and maximum are kept, and percentiles are clamped to them.
 */
public final class Histogram {
    private final double lowest;
    private final double highest;
    private final double relativeError;
    private final double logBase;
    private final long[] counts; // [0] underflow, [1..n] buckets, [n+1] overflow
    private long total;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double sum;

    /** At most this many buckets (about 1.6 MB). */
    public static final int MAX_BUCKETS = 200_000;

    public Histogram(double lowest, double highest, double relativeError) {
        if (!(lowest > 0) || !Double.isFinite(lowest)) {
            throw new IllegalArgumentException("lowest = " + lowest + " is not allowed; allowed: a finite number > 0");
        }
        if (!(highest > lowest) || !Double.isFinite(highest)) {
            throw new IllegalArgumentException("highest = " + highest + " is not allowed; allowed: a finite number > lowest = " + lowest);
        }
        if (!(relativeError >= 1e-5 && relativeError <= 0.5)) {
            throw new IllegalArgumentException("relative_error = " + relativeError + " is not allowed; allowed: [1e-05, 0.5]");
        }
        this.lowest = lowest;
        this.highest = highest;
        this.relativeError = relativeError;
        this.logBase = Math.log1p(2 * relativeError);
        long n = (long) Math.ceil(Math.log(highest / lowest) / logBase) + 1;
        if (n > MAX_BUCKETS) {
            throw new IllegalArgumentException("highest/lowest = " + (highest / lowest) + " with relative_error = " + relativeError
                    + " needs " + n + " buckets; allowed: at most " + MAX_BUCKETS + " (narrow the range or coarsen the error)");
        }
        this.counts = new long[(int) n + 2];
    }

    /** A histogram for cycle counts from 1 to 10^12 with 1 % relative error. */
    public static Histogram forCycles() { return new Histogram(1, 1e12, 0.01); }

    public void add(double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("observation = " + v + " is not allowed; allowed: a finite number >= 0");
        }
        counts[index(v)]++;
        total++;
        sum += v;
        if (v < min) min = v;
        if (v > max) max = v;
    }

    private int index(double v) {
        if (v < lowest) return 0;
        if (v > highest) return counts.length - 1;
        int i = (int) (Math.log(v / lowest) / logBase) + 1;
        return Math.min(i, counts.length - 2);
    }

    public long count() { return total; }

    public double mean() { return total == 0 ? Double.NaN : sum / total; }

    public double min() { return total == 0 ? Double.NaN : min; }

    public double max() { return total == 0 ? Double.NaN : max; }

    public double relativeError() { return relativeError; }

    /**
     * The p-th percentile (p in [0, 100]): the value below which p % of the observations fall, within the relative
     * error for values in [lowest, highest]. NaN with no observations.
     */
    public double percentile(double p) {
        if (!(p >= 0 && p <= 100)) throw new IllegalArgumentException("p = " + p + " is not allowed; allowed: [0, 100]");
        if (total == 0) return Double.NaN;
        if (p == 0) return min;
        if (p == 100) return max;
        long rank = (long) Math.ceil(p / 100.0 * total);
        if (rank < 1) rank = 1;
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) return clamp(representative(i));
        }
        return max;
    }

    private double representative(int i) {
        if (i == 0) return min;
        if (i == counts.length - 1) return max;
        double lo = lowest * Math.exp((i - 1) * logBase);
        double hi = lo * (1 + 2 * relativeError);
        return (lo + hi) / 2;
    }

    private double clamp(double v) { return Math.max(min, Math.min(max, v)); }

    /** Adds every observation of another histogram with the same bounds and error. */
    public void merge(Histogram o) {
        if (o.lowest != lowest || o.highest != highest || o.relativeError != relativeError) {
            throw new IllegalArgumentException("cannot merge histograms with different bounds or relative error");
        }
        for (int i = 0; i < counts.length; i++) counts[i] += o.counts[i];
        total += o.total;
        sum += o.sum;
        min = Math.min(min, o.min);
        max = Math.max(max, o.max);
    }

    public void reset() {
        java.util.Arrays.fill(counts, 0);
        total = 0;
        sum = 0;
        min = Double.POSITIVE_INFINITY;
        max = Double.NEGATIVE_INFINITY;
    }
}
