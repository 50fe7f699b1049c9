package org.syscalllab.bench;

import java.util.SplittableRandom;

/**
 * The hold model's time increments, shared by every engine: exponential with a given mean, rounded to whole time units
 * (so the same values are exact as {@code long} cycles and as {@code double} times), from a fixed seed.
 *
 * <p>The classic hold model draws increments from a continuous distribution, where two events never share a time.
 * With a mean of 10^9 units the rounding to whole units keeps ties rare even with 10^6 pending events; with a mean of
 * 1000 units and 10^6 pending events about a thousand events share each time unit, a tie-heavy variant that also
 * exercises the (priority, sequence) tie-break.
 */
final class Increments {
    static final int SIZE = 1 << 20;
    static final int MASK = SIZE - 1;

    private Increments() { }

    /** A fresh table of increments with the given mean (the same numbers for every engine). */
    static long[] table(double mean) {
        if (!(mean >= 1)) throw new IllegalArgumentException("mean = " + mean + " is not allowed; allowed: >= 1");
        long[] v = new long[SIZE];
        SplittableRandom r = new SplittableRandom(0x5EED_1234L);
        for (int i = 0; i < SIZE; i++) v[i] = Math.round(-mean * Math.log(1.0 - r.nextDouble()));
        return v;
    }
}
