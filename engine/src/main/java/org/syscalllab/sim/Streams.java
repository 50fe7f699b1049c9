package org.syscalllab.sim;

import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Named, seeded random streams. A stream is identified by a name ("arrivals", "disk.seek", ...) and derived from a
 * base seed, so adding a new stream never shifts the numbers an existing stream produces, and the same seed always
 * gives the same numbers. Uses the JDK's L64X128MixRandom (JEP 356).
 */
public final class Streams {
    private static final RandomGeneratorFactory<RandomGenerator> FACTORY = RandomGeneratorFactory.of("L64X128MixRandom");

    private final long seed;

    public Streams(long seed) {
        this.seed = seed;
    }

    public long seed() { return seed; }

    /** A fresh generator for the named stream; two calls with one name give two generators with the same sequence. */
    public RandomGenerator stream(String name) {
        return FACTORY.create(derive(seed, name));
    }

    /** A child seed for a named sub-part (a sweep point, a replication). */
    public static long derive(long seed, String name) {
        long h = seed;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) h = mix(h ^ (b & 0xff)) + 0x9E3779B97F4A7C15L;
        return mix(h);
    }

    /** A child seed for an indexed sub-part. */
    public static long derive(long seed, long index) {
        return mix(seed + mix(index + 0x632BE59BD9B4E019L));
    }

    /** SplitMix64's finaliser: a bijective 64-bit mix. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
