package org.syscalllab.hw;

/**
 * The geometry and timing of one cache level (or one half of a split L1).
 *
 * @param name          short name used in metric suffixes: {@code l1i}, {@code l1d}, {@code l2}, {@code l3}
 * @param sizeBytes     capacity in bytes; a multiple of {@code ways * lineBytes}
 * @param ways          associativity (1 = direct mapped; {@code sizeBytes / lineBytes} = fully associative)
 * @param lineBytes     line size in bytes, a power of two
 * @param latencyCycles load-to-use latency of a hit in this level, in core cycles
 * @param prefetchLines extra lines a demand miss in this level brings in beside the missing one (spatial and stream
 *                      prefetching, in lines per demand miss; 0 = no prefetching)
 * @param shared        whether all cores share this level (true for a last-level cache such as Nehalem's L3)
 */
public record CacheLevel(String name, long sizeBytes, int ways, int lineBytes, int latencyCycles,
                         double prefetchLines, boolean shared) {
    public CacheLevel {
        if (name == null || !name.matches("[a-z][a-z0-9]*")) {
            throw new IllegalArgumentException("cache name '" + name + "' is not allowed; allowed: lower-case letters and digits");
        }
        if (lineBytes < 4 || Integer.bitCount(lineBytes) != 1) {
            throw new IllegalArgumentException(name + ".line_bytes = " + lineBytes + " is not allowed; allowed: a power of two >= 4");
        }
        if (ways < 1) throw new IllegalArgumentException(name + ".ways = " + ways + " is not allowed; allowed: >= 1");
        if (sizeBytes < (long) ways * lineBytes || sizeBytes % ((long) ways * lineBytes) != 0) {
            throw new IllegalArgumentException(name + ".size_bytes = " + sizeBytes + " is not allowed; allowed: a positive multiple of ways*line_bytes = "
                    + ((long) ways * lineBytes));
        }
        if (sizeBytes / lineBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + ".size_bytes = " + sizeBytes + " is not allowed; allowed: at most 2^31-1 lines");
        }
        if (latencyCycles < 0) throw new IllegalArgumentException(name + ".latency_cycles = " + latencyCycles + " is not allowed; allowed: >= 0");
        if (!(prefetchLines >= 0 && prefetchLines <= 64)) {
            throw new IllegalArgumentException(name + ".prefetch_lines = " + prefetchLines + " is not allowed; allowed: [0, 64]");
        }
    }

    /** A private (per-core), non-prefetching level. */
    public static CacheLevel of(String name, long sizeBytes, int ways, int lineBytes, int latencyCycles) {
        return new CacheLevel(name, sizeBytes, ways, lineBytes, latencyCycles, 0, false);
    }

    /** Number of lines the level holds. */
    public int lines() { return (int) (sizeBytes / lineBytes); }

    /** Number of sets. */
    public int sets() { return lines() / ways; }

    public CacheLevel withSizeBytes(long bytes) {
        return new CacheLevel(name, bytes, ways, lineBytes, latencyCycles, prefetchLines, shared);
    }

    public CacheLevel withWays(int w) {
        return new CacheLevel(name, sizeBytes, w, lineBytes, latencyCycles, prefetchLines, shared);
    }

    public CacheLevel withLatencyCycles(int c) {
        return new CacheLevel(name, sizeBytes, ways, lineBytes, c, prefetchLines, shared);
    }

    public CacheLevel withPrefetchLines(double p) {
        return new CacheLevel(name, sizeBytes, ways, lineBytes, latencyCycles, p, shared);
    }

    public CacheLevel withShared(boolean s) {
        return new CacheLevel(name, sizeBytes, ways, lineBytes, latencyCycles, prefetchLines, s);
    }
}
