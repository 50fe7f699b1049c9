package org.syscalllab.hw;

import java.util.Arrays;

/**
 * One structure in the fast model: the lines it holds are kept as recency cohorts (oldest first), each a vector of
 * expected lines per stream. A burst's touched lines form a new youngest cohort; lines it hits leave their old
 * cohorts; if the structure overflows, the oldest cohorts lose lines first (LRU at cohort granularity), and the loss is
 * booked as evictions of the lines' owners by the owners that inserted. At most {@link #MAX_COHORTS} cohorts are kept:
 * beyond that the two oldest merge.
 *
 * <p>Representation. A commit files each stream's young lines as a cohort of its own, so every cohort holds one stream
 * except the oldest, into which the merges go. The oldest is kept as a dense vector ({@code base}); the others as
 * (stream, lines) entries in a ring ordered by age, with a per-stream index of its entries. A hit therefore touches only
 * the stream's own entries, and a commit costs one pass over the live cohorts (to total them) plus the few oldest it
 * evicts from: bounded by the cohort cap, independent of the burst's length and of the number of stream slots. The
 * arithmetic (and its order) is that of the dense form, so results are the same to the last bit.
 */
final class OccupancyCache {
    static final int MAX_COHORTS = 64;
    private static final double EMPTY = 1e-9;                 // a cohort with no stream above this is dropped
    private final double capacity;
    private final int streams;
    private final int[] owner;                // owner of each stream slot
    // the oldest cohort (dense over the slots), present when hasBase
    private final double[] base;
    private boolean hasBase;
    // single-stream cohorts, oldest first: ring addressed by sequence number (index = seq & mask); slot -1 = dropped
    private int[] cSlot = new int[256];
    private double[] cVal = new double[256];
    private int mask = 255;
    private long head;
    private long tail;
    private int live;                         // single-stream cohorts not dropped
    // per slot: the sequence numbers of its single-stream cohorts, oldest first (dropped ones are skipped lazily)
    private final long[][] bySlot;
    private final int[] bsHead;
    private final int[] bsTail;
    // slots that ever held lines, ascending (the dense base is only walked over these)
    private final boolean[] active;
    private int[] activeList = new int[0];
    private final double[] young;
    private final boolean[] youngTouched;
    private final int[] touchedList;
    private int touchedCount;
    private final double[] inserted = new double[Owner.MAX];
    private final double[] rate;              // references per line of each stream in its latest burst
    private final double[] evictions = new double[Owner.MAX * Owner.MAX];
    private long[] dirty = new long[64];      // single cohorts that may have fallen to EMPTY since the last commit
    private int dirtyCount;
    private final int[] order;

    OccupancyCache(double capacity, int[] owner) {
        this.capacity = capacity;
        this.owner = owner;
        this.streams = owner.length;
        this.base = new double[streams];
        this.young = new double[streams];
        this.youngTouched = new boolean[streams];
        this.touchedList = new int[streams];
        this.rate = new double[streams];
        this.active = new boolean[streams];
        this.bySlot = new long[streams][];
        this.bsHead = new int[streams];
        this.bsTail = new int[streams];
        this.order = new int[streams];
        Arrays.fill(cSlot, -1);
    }

    /**
     * Records how often stream s references each of its lines in the current burst. Within one burst, lines of a
     * stream referenced less often were, on average, last touched longer ago, so {@link #commit()} files them as older
     * (the characteristic-time view of LRU), and they are evicted first.
     */
    void rate(int s, double refsPerLine) { rate[s] = refsPerLine; }

    double capacity() { return capacity; }

    double present(int s) {
        double p = 0;
        if (hasBase) p += base[s];
        long[] q = bySlot[s];
        if (q == null) return p;
        int qm = q.length - 1;
        for (int i = bsHead[s]; i != bsTail[s]; i = (i + 1) & qm) {
            long seq = q[i];
            if (seq < head) continue;
            int x = (int) seq & mask;
            if (cSlot[x] == s) p += cVal[x];
        }
        return p;
    }

    double occupancy(int o) {
        double t = 0;
        if (hasBase) for (int s : activeList) if (owner[s] == o) t += base[s];
        for (long seq = head; seq < tail; seq++) {
            int x = (int) seq & mask;
            if (cSlot[x] >= 0 && owner[cSlot[x]] == o) t += cVal[x];
        }
        return t;
    }

