package org.syscalllab.sim;

/**
 * The time-weighted average of a piecewise-constant quantity (queue length, busy cores, threads runnable): the value
 * holds from one update to the next, and the mean is its integral over simulated time divided by the time observed.
 * Constant memory. Updates must come in non-decreasing time. Not thread-safe: one per simulation.
 */
public final class TimeWeighted {
    private long start;
    private long last;
    private double value;
    private double area;
    private double min;
    private double max;

    /** Starts observing at {@code startTime} (cycles) with the quantity at {@code initialValue}. */
    public TimeWeighted(long startTime, double initialValue) {
        if (!Double.isFinite(initialValue)) {
            throw new IllegalArgumentException("initial_value = " + initialValue + " is not allowed; allowed: a finite number");
        }
        this.start = startTime;
        this.last = startTime;
        this.value = initialValue;
        this.min = initialValue;
        this.max = initialValue;
    }

    /** The quantity becomes {@code v} at time {@code now}. */
    public void set(long now, double v) {
        if (now < last) throw new IllegalArgumentException("time = " + now + " is not allowed; allowed: >= " + last + " (the last update)");
        if (!Double.isFinite(v)) throw new IllegalArgumentException("value = " + v + " is not allowed; allowed: a finite number");
        area += value * (double) (now - last);
        last = now;
        value = v;
        if (v < min) min = v;
        if (v > max) max = v;
    }

    /** The quantity changes by {@code delta} at time {@code now}. */
    public void add(long now, double delta) { set(now, value + delta); }

    /** The current value. */
    public double current() { return value; }

    /** The time-weighted mean from the start (or last reset) up to {@code now}; the current value if no time passed. */
    public double mean(long now) {
        if (now < last) throw new IllegalArgumentException("time = " + now + " is not allowed; allowed: >= " + last + " (the last update)");
        long span = now - start;
        if (span == 0) return value;
        return (area + value * (double) (now - last)) / span;
    }

    public double min() { return min; }

    public double max() { return max; }

    /** Restarts the average at {@code now}, keeping the current value (e.g. after a warm-up). */
    public void reset(long now) {
        if (now < last) throw new IllegalArgumentException("time = " + now + " is not allowed; allowed: >= " + last + " (the last update)");
        start = now;
        last = now;
        area = 0;
        min = value;
        max = value;
    }
}
