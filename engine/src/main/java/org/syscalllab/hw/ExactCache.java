package org.syscalllab.hw;

/**
 * One set-associative structure with true LRU replacement, line (or page) granular, remembering the owner that brought
 * each line in. One flat {@code long[]}: the ways of a set are kept in recency order (most recent first), and each word
 * packs the line's tag with its owner ({@code (line + 1) << OWNER_BITS | owner}; 0 = empty). Empty ways sit at the end
 * of a set, so they fill before anything is evicted, and the set's last way is always the one to replace. A hit
 * does not change a line's owner (a kernel copy touching an application buffer leaves it application state).
 *
 * <p>Keeping the order instead of a per-way time stamp means a lookup reads one array and stops at the hit (or at the
 * ways it passes), and a miss needs no search for the oldest way; the hit/miss and eviction sequence is that of LRU
 * with unique time stamps.
 */
final class ExactCache implements OwnerCounts {
    private static final int OWNER_BITS = 3;                  // Owner.MAX = 8
    private static final long OWNER_MASK = (1L << OWNER_BITS) - 1;
    /** Largest line (or page) number a structure accepts (the tag must leave room for the owner bits). */
    static final long MAX_LINE = (Long.MAX_VALUE >>> OWNER_BITS) - 1;

    static {
        if (Owner.MAX > 1 << OWNER_BITS) throw new AssertionError("Owner.MAX does not fit the owner bits");
    }

    private final int sets;
    private final int ways;
    private final int mask;          // sets - 1 when sets is a power of two, else -1
    private final long[] slots;      // per set, ways in recency order: (line + 1) << OWNER_BITS | owner; 0 = empty
    private final long[] evictions = new long[Owner.MAX * Owner.MAX];
    private final long[] occupancy = new long[Owner.MAX];

    ExactCache(int entries, int ways) {
        if (ways < 1 || entries < ways || entries % ways != 0) {
            throw new IllegalArgumentException("entries = " + entries + " with ways = " + ways + " is not allowed; allowed: a positive multiple of ways");
        }
        this.ways = ways;
        this.sets = entries / ways;
        this.mask = Integer.bitCount(sets) == 1 ? sets - 1 : -1;
        this.slots = new long[entries];
    }

    private int setBase(long line) {
        int set = mask >= 0 ? (int) (line & mask) : (int) Math.floorMod(line, (long) sets);
        return set * ways;
    }

    private static long tagOf(long line) {
        if (line < 0 || line > MAX_LINE) throw new IllegalArgumentException("line = " + line + " is not allowed; allowed: [0, " + MAX_LINE + "]");
        return line + 1;
    }

    /** References a line: true on a hit; on a miss the line is brought in for {@code owner}, evicting the LRU way. */
    boolean access(long line, int owner) {
        int base = setBase(line);
        long tag = tagOf(line);
        int i = find(base, tag);
        if (i < 0) {
            fill(base, ~i, tag, owner);
            return false;
        }
        if (i != base) {                                       // move to the front of the recency order
            long w = slots[i];
            System.arraycopy(slots, base, slots, base + 1, i - base);
            slots[base] = w;
        }
        return true;
    }

    /**
     * Brings a line in for {@code owner} if absent, as the most recently used way (a prefetch); true if it was absent.
     * A present line is left as it is (a prefetch does not refresh its recency).
     */
    boolean insertIfAbsent(long line, int owner) {
        int base = setBase(line);
        long tag = tagOf(line);
        int i = find(base, tag);
        if (i >= 0) return false;
        fill(base, ~i, tag, owner);
        return true;
    }

    /** True if the line is present (no LRU update). */
    boolean contains(long line) {
        int base = setBase(line);
        return find(base, tagOf(line)) >= 0;
    }

    /**
     * The index of the way holding {@code tag} in the set at {@code base}; if absent, {@code ~victim}, where victim is
     * the set's last way: the least recently used line in a full set, else an empty way (empty ways sit at the end).
     */
    private int find(int base, long tag) {
        long[] a = slots;
        int end = base + ways;
        for (int i = base; i < end; i++) {
            if (a[i] >>> OWNER_BITS == tag) return i;               // an empty way (0) never matches: tags are >= 1
        }
        return ~(end - 1);
    }

    /** Puts the line at the front of its set, dropping the word at {@code victim} (empty, or the set's LRU way). */
    private void fill(int base, int victim, long tag, int owner) {
        long[] a = slots;
        long old = a[victim];
        if (old != 0) {
            int o = (int) (old & OWNER_MASK);
            evictions[o * Owner.MAX + owner]++;
            occupancy[o]--;
        }
        if (victim != base) System.arraycopy(a, base, a, base + 1, victim - base);
        a[base] = tag << OWNER_BITS | owner;
        occupancy[owner]++;
    }

    @Override public double occupancy(int owner) { return occupancy[owner]; }

    @Override public double evicted(int victim, int by) { return evictions[victim * Owner.MAX + by]; }

    @Override public void resetEvictions() { java.util.Arrays.fill(evictions, 0); }

    @Override public double capacity() { return slots.length; }
}