    /** {@code hits} of stream s's present lines were referenced again: move them out of their old cohorts. */
    void hit(int s, double hits) {
        double p = present(s);
        if (p <= 0 || hits <= 0) return;
        double f = Math.min(1, hits / p);
        if (hasBase) base[s] -= base[s] * f;
        long[] q = bySlot[s];
        if (q != null) {
            int qm = q.length - 1;
            for (int i = bsHead[s]; i != bsTail[s]; i = (i + 1) & qm) {
                long seq = q[i];
                if (seq < head) continue;
                int x = (int) seq & mask;
                if (cSlot[x] != s) continue;
                cVal[x] -= cVal[x] * f;
                if (!(cVal[x] > EMPTY)) markDirty(seq);
            }
        }
        addYoung(s, Math.min(hits, p));
    }

    /** New lines of stream s brought in by the current burst. */
    void insert(int s, double lines) {
        if (lines <= 0) return;
        addYoung(s, lines);
        inserted[owner[s]] += lines;
    }

    private void addYoung(int s, double lines) {
        young[s] += lines;
        if (!youngTouched[s]) {
            youngTouched[s] = true;
            touchedList[touchedCount++] = s;
        }
    }

    private void markDirty(long seq) {
        if (dirtyCount == dirty.length) dirty = Arrays.copyOf(dirty, dirty.length * 2);
        dirty[dirtyCount++] = seq;
    }

    /** Ends the current burst chunk: appends the young cohort and evicts the overflow, oldest first. */
    void commit() {
        // the young lines of each stream become a cohort, streams referenced less often filed as older (stable order)
        int n = 0;
        for (int t = 0; t < touchedCount; t++) {
            int s = touchedList[t];
            youngTouched[s] = false;
            if (young[s] > 0) {
                int j = n++;
                while (j > 0 && before(s, order[j - 1])) {
                    order[j] = order[j - 1];
                    j--;
                }
                order[j] = s;
            }
        }
        for (int i = 0; i < n; i++) {
            int s = order[i];
            append(s, young[s]);
        }
        for (int t = 0; t < touchedCount; t++) young[touchedList[t]] = 0;
        touchedCount = 0;
        // total held, oldest cohort first
        double total = 0;
        if (hasBase) for (int s : activeList) total += base[s];
        for (long seq = head; seq < tail; seq++) {
            int x = (int) seq & mask;
            if (cSlot[x] >= 0) total += cVal[x];
        }
        double excess = total - capacity;
        double ins = 0;
        for (double v : inserted) ins += v;
        if (hasBase && excess > EMPTY) {
            double sum = 0;
            for (int s : activeList) sum += base[s];
            if (sum > 0) {
                double take = Math.min(sum, excess);
                double f = take / sum;
                for (int s : activeList) {
                    double gone = base[s] * f;
                    if (gone <= 0) continue;
                    base[s] -= gone;
                    book(s, gone, ins);
                }
                excess -= take;
            }
        }
        for (long seq = head; seq < tail && excess > EMPTY; seq++) {
            int x = (int) seq & mask;
            int s = cSlot[x];
            if (s < 0) continue;
            double sum = cVal[x];
            if (sum <= 0) continue;
            double take = Math.min(sum, excess);
            double f = take / sum;
            double gone = cVal[x] * f;
            if (gone > 0) {
                cVal[x] -= gone;
                book(s, gone, ins);
            }
            if (!(cVal[x] > EMPTY)) markDirty(seq);
            excess -= take;
        }
        Arrays.fill(inserted, 0);
        // drop cohorts that hold nothing
        if (hasBase) {
            boolean empty = true;
            for (int s : activeList) if (base[s] > EMPTY) empty = false;
            if (empty) {
                hasBase = false;
                Arrays.fill(base, 0);
            }
        }
        for (int i = 0; i < dirtyCount; i++) {
            long seq = dirty[i];
            if (seq < head) continue;
            int x = (int) seq & mask;
            if (cSlot[x] >= 0 && !(cVal[x] > EMPTY)) drop(x);
        }
        dirtyCount = 0;
        trimHead();
        if (tail - head > 2L * live + 64) compact();
        // at most MAX_COHORTS: the oldest merges into the next
        while (live + (hasBase ? 1 : 0) > MAX_COHORTS) {
            if (!hasBase) {
                int x = (int) head & mask;                        // the oldest single cohort becomes the dense base
                base[cSlot[x]] = cVal[x];
                drop(x);
                trimHead();
                hasBase = true;
            }
            int x = (int) head & mask;                            // the next merges with it (next += oldest)
            int s = cSlot[x];
            base[s] = cVal[x] + base[s];
            drop(x);
            trimHead();
        }
    }

