package org.syscalllab.hw;

import java.util.ArrayList;
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
public final class ExactMemorySystem implements MemorySystem {
    private final Platform platform;
    private final ExactCache l1i;
    private final ExactCache l1d;
    private final ExactCache[] unified;      // L2, L3 (present ones)
    private final Structure[] unifiedIds;
    private final int[] prefetch;
    private final ExactCache itlb;
    private final ExactCache dtlb;
    private final int pageLinesI;
    private final int pageLinesD;
    private final int pageShiftD;
    private final SplittableRandom rng;
    private final long[] demand = new long[Structure.values().length];

    public ExactMemorySystem(Platform p, long seed) {
        this.platform = p;
        this.l1i = new ExactCache(p.l1i().lines(), p.l1i().ways());
        this.l1d = new ExactCache(p.l1d().lines(), p.l1d().ways());
        List<CacheLevel> u = p.unifiedLevels();
        this.unified = new ExactCache[u.size()];
        this.unifiedIds = new Structure[u.size()];
        this.prefetch = new int[u.size()];
        for (int i = 0; i < u.size(); i++) {
            unified[i] = new ExactCache(u.get(i).lines(), u.get(i).ways());
            unifiedIds[i] = i == 0 ? Structure.L2 : Structure.L3;
            prefetch[i] = (int) Math.round(u.get(i).prefetchLines());
        }
        this.itlb = new ExactCache(p.itlb().entries(), p.itlb().ways());
        this.dtlb = new ExactCache(p.dtlb().entries(), p.dtlb().ways());
        this.pageLinesI = Math.max(1, p.itlb().pageBytes() / p.lineBytes());
        this.pageLinesD = Math.max(1, p.dtlb().pageBytes() / p.lineBytes());
        this.pageShiftD = Integer.bitCount(pageLinesD) == 1 ? Integer.numberOfTrailingZeros(pageLinesD) : -1;
        this.rng = new SplittableRandom(seed);
    }

    @Override public Platform platform() { return platform; }

    @Override public Fidelity fidelity() { return Fidelity.EXACT; }

    /** One data reference by {@code owner} to a line address on small pages; true if L1d hit. For benchmarks and tests. */
    public boolean accessData(long line, int owner) {
        return accessData(line, pageShiftD >= 0 ? line >>> pageShiftD : line / pageLinesD, owner);
    }

    /** One data reference to a line whose translation is TLB entry {@code page}; true if L1d hit. */
    public boolean accessData(long line, long page, int owner) {
        if (!dtlb.access(page, owner)) demand[Structure.DTLB.ordinal()]++;
        if (l1d.access(line, owner)) return true;
        demand[Structure.L1D.ordinal()]++;
        fetch(0, line, owner, true, pageLinesD);
        return false;
    }

    /** One instruction-fetch reference to a line whose translation is TLB entry {@code page}; true if L1i hit. */
    public boolean accessInstruction(long line, long page, int owner) {
        if (!itlb.access(page, owner)) demand[Structure.ITLB.ordinal()]++;
        if (l1i.access(line, owner)) return true;
        demand[Structure.L1I.ordinal()]++;
        fetch(0, line, owner, true, pageLinesI);
        return false;
    }

    private void fetch(int level, long line, int owner, boolean isDemand, int pageLines) {
        if (level >= unified.length) return;                 // memory
        ExactCache c = unified[level];
        if (c.access(line, owner)) return;
        if (isDemand) demand[unifiedIds[level].ordinal()]++;
        fetch(level + 1, line, owner, isDemand, pageLines);
        int k = prefetch[level];
        long pageEnd = (Math.floorDiv(line, (long) pageLines) + 1) * pageLines;
        for (int j = 1; j <= k; j++) {
            long y = line + j;
            if (y >= pageEnd) break;
            if (c.insertIfAbsent(y, owner)) fetch(level + 1, y, owner, false, pageLines);
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
     * Brings the structures to an approximate steady state for streams referenced at the given relative rates,
     * without simulating every reference: each structure is filled with the lines that the characteristic-time
     * (Che) approximation of LRU says are resident, interleaved so their LRU order is mixed.
     */
    @Override
    public void prefill(List<Stream> streams, double[] rates) {
        List<Stream> ss = new ArrayList<>(streams);
        fillStructure(l1i, ss, rates, true, false);
        fillStructure(l1d, ss, rates, false, false);
        for (ExactCache c : unified) fillStructure(c, ss, rates, null, false);
        fillStructure(itlb, ss, rates, true, true);
        fillStructure(dtlb, ss, rates, false, true);
    }

    private void fillStructure(ExactCache c, List<Stream> ss, double[] rates, Boolean instr, boolean pages) {
        int n = ss.size();
        double[] sizes = new double[n];
        double[] lam = new double[n];
        for (int i = 0; i < n; i++) {
            Stream s = ss.get(i);
            if (instr != null && s.instruction() != instr) continue;
            sizes[i] = pages ? s.tlbEntries() : s.region().lines();
            lam[i] = rates[i];
        }
        double[] resident = Che.resident(sizes, lam, c.capacity());
        // interleave: insert round by round so LRU order mixes streams
        int[][] order = new int[n][];
        int[] pos = new int[n];
        int[] want = new int[n];
        for (int i = 0; i < n; i++) {
            want[i] = (int) Math.round(resident[i]);
            if (want[i] == 0) continue;
            Stream s = ss.get(i);
            int size = pages ? s.tlbEntries() : s.region().lines();
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
                long key;
                if (pages) {
                    key = s.region().basePage() + idx;
                } else {
                    key = s.region().lineAddress(idx);
                }
                c.access(key, s.owner());
            }
        }
        c.resetEvictions();
    }

    private ExactCache cache(Structure s) {
        return switch (s) {
            case L1I -> l1i;
            case L1D -> l1d;
            case L2 -> unified.length > 0 ? unified[0] : null;
            case L3 -> unified.length > 1 ? unified[1] : null;
            case ITLB -> itlb;
            case DTLB -> dtlb;
        };
    }

    @Override
    public double occupancy(Structure s, int owner) {
        ExactCache c = cache(s);
        return c == null ? 0 : c.occupancy(Owner.check(owner));
    }

    @Override
    public double evicted(Structure s, int victim, int by) {
        ExactCache c = cache(s);
        return c == null ? 0 : c.evicted(Owner.check(victim), Owner.check(by));
    }

    @Override
    public void resetEvictions() {
        for (Structure s : Structure.values()) {
            ExactCache c = cache(s);
            if (c != null) c.resetEvictions();
        }
    }
}
