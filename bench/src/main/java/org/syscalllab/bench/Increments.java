package org.syscalllab.bench;

import java.util.SplittableRandom;

/**
 * The hold model's time increments, shared by every engine: exponential with a mean of 1000 time units, rounded to
 * whole units (so the same values are exact as {@code long} cycles and as {@code double} times), from a fixed seed.
 */
final class Increments {
    static final int SIZE = 1 << 20;
    static final int MASK = SIZE - 1;
    /** ASSUMPTION: the mean only scales time; 1000 keeps rounding ties rare. */
    static final double MEAN = 1000.0;
    static final long[] VALUES = new long[SIZE];

    static {
        SplittableRandom r = new SplittableRandom(0x5EED_1234L);
        for (int i = 0; i < SIZE; i++) VALUES[i] = Math.round(-MEAN * Math.log(1.0 - r.nextDouble()));
    }

    private Increments() { }
}