    private boolean before(int a, int b) {
        int c = Double.compare(rate[a], rate[b]);
        return c < 0 || (c == 0 && a < b);
    }

    private void book(int s, double gone, double ins) {
        if (ins <= 0) return;
        for (int o = 0; o < Owner.MAX; o++) {
            if (inserted[o] > 0) evictions[owner[s] * Owner.MAX + o] += gone * inserted[o] / ins;
        }
    }

    private void append(int s, double lines) {
        if (tail - head == cSlot.length) grow();
        long seq = tail++;
        int x = (int) seq & mask;
        cSlot[x] = s;
        cVal[x] = lines;
        live++;
        if (!(lines > EMPTY)) markDirty(seq);
        if (!active[s]) activate(s);
        long[] q = bySlot[s];
        if (q == null) q = bySlot[s] = new long[16];
        int qm = q.length - 1;
        while (bsHead[s] != bsTail[s] && (q[bsHead[s]] < head || cSlot[(int) q[bsHead[s]] & mask] != s)) bsHead[s] = (bsHead[s] + 1) & qm;
        if (((bsTail[s] + 1) & qm) == bsHead[s]) {                // full: double it
            long[] nq = new long[q.length * 2];
            int k = 0;
            for (int i = bsHead[s]; i != bsTail[s]; i = (i + 1) & qm) nq[k++] = q[i];
            q = bySlot[s] = nq;
            qm = q.length - 1;
            bsHead[s] = 0;
            bsTail[s] = k;
        }
        q[bsTail[s]] = seq;
        bsTail[s] = (bsTail[s] + 1) & qm;
    }

    private void drop(int x) {
        cSlot[x] = -1;
        cVal[x] = 0;
        live--;
    }

    private void trimHead() {
        while (head < tail && cSlot[(int) head & mask] < 0) head++;
    }

    /** Closes the gaps dropped cohorts left in the ring (their order is kept), so walks stay proportional to the live ones. */
    private void compact() {
        int n = 0;
        int[] ks = new int[live];
        double[] kv = new double[live];
        for (long seq = head; seq < tail; seq++) {
            int x = (int) seq & mask;
            if (cSlot[x] >= 0) {
                ks[n] = cSlot[x];
                kv[n++] = cVal[x];
                cSlot[x] = -1;
            }
        }
        head = tail;
        live = 0;
        Arrays.fill(bsHead, 0);
        Arrays.fill(bsTail, 0);
        for (int i = 0; i < n; i++) append(ks[i], kv[i]);
        dirtyCount = 0;                                          // only called with no dirty cohort pending
    }

    private void grow() {
        int[] ns = new int[cSlot.length * 2];
        double[] nv = new double[cSlot.length * 2];
        Arrays.fill(ns, -1);
        int nm = ns.length - 1;
        for (long seq = head; seq < tail; seq++) {
            ns[(int) seq & nm] = cSlot[(int) seq & mask];
            nv[(int) seq & nm] = cVal[(int) seq & mask];
        }
        cSlot = ns;
        cVal = nv;
        mask = nm;
    }

    private void activate(int s) {
        active[s] = true;
        int[] a = Arrays.copyOf(activeList, activeList.length + 1);
        int j = a.length - 1;
        while (j > 0 && a[j - 1] > s) {
            a[j] = a[j - 1];
            j--;
        }
        a[j] = s;
        activeList = a;
    }

    double evicted(int victim, int by) { return evictions[victim * Owner.MAX + by]; }

    void resetEvictions() { Arrays.fill(evictions, 0); }

    /** Replaces the contents with one cohort holding the given lines per stream (used to start from steady state). */
    void set(double[] lines, double[] refsPerLine) {
        hasBase = false;
        Arrays.fill(base, 0);
        for (long seq = head; seq < tail; seq++) cSlot[(int) seq & mask] = -1;
        head = tail;
        live = 0;
        Arrays.fill(bsHead, 0);
        Arrays.fill(bsTail, 0);
        dirtyCount = 0;
        System.arraycopy(refsPerLine, 0, rate, 0, streams);
        for (int t = 0; t < touchedCount; t++) youngTouched[touchedList[t]] = false;
        touchedCount = 0;
        Arrays.fill(young, 0);
        for (int s = 0; s < streams; s++) if (lines[s] != 0) addYoung(s, lines[s]);
        Arrays.fill(inserted, 0);
        commit();
    }
}
