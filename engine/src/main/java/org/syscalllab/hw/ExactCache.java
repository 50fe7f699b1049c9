package org.syscalllab.hw;

/**
 * One set-associative structure with true LRU replacement, line (or page) granular, remembering the owner that brought
 * each line in. Primitive arrays only: a tag, an LRU stamp and an owner byte per way. Empty ways have stamp 0, so
 * they fill before anything is evicted. A hit does not change a line's owner (a kernel copy touching an application
 * buffer leaves it application state).
 */
final class ExactCache {
    private final int sets;
    private final int ways;
    private final int mask;          // sets - 1 when sets is a power of two, else -1
    private final long[] tags;       // line + 1; 0 = empty
    private final long[] stamps;
    private final byte[] owners;
    private long clock;
    private final long[] evictions = new long[Owner.MAX * Owner.MAX];
    private final long[] occupancy = new long[Owner.MAX];

    ExactCache(int entries, int ways) {
        if (ways < 1 || entries < ways || entries % ways != 0) {
            throw new IllegalArgumentException("entries = " + entries + " with ways = " + ways + " is not allowed; allowed: a positive multiple of ways");
        }
        this.ways = ways;
        this.sets = entries / ways;
        this.mask = Integer.bitCount(sets) == 1 ? sets - 1 : -1;
        this.tags = new long[entries];
        this.stamps = new long[entries];
        this.owners = new byte[entries];
    }

    private int setBase(long line) {
        int set = mask >= 0 ? (int) (line & mask) : (int) Math.floorMod(line, (long) sets);
        return set * ways;
    }

    /** References a line: true on a hit; on a miss the line is brought in for {@code owner}, evicting the LRU way. */
    boolean access(long line, int owner) {
        int base = setBase(line);
        long tag = line + 1;
        int victim = base;
        long oldest = Long.MAX_VALUE;
        for (int i = base, end = base + ways; i < end; i++) {
            if (tags[i] == tag) {
                stamps[i] = ++clock;
                return true;
            }
            long s = stamps[i];
            if (s < oldest) {
                oldest = s;
                victim = i;
            }
        }
        fill(victim, tag, owner);
        return false;
    }

    /**
     * Brings a line in for {@code owner} if absent, as the most recently used way (a prefetch); true if it was absent.
     * A present line is left as it is (a prefetch does not refresh its recency).
     */
    boolean insertIfAbsent(long line, int owner) {
        int base = setBase(line);
        long tag = line + 1;
        int victim = base;
        long oldest = Long.MAX_VALUE;
        for (int i = base, end = base + ways; i < end; i++) {
            if (tags[i] == tag) return false;
            long s = stamps[i];
            if (s < oldest) {
                oldest = s;
                victim = i;
            }
        }
        fill(victim, tag, owner);
        return true;
    }

    /** True if the line is present (no LRU update). */
    boolean contains(long line) {
        int base = setBase(line);
        long tag = line + 1;
        for (int i = base, end = base + ways; i < end; i++) if (tags[i] == tag) return true;
        return false;
    }

    private void fill(int way, long tag, int owner) {
        if (tags[way] != 0) {
            int old = owners[way];
            evictions[old * Owner.MAX + owner]++;
            occupancy[old]--;
        }
        tags[way] = tag;
        stamps[way] = ++clock;
        owners[way] = (byte) owner;
        occupancy[owner]++;
    }

    long occupancy(int owner) { return occupancy[owner]; }

    long evicted(int victim, int by) { return evictions[victim * Owner.MAX + by]; }

    void resetEvictions() { java.util.Arrays.fill(evictions, 0); }

    int capacity() { return tags.length; }
}
