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
 * (stream, lines) entries in a ring ordered by age. A hit scales all of a stream's cohorts by the same factor, so each
 * stream keeps one scale factor and the sum of its entries, and a hit or a presence query is O(1); a commit appends the
 * burst's cohorts and evicts from the oldest few, so a burst costs O(streams touched + cohorts evicted), independent of
 * its length and of the number of cohorts held. Against the dense form ({@code ReferenceOccupancyCache} in the tests)
 * the results agree to rounding, except that a stream's cohort decayed to {@value #EMPTY} lines or less by hits is
 * dropped only once the stream's older cohorts are gone (the dense form drops it at once; it holds nothing either way,
 * but it counts towards the cohort cap until dropped).
 */
final class OccupancyCache implements OwnerCounts {
    static final int MAX_COHORTS = 64;
    private static final double EMPTY = 1e-9;                 // a cohort with no stream above this is dropped
    private static final double RESCALE = 1e-100;             // a scale factor below this is folded into the entries
    private final double capacity;
    private final int streams;
    private final int[] owner;                // owner of each stream slot
    // the oldest cohort (dense over the slots, in lines), present when hasBase
    private final double[] base;
    private boolean hasBase;
    // single-stream cohorts, oldest first: ring addressed by sequence number (index = seq & mask); slot -1 = dropped.
    // An entry's lines are its raw value times its stream's scale factor.
    private int[] cSlot = new int[256];
    private double[] cRaw = new double[256];
    private int mask = 255;
    private long head;
    private long tail;
    private int live;                         // single-stream cohorts not dropped
    private final double[] scale;             // per slot: lines per raw unit of its single cohorts
    private final double[] rawSum;            // per slot: sum of the raw values of its single cohorts
    private final int[] entries;              // per slot: its single cohorts
    // per slot: the sequence numbers of its single-stream cohorts, oldest first (dropped ones are skipped lazily)
    private final long[][] bySlot;
    private final int[] bsHead;
    private final int[] bsTail;
    // slots that ever held lines, ascending
    private final boolean[] active;
    private int[] activeList = new int[0];
    private final double[] young;
    private final boolean[] youngTouched;
    private final int[] touchedList;
    private int touchedCount;
    private final double[] inserted = new double[Owner.MAX];
    private final int[] inserters = new int[Owner.MAX];
    private final double[] insertShare = new double[Owner.MAX];
    private int inserterCount;
    private final double[] rate;              // references per line of each stream in its latest burst
    private final double[] evictions = new double[Owner.MAX * Owner.MAX];
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
        this.scale = new double[streams];
        this.rawSum = new double[streams];
        this.entries = new int[streams];
        this.bySlot = new long[streams][];
        this.bsHead = new int[streams];
        this.bsTail = new int[streams];
        this.order = new int[streams];
        Arrays.fill(scale, 1);
        Arrays.fill(cSlot, -1);
    }

    /**
     * Records how often stream s references each of its lines in the current burst. Within one burst, lines of a
     * stream referenced less often were, on average, last touched longer ago, so {@link #commit()} files them as older
     * (the characteristic-time view of LRU), and they are evicted first.
     */
    void rate(int s, double refsPerLine) { rate[s] = refsPerLine; }

    @Override public double capacity() { return capacity; }

    double present(int s) {
        double p = hasBase ? base[s] : 0;
        return entries[s] == 0 ? p : p + rawSum[s] * scale[s];
    }

    @Override public double occupancy(int o) {
        double t = 0;
        for (int s : activeList) if (owner[s] == o) t += present(s);
        return t;
    }

    /** {@code hits} of stream s's present lines were referenced again: move them out of their old cohorts. */
    void hit(int s, double hits) { hit(s, hits, present(s)); }

    /** {@link #hit(int, double)} when the caller has just read {@code p = present(s)}. */
    void hit(int s, double hits, double p) {
        if (p <= 0 || hits <= 0) return;
        double f = Math.min(1, hits / p);
        if (hasBase) base[s] -= base[s] * f;
        if (entries[s] > 0) {
            if (f >= 1) {
                dropAll(s);
            } else {
                scale[s] *= 1 - f;
                dropDecayed(s);
                if (entries[s] > 0 && scale[s] < RESCALE) fold(s);
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
            if (young[s] > EMPTY) append(s, young[s] / scale[s]);
            else if (!active[s]) activate(s);
        }
        for (int t = 0; t < touchedCount; t++) young[touchedList[t]] = 0;
        touchedCount = 0;
        double total = 0;
        for (int s : activeList) total += present(s);
        double excess = total - capacity;
        double ins = 0;
        inserterCount = 0;
        for (double v : inserted) ins += v;
        if (ins > 0) {
            for (int o = 0; o < Owner.MAX; o++) {
                if (inserted[o] > 0) {
                    inserters[inserterCount] = o;
                    insertShare[inserterCount++] = inserted[o] / ins;
                }
            }
        }
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
                    book(s, gone);
                }
                excess -= take;
            }
        }
        while (head < tail && excess > EMPTY) {
            int x = (int) head & mask;
            int s = cSlot[x];
            if (s < 0) {
                head++;
                continue;
            }
            double v = cRaw[x] * scale[s];
            double take = Math.min(v, excess);
            if (take > 0) book(s, take);
            excess -= take;
            if (v - take > EMPTY) {
                double raw = cRaw[x] * (1 - take / v);
                rawSum[s] -= cRaw[x] - raw;
                cRaw[x] = raw;
                break;
            }
            drop(x);
            head++;
        }
        Arrays.fill(inserted, 0);
        // drop an oldest cohort that holds nothing
        if (hasBase) {
            boolean empty = true;
            for (int s : activeList) {
                if (base[s] > EMPTY) {
                    empty = false;
                    break;
                }
            }
            if (empty) {
                hasBase = false;
                Arrays.fill(base, 0);
            }
        }
        trimHead();
        if (tail - head > 2L * live + 64) compact();
        // at most MAX_COHORTS: the oldest merges into the next
        while (live + (hasBase ? 1 : 0) > MAX_COHORTS) {
            int x = (int) head & mask;
            int s = cSlot[x];
            base[s] += cRaw[x] * scale[s];
            drop(x);
            trimHead();
            hasBase = true;
        }
    }

    private boolean before(int a, int b) {
        int c = Double.compare(rate[a], rate[b]);
        return c < 0 || (c == 0 && a < b);
    }

    private void book(int s, double gone) {
        int row = owner[s] * Owner.MAX;
        for (int i = 0; i < inserterCount; i++) evictions[row + inserters[i]] += gone * insertShare[i];
    }

    private void append(int s, double raw) {
        if (tail - head == cSlot.length) grow();
        long seq = tail++;
        int x = (int) seq & mask;
        cSlot[x] = s;
        cRaw[x] = raw;
        live++;
        entries[s]++;
        rawSum[s] += raw;
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
        int s = cSlot[x];
        double raw = cRaw[x];
        cSlot[x] = -1;
        cRaw[x] = 0;
        live--;
        if (--entries[s] == 0) {
            rawSum[s] = 0;
            scale[s] = 1;
        } else {
            rawSum[s] = Math.max(0, rawSum[s] - raw);
        }
    }

    /** Every single cohort of stream s was hit whole: they hold nothing now. */
    private void dropAll(int s) {
        long[] q = bySlot[s];
        int qm = q.length - 1;
        for (int i = bsHead[s]; i != bsTail[s]; i = (i + 1) & qm) {
            long seq = q[i];
            if (seq < head) continue;
            int x = (int) seq & mask;
            if (cSlot[x] == s) drop(x);
        }
        bsHead[s] = bsTail[s] = 0;
        trimHead();
    }

    /**
     * Drops stream s's oldest cohorts that hits have decayed to {@value #EMPTY} lines or less (a stream's cohorts
     * decay together, so its oldest are the smallest, as a rule; a younger small one waits for its turn).
     */
    private void dropDecayed(int s) {
        long[] q = bySlot[s];
        int qm = q.length - 1;
        double sc = scale[s];
        boolean dropped = false;
        while (bsHead[s] != bsTail[s]) {
            long seq = q[bsHead[s]];
            int x = (int) seq & mask;
            if (seq >= head && cSlot[x] == s) {
                if (cRaw[x] * sc > EMPTY) break;
                drop(x);
                dropped = true;
            }
            bsHead[s] = (bsHead[s] + 1) & qm;
        }
        if (dropped) trimHead();                  // the head is trimmed after every operation: only a drop can untrim it
    }

    /** Folds stream s's scale factor into its entries (keeps the raw values in range). */
    private void fold(int s) {
        long[] q = bySlot[s];
        int qm = q.length - 1;
        double sum = 0;
        for (int i = bsHead[s]; i != bsTail[s]; i = (i + 1) & qm) {
            long seq = q[i];
            if (seq < head) continue;
            int x = (int) seq & mask;
            if (cSlot[x] == s) {
                cRaw[x] *= scale[s];
                sum += cRaw[x];
            }
        }
        rawSum[s] = sum;
        scale[s] = 1;
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
                kv[n++] = cRaw[x];
                cSlot[x] = -1;
            }
        }
        emptyRing();
        for (int i = 0; i < n; i++) append(ks[i], kv[i]);
    }

    /** Empties the cohort ring and every per-stream sum over it (the caller has already cleared the slots). */
    private void emptyRing() {
        head = tail;
        live = 0;
        Arrays.fill(bsHead, 0);
        Arrays.fill(bsTail, 0);
        Arrays.fill(entries, 0);
        Arrays.fill(rawSum, 0);
    }

    private void grow() {
        int[] ns = new int[cSlot.length * 2];
        double[] nv = new double[cSlot.length * 2];
        Arrays.fill(ns, -1);
        int nm = ns.length - 1;
        for (long seq = head; seq < tail; seq++) {
            ns[(int) seq & nm] = cSlot[(int) seq & mask];
            nv[(int) seq & nm] = cRaw[(int) seq & mask];
        }
        cSlot = ns;
        cRaw = nv;
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

    @Override public double evicted(int victim, int by) { return evictions[victim * Owner.MAX + by]; }

    @Override public void resetEvictions() { Arrays.fill(evictions, 0); }

    /** Replaces the contents with one cohort holding the given lines per stream (used to start from steady state). */
    void set(double[] lines, double[] refsPerLine) {
        hasBase = false;
        Arrays.fill(base, 0);
        for (long seq = head; seq < tail; seq++) cSlot[(int) seq & mask] = -1;
        emptyRing();
        Arrays.fill(scale, 1);
        System.arraycopy(refsPerLine, 0, rate, 0, streams);
        for (int t = 0; t < touchedCount; t++) youngTouched[touchedList[t]] = false;
        touchedCount = 0;
        Arrays.fill(young, 0);
        for (int s = 0; s < streams; s++) if (lines[s] != 0) addYoung(s, lines[s]);
        Arrays.fill(inserted, 0);
        commit();
    }
}
