package org.syscalllab.hw;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The exact fidelity: every reference goes through set-associative LRU structures line by line. A data reference looks
 * up the d-TLB (by page) and L1d; a miss goes to L2, then L3, then memory. A miss in a level with prefetching also
 * brings in the next {@code prefetchLines} lines of the same page (fetched from below like a demand line, but not
 * counted as demand misses). Lines are not copied back into inner levels on eviction (no inclusion is enforced).
 *
 * <p>Random choices (which line a RANDOM stream references, how streams interleave) come from one seeded generator, so
 * the same seed gives the same misses.
 */
public final class ExactMemorySystem extends AbstractMemorySystem<ExactCache> {
    private static final int DTLB = Structure.DTLB.ordinal();
    private static final int ITLB = Structure.ITLB.ordinal();
    private static final int L1D = Structure.L1D.ordinal();
    private static final int L1I = Structure.L1I.ordinal();
    private final int[] unifiedOrdinals;     // Structure ordinal of each unified level
    private final int[] prefetch;
    private final int pageShiftI;            // log2(pageLinesI), or -1
    private final int pageShiftD;            // log2(pageLinesD), or -1
    private final SplittableRandom rng;
    private final long[] demand = new long[Structure.values().length];

    public ExactMemorySystem(Platform p, long seed) {
        super(p, ExactCache::new, ExactCache[]::new);
        this.unifiedOrdinals = new int[unified.length];
        for (int i = 0; i < unified.length; i++) unifiedOrdinals[i] = unifiedId(i).ordinal();
        this.prefetch = prefetchDegrees();
        this.pageShiftI = Integer.bitCount(pageLinesI) == 1 ? Integer.numberOfTrailingZeros(pageLinesI) : -1;
        this.pageShiftD = Integer.bitCount(pageLinesD) == 1 ? Integer.numberOfTrailingZeros(pageLinesD) : -1;
        this.rng = new SplittableRandom(seed);
    }

    @Override public Fidelity fidelity() { return Fidelity.EXACT; }

    /** One data reference by {@code owner} to a line address on small pages; true if L1d hit. For benchmarks and tests. */
    public boolean accessData(long line, int owner) {
        return accessData(line, pageShiftD >= 0 ? line >>> pageShiftD : line / pageLinesD, owner);
    }

    /** One data reference to a line whose translation is TLB entry {@code page}; true if L1d hit. */
    public boolean accessData(long line, long page, int owner) {
        Owner.check(owner);
        if (!dtlb.access(page, owner)) demand[DTLB]++;
        if (l1d.access(line, owner)) return true;
        demand[L1D]++;
        fetch(0, line, owner, true, pageLinesD, pageShiftD);
        return false;
    }

    /** One instruction-fetch reference to a line whose translation is TLB entry {@code page}; true if L1i hit. */
    public boolean accessInstruction(long line, long page, int owner) {
        Owner.check(owner);
        if (!itlb.access(page, owner)) demand[ITLB]++;
        if (l1i.access(line, owner)) return true;
        demand[L1I]++;
        fetch(0, line, owner, true, pageLinesI, pageShiftI);
        return false;
    }

    /**
     * A request for a line from unified level {@code level} (memory past the last): on a miss the line comes from
     * below, and the level's prefetcher brings in the next lines of the same page that it lacks (each also fetched
     * from below, as a non-demand request).
     */
    private void fetch(int level, long line, int owner, boolean isDemand, int pageLines, int pageShift) {
        if (level >= unified.length) return;                 // memory
        ExactCache c = unified[level];
        if (c.access(line, owner)) return;
        if (isDemand) demand[unifiedOrdinals[level]]++;
        fetch(level + 1, line, owner, isDemand, pageLines, pageShift);
        int k = prefetch[level];
        if (k == 0) return;
        long pageEnd = pageShift >= 0 ? ((line >> pageShift) + 1) << pageShift : (Math.floorDiv(line, (long) pageLines) + 1) * pageLines;
        long last = Math.min(line + k, pageEnd - 1);
        for (long y = line + 1; y <= last; y++) {
            if (c.insertIfAbsent(y, owner)) fetch(level + 1, y, owner, false, pageLines, pageShift);
        }
    }

    @Override
    public Misses run(Burst b) {
        java.util.Arrays.fill(demand, 0);
        List<Stream> ss = b.streams();
        int n = ss.size();
        long[] left = new long[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            left[i] = Math.round(b.refs(i));
            total += left[i];
        }
        int[] cursor = new int[n];
        double[] credit = new double[n];
        double[] share = new double[n];
        for (int i = 0; i < n; i++) share[i] = total == 0 ? 0 : left[i] / (double) total;
        for (long r = 0; r < total; r++) {
            // smooth weighted round robin: deterministic, interleaves streams in proportion to their references
            int pick = -1;
            double best = -1;
            for (int i = 0; i < n; i++) {
                if (left[i] == 0) continue;
                credit[i] += share[i];
                if (credit[i] > best) {
                    best = credit[i];
                    pick = i;
                }
            }
            credit[pick] -= 1;
            left[pick]--;
            Stream s = ss.get(pick);
            Region reg = s.region();
            int idx;
            if (s.pattern() == Stream.Pattern.RANDOM) {
                idx = rng.nextInt(reg.lines());
            } else {
                idx = cursor[pick];
                cursor[pick] = idx + 1 == reg.lines() ? 0 : idx + 1;
            }
            long line = reg.lineAddress(idx);
            if (s.instruction()) accessInstruction(line, s.tlbKey(idx), s.owner());
            else accessData(line, s.tlbKey(idx), s.owner());
        }
        Misses m = new Misses();
        for (Structure st : Structure.values()) m.add(st, demand[st.ordinal()]);
        return m;
    }

    /**
     * Fills a structure with the lines the characteristic-time approximation says are resident, a random choice of each
     * stream's lines, inserted round by round so the LRU order mixes the streams.
     */
    @Override
    protected void store(ExactCache c, List<Stream> ss, double[] sizes, double[] rates, double[] resident, boolean pages) {
        int n = ss.size();
        int[][] order = new int[n][];
        int[] pos = new int[n];
        int[] want = new int[n];
        for (int i = 0; i < n; i++) {
            want[i] = (int) Math.round(resident[i]);
            if (want[i] == 0) continue;
            int size = (int) sizes[i];
            int[] perm = new int[size];
            for (int j = 0; j < size; j++) perm[j] = j;
            for (int j = 0; j < want[i]; j++) {
                int k = j + rng.nextInt(size - j);
                int t = perm[j]; perm[j] = perm[k]; perm[k] = t;
            }
            order[i] = perm;
        }
        boolean more = true;
        while (more) {
            more = false;
            for (int i = 0; i < n; i++) {
                if (pos[i] >= want[i]) continue;
                more = true;
                Stream s = ss.get(i);
                int idx = order[i][pos[i]++];
                c.access(pages ? s.region().basePage() + idx : s.region().lineAddress(idx), s.owner());
            }
        }
    }
}
