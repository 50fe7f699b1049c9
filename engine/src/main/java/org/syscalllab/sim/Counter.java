package org.syscalllab.sim;

/** A count of occurrences (calls completed, context switches, IPIs) with its rate over simulated time. */
public final class Counter {
    private long count;

    public void increment() { count++; }

    public void add(long n) {
        if (n < 0) throw new IllegalArgumentException("n = " + n + " is not allowed; allowed: >= 0");
        count += n;
    }

    public long count() { return count; }

    /** Occurrences per cycle over {@code cycles}; 0 for an empty span. */
    public double perCycle(long cycles) {
        if (cycles < 0) throw new IllegalArgumentException("cycles = " + cycles + " is not allowed; allowed: >= 0");
        return cycles == 0 ? 0 : count / (double) cycles;
    }

    public void reset() { count = 0; }

    @Override
    public String toString() { return Long.toString(count); }
}
