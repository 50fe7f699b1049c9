package org.syscalllab.hw;

import java.util.List;
import java.util.function.BiFunction;

/**
 * The part both fidelity levels share: one structure per cache level and TLB of the platform (split L1, the unified
 * levels below it, the two TLBs), the per-owner bookkeeping a {@link MemorySystem} reports, and the steady-state
 * prefill, which computes each structure's resident lines per stream with the characteristic-time approximation
 * ({@link Che}) and lets the fidelity level store them its own way.
 *
 * @param <C> the structure of this fidelity level
 */
abstract class AbstractMemorySystem<C extends OwnerCounts> implements MemorySystem {
    protected final Platform platform;
    protected final C l1i;
    protected final C l1d;
    protected final C[] unified;              // L2, L3 (the present ones, inner first)
    protected final C itlb;
    protected final C dtlb;
    protected final int pageLinesI;           // cache lines per i-TLB page
    protected final int pageLinesD;           // cache lines per d-TLB page

    /**
     * @param structure makes one structure from its entry count and associativity
     * @param array     makes the array of unified levels
     */
    protected AbstractMemorySystem(Platform p, BiFunction<Integer, Integer, C> structure, java.util.function.IntFunction<C[]> array) {
        this.platform = p;
        this.l1i = structure.apply(p.l1i().lines(), p.l1i().ways());
        this.l1d = structure.apply(p.l1d().lines(), p.l1d().ways());
        List<CacheLevel> u = p.unifiedLevels();
        this.unified = array.apply(u.size());
        for (int i = 0; i < u.size(); i++) unified[i] = structure.apply(u.get(i).lines(), u.get(i).ways());
        this.itlb = structure.apply(p.itlb().entries(), p.itlb().ways());
        this.dtlb = structure.apply(p.dtlb().entries(), p.dtlb().ways());
        this.pageLinesI = Math.max(1, p.itlb().pageBytes() / p.lineBytes());
        this.pageLinesD = Math.max(1, p.dtlb().pageBytes() / p.lineBytes());
    }

    @Override public final Platform platform() { return platform; }

    /** The unified level {@code lv} (0 = L2) as a structure id. */
    protected static Structure unifiedId(int lv) { return lv == 0 ? Structure.L2 : Structure.L3; }

    /** Prefetch degree of each unified level, rounded to whole lines. */
    protected final int[] prefetchDegrees() {
        List<CacheLevel> u = platform.unifiedLevels();
        int[] k = new int[u.size()];
        for (int i = 0; i < k.length; i++) k[i] = (int) Math.round(u.get(i).prefetchLines());
        return k;
    }

    protected final C structure(Structure s) {
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
    public final double occupancy(Structure s, int owner) {
        C c = structure(s);
        return c == null ? 0 : c.occupancy(Owner.check(owner));
    }

    @Override
    public final double evicted(Structure s, int victim, int by) {
        C c = structure(s);
        return c == null ? 0 : c.evicted(Owner.check(victim), Owner.check(by));
    }

    @Override
    public final void resetEvictions() {
        for (Structure s : Structure.values()) {
            C c = structure(s);
            if (c != null) c.resetEvictions();
        }
    }

    @Override
    public void prefill(List<Stream> streams, double[] rates) {
        prefill(l1i, streams, rates, Boolean.TRUE, false);
        prefill(l1d, streams, rates, Boolean.FALSE, false);
        for (C u : unified) prefill(u, streams, rates, null, false);
        prefill(itlb, streams, rates, Boolean.TRUE, true);
        prefill(dtlb, streams, rates, Boolean.FALSE, true);
    }

    /**
     * One structure's steady state: the streams it sees ({@code instr} null = both kinds), their footprints in it
     * (lines, or TLB entries when {@code pages}), their rates, and the resident lines per stream; evictions are reset.
     */
    private void prefill(C c, List<Stream> ss, double[] rates, Boolean instr, boolean pages) {
        int n = ss.size();
        double[] sizes = new double[n];
        double[] lam = new double[n];
        for (int i = 0; i < n; i++) {
            Stream s = ss.get(i);
            if (instr != null && s.instruction() != instr) continue;
            sizes[i] = pages ? s.tlbEntries() : s.region().lines();
            lam[i] = rates[i];
        }
        store(c, ss, sizes, lam, Che.resident(sizes, lam, c.capacity()), pages);
        c.resetEvictions();
    }

    /** Stores {@code resident[i]} lines of stream i (footprint {@code sizes[i]}, rate {@code rates[i]}) in {@code c}. */
    protected abstract void store(C c, List<Stream> ss, double[] sizes, double[] rates, double[] resident, boolean pages);
}
