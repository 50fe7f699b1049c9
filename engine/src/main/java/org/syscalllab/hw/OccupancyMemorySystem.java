package org.syscalllab.hw;

import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fast fidelity: each structure holds expected lines per stream in recency cohorts ({@link OccupancyCache}), and a
 * burst is computed in closed form per stream instead of reference by reference.
 *
 * <ul>
 *   <li>A RANDOM stream making R references to W lines touches W(1 - e^(-R/W)) distinct lines; each is present with
 *       the probability (lines of the stream present) / W, the rest miss.</li>
 *   <li>A SWEEP stream touches each line of its region once per pass; the lines it still holds hit. Its runs of r
 *       lines, missing in a level with prefetch degree k, cost ceil(r/(k+1)) demand misses and bring in
 *       ceil(r/(k+1))(k+1) lines (the overshoot beyond the run is the prefetcher's extra pollution). The next level
 *       receives everything the level above fetched.</li>
 *   <li>A long burst is cut into at most {@link #MAX_CHUNKS} chunks so the lines a chunk touches stay within the first
 *       level's capacity (the new cohort must not evict itself), which bounds the cost per burst.</li>
 * </ul>
 * The approximations (uniform presence within a stream, cohort-granular LRU, no set conflicts) are what the
 * fast-versus-exact tracking test measures.
 */
public final class OccupancyMemorySystem extends AbstractMemorySystem<OccupancyCache> {
    /** Upper bound on chunks per burst (the O(1) bound). */
    public static final int MAX_CHUNKS = 64;
    private static final int SLOTS = 64;
    private static final int JUNK = SLOTS - Owner.MAX;       // slots JUNK+o hold owner o's prefetched non-region lines

    private final int[] owner;                                // owner of each stream slot, shared by every structure
    private final Map<Stream, Integer> index = new HashMap<>();
    private final double[] prefetch;

    public OccupancyMemorySystem(Platform p) {
        this(p, ownerTable());
    }

    private OccupancyMemorySystem(Platform p, int[] owner) {
        super(p, (entries, ways) -> new OccupancyCache(entries, owner), OccupancyCache[]::new);
        this.owner = owner;
        int[] k = prefetchDegrees();
        this.prefetch = new double[k.length];
        for (int i = 0; i < k.length; i++) prefetch[i] = k[i];
    }

    private static int[] ownerTable() {
        int[] owner = new int[SLOTS];
        for (int o = 0; o < Owner.MAX; o++) owner[JUNK + o] = o;
        return owner;
    }

    @Override public Fidelity fidelity() { return Fidelity.FAST; }

    private int slot(Stream s) {
        Integer i = index.get(s);
        if (i != null) return i;
        int n = index.size();
        if (n >= JUNK) throw new IllegalStateException("the fast memory model tracks at most " + JUNK + " distinct streams");
        index.put(s, n);
        owner[n] = s.owner();
        return n;
    }

    /**
     * What a burst's stream list and reference counts determine before any state is read: the slots, whether every
     * stream is RANDOM, the chunk count, and the first levels' (TLBs', L1s') touched lines and steady-state shares,
     * which would otherwise be recomputed (a Che fixed point, exponentials) for every identical burst.
     */
    private static final class Plan {
        final double[] refs;
        final int[] slots;
        final boolean allRandom;
        int chunks;
        LevelPlan itlb;
        LevelPlan dtlb;
        LevelPlan l1i;
        LevelPlan l1d;

        Plan(double[] refs, int[] slots, boolean allRandom) {
            this.refs = refs;
            this.slots = slots;
            this.allRandom = allRandom;
        }
    }

    /** The state-independent part of one level's update for given references per stream. */
    private static final class LevelPlan {
        final double[] refs;
        final double[] size;
        final double[] d;
        final double[] perLine;
        final boolean steadyState;
        final double[] res;
        final double[] touchedShare;
        final double[] steady;

        LevelPlan(double[] refs, double[] size, double[] d, double[] perLine, boolean steadyState, double[] res, double[] touchedShare,
                  double[] steady) {
            this.refs = refs;
            this.size = size;
            this.d = d;
            this.perLine = perLine;
            this.steadyState = steadyState;
            this.res = res;
            this.touchedShare = touchedShare;
            this.steady = steady;
        }
    }

    /** Plans kept per stream list (a program's bursts of a few lengths, a kernel path's one burst). */
    private static final int PLANS_PER_LIST = 4;
    private final Map<List<Stream>, Plan[]> plans = new IdentityHashMap<>();
    private final Map<List<Stream>, int[]> nextPlan = new IdentityHashMap<>();

    private Plan plan(Burst b) {
        List<Stream> ss = b.streams();
        double[] refs = b.refsArray();
        Plan[] ps = plans.get(ss);
        if (ps == null) {
            if (plans.size() >= 256) {                      // unbounded callers (random lists) must not grow the map forever
                plans.clear();
                nextPlan.clear();
            }
            ps = new Plan[PLANS_PER_LIST];
            plans.put(ss, ps);
            nextPlan.put(ss, new int[1]);
        }
        for (Plan p : ps) if (p != null && Arrays.equals(p.refs, refs)) return p;
        int n = ss.size();
        int[] slots = new int[n];
        boolean allRandom = true;
        for (int i = 0; i < n; i++) {
            slots[i] = slot(ss.get(i));
            allRandom &= ss.get(i).pattern() == Stream.Pattern.RANDOM;
        }
        Plan p = new Plan(refs.clone(), slots, allRandom);
        if (allRandom) {
            double[] reqI = new double[n];
            double[] reqD = new double[n];
            for (int i = 0; i < n; i++) {
                if (ss.get(i).instruction()) reqI[i] = refs[i];
                else reqD[i] = refs[i];
            }
            p.itlb = levelPlan(itlb, ss, reqI, true);
            p.dtlb = levelPlan(dtlb, ss, reqD, true);
            p.l1i = levelPlan(l1i, ss, reqI, false);
            p.l1d = levelPlan(l1d, ss, reqD, false);
        } else {
            // chunks: keep the distinct lines touched per chunk within a quarter of the smallest first-level structure
            double distinct = 0;
            for (int i = 0; i < n; i++) {
                Region r = ss.get(i).region();
                if (ss.get(i).pattern() == Stream.Pattern.RANDOM) distinct += r.lines() * -Math.expm1(-refs[i] / r.lines());
            }
            double cap = Math.min(platform.l1i().lines(), platform.l1d().lines()) / 4.0;
            p.chunks = (int) Math.max(1, Math.min(MAX_CHUNKS, Math.ceil(distinct / cap)));
        }
        int[] next = nextPlan.get(ss);
        ps[next[0]] = p;
        next[0] = (next[0] + 1) % PLANS_PER_LIST;
        return p;
    }

    @Override
    public Misses run(Burst b) {
        Plan plan = plan(b);
        if (plan.allRandom) return runRandom(b, plan);
        List<Stream> ss = b.streams();
        int n = ss.size();
        int[] slots = plan.slots;
        int chunks = plan.chunks;
        Misses m = new Misses();
        for (int c = 0; c < chunks; c++) {
            for (int i = 0; i < n; i++) {
                boolean sweep = ss.get(i).pattern() == Stream.Pattern.SWEEP;
                // a sweep's presence is that of earlier bursts: its lines are processed in the first chunk, whole
                double refs = sweep ? (c == 0 ? b.refs(i) : 0) : b.refs(i) / chunks;
                if (refs > 0) chunk(ss.get(i), slots[i], refs, m);
            }
            commitAll();
        }
        return m;
    }

    private void commitAll() {
        l1i.commit();
        l1d.commit();
        for (OccupancyCache u : unified) u.commit();
        itlb.commit();
        dtlb.commit();
    }

    /**
     * A burst of RANDOM streams (a program's working set), level by level. A level whose distinct touched lines stay
     * under half its capacity is updated as a short burst (cohorts); a longer burst reaches that level's steady state,
     * computed with the characteristic-time approximation for the rates reaching the level, plus the lines it had to
     * bring in to get there.
     */
    private Misses runRandom(Burst b, Plan plan) {
        List<Stream> ss = b.streams();
        int[] slots = plan.slots;
        int n = ss.size();
        Misses m = new Misses();
        apply(plan.itlb, itlb, ss, slots, Structure.ITLB, m, 0);
        apply(plan.dtlb, dtlb, ss, slots, Structure.DTLB, m, 0);
        double[] missI = apply(plan.l1i, l1i, ss, slots, Structure.L1I, m, 0);
        double[] missD = apply(plan.l1d, l1d, ss, slots, Structure.L1D, m, 0);
        double[] req = new double[n];
        for (int i = 0; i < n; i++) req[i] = missI[i] + missD[i];
        for (int lv = 0; lv < unified.length; lv++) {
            OccupancyCache u = unified[lv];
            req = apply(levelPlan(u, ss, req, false), u, ss, slots, unifiedId(lv), m, prefetch[lv]);
        }
        return m;
    }

    /**
     * 1 - e^(-x), the share of a stream's lines that x references per line touch; by its series below x = 0.01 (error
     * under 1e-15 relative, and much cheaper than {@link Math#expm1} for the small counts reaching L2 and L3).
     */
    static double touchedShare(double x) {
        if (x < 0.01) return x * (1 - x / 2 * (1 - x / 3 * (1 - x / 4 * (1 - x / 5 * (1 - x / 6)))));
        return -Math.expm1(-x);
    }

    private static LevelPlan levelPlan(OccupancyCache c, List<Stream> ss, double[] refs, boolean pages) {
        int n = ss.size();
        double[] size = new double[n];
        double[] d = new double[n];
        double[] perLine = new double[n];
        double touched = 0;
        for (int i = 0; i < n; i++) {
            size[i] = pages ? ss.get(i).tlbEntries() : ss.get(i).region().lines();
            d[i] = refs[i] > 0 ? size[i] * touchedShare(refs[i] / size[i]) : 0;
            perLine[i] = refs[i] / size[i];
            touched += d[i];
        }
        if (touched <= c.capacity() / 2) return new LevelPlan(refs, size, d, perLine, false, null, null, null);
        double[] res = Che.resident(size, refs, c.capacity());
        double[] touchedShare = new double[n];
        double[] steady = new double[n];
        for (int i = 0; i < n; i++) {
            if (refs[i] <= 0) continue;
            touchedShare[i] = -Math.expm1(-refs[i] / size[i]);
            steady[i] = refs[i] * Math.max(0, 1 - res[i] / size[i]);
        }
        return new LevelPlan(refs, size, d, perLine, true, res, touchedShare, steady);
    }

    /**
     * One level's update. A level whose distinct touched lines stay under half its capacity is updated as a short burst
     * (cohorts); a longer burst reaches that level's steady state, computed with the characteristic-time approximation
     * for the rates reaching the level, plus the lines it had to bring in to get there.
     */
    private double[] apply(LevelPlan lp, OccupancyCache c, List<Stream> ss, int[] slots, Structure id, Misses m, double k) {
        int n = ss.size();
        double[] size = lp.size;
        double[] miss = new double[n];
        for (int i = 0; i < n; i++) c.rate(slots[i], lp.perLine[i]);
        if (!lp.steadyState) {
            double[] d = lp.d;
            for (int i = 0; i < n; i++) {
                if (d[i] <= 0) continue;
                double p = c.present(slots[i]);
                miss[i] = d[i] * Math.max(0, 1 - p / size[i]);
                c.hit(slots[i], d[i] - miss[i]);
                double extra = 0;
                if (k > 0) {
                    int pl = ss.get(i).instruction() ? pageLinesI : pageLinesD;
                    double within = Math.max(0, k - k * (k + 1) / (2.0 * pl));
                    extra = Math.min(miss[i] * within * Math.max(0, 1 - p / size[i]), Math.max(0, size[i] - p - miss[i]));
                }
                c.insert(slots[i], miss[i] + extra);
            }
            c.commit();
        } else {
            double[] res = lp.res;
            for (int i = 0; i < n; i++) {
                if (lp.refs[i] <= 0) continue;
                double p = c.present(slots[i]);
                double touchedShare = lp.touchedShare[i];
                // steady-state misses, plus the missing lines (below steady state) that the burst touches again
                double refill = Math.max(0, res[i] - p) * touchedShare;
                double steady = lp.steady[i];
                miss[i] = steady + refill;
                // present lines the burst touched become young; untouched ones keep their age. Each miss brings in a
                // line (at most the stream's steady share); the overflow pushes out the oldest lines, whoever owns them
                c.hit(slots[i], p * touchedShare);
                c.insert(slots[i], Math.min(res[i], steady + refill));
            }
            c.commit();
        }
        for (int i = 0; i < n; i++) m.add(id, miss[i]);
        return miss;
    }

    private void chunk(Stream s, int slot, double refs, Misses m) {
        Region r = s.region();
        double w = r.lines();
        boolean random = s.pattern() == Stream.Pattern.RANDOM;
        double perLine = refs / w;
        (s.instruction() ? itlb : dtlb).rate(slot, perLine);
        (s.instruction() ? l1i : l1d).rate(slot, perLine);
        for (OccupancyCache u : unified) u.rate(slot, perLine);
        OccupancyCache l1 = s.instruction() ? l1i : l1d;
        int pageLines = s.instruction() ? pageLinesI : pageLinesD;
        // --- TLB
        OccupancyCache tlb = s.instruction() ? itlb : dtlb;
        double pages = s.tlbEntries();
        double dp = random ? pages * -Math.expm1(-refs / pages) : pages * Math.min(1, refs / w);
        double pt = tlb.present(slot);
        double tlbMiss = dp * Math.max(0, 1 - pt / pages);
        m.add(s.instruction() ? Structure.ITLB : Structure.DTLB, tlbMiss);
        tlb.hit(slot, dp - tlbMiss);
        tlb.insert(slot, tlbMiss);
        // --- L1
        double d = random ? w * -Math.expm1(-refs / w) : Math.min(refs, w);
        double p1 = l1.present(slot);
        double miss1 = d * Math.max(0, 1 - p1 / w);
        m.add(s.instruction() ? Structure.L1I : Structure.L1D, miss1);
        l1.hit(slot, d - miss1);
        l1.insert(slot, miss1);
        // --- unified levels: requests = lines fetched by the level above; demand = demand misses of the level above
        double requests = miss1;
        double demand = miss1;
        double pAbove = p1;
        double runLen = r.runLines();                     // extent of a missing run as requested from this level
        for (int lv = 0; lv < unified.length && requests > 0; lv++) {
            OccupancyCache c = unified[lv];
            double p = c.present(slot);
            double h = random ? p / w : Math.min(1, Math.max(0, p - pAbove) / Math.max(1e-9, w - pAbove));
            h = Math.max(0, Math.min(1, h));
            double miss = requests * (1 - h);
            double demandMiss = demand * (1 - h);
            double k = prefetch[lv];
            double fetched;
            double junk = 0;
            double inRegion;
            if (random) {
                // neighbours of a random line of a dense region are region lines; those absent are brought in
                double within = k - k * (k + 1) / (2.0 * pageLines);
                double extra = miss * Math.max(0, within) * Math.max(0, 1 - p / w);
                inRegion = Math.min(miss + extra, Math.max(0, w - p));
                fetched = miss + extra;
                if (r.runLines() < pageLines) {           // sparse region: neighbours fall outside it
                    double outside = extra;
                    inRegion = miss;
                    junk = outside;
                }
            } else {
                double runsMissing = miss / Math.max(1e-9, runLen);
                double extent = Math.min(pageLines, Math.ceil(runLen / (k + 1)) * (k + 1));
                double demandPerRun = Math.ceil(r.runLines() / (k + 1));
                demandMiss = demand * (1 - h) * Math.min(1, demandPerRun / r.runLines());
                fetched = runsMissing * extent;
                inRegion = Math.min(miss, runsMissing * r.runLines());
                junk = Math.max(0, fetched - inRegion);
                runLen = extent;
            }
            m.add(unifiedId(lv), demandMiss);
            c.hit(slot, requests * h);
            c.insert(slot, inRegion);
            c.insert(JUNK + s.owner(), junk);
            requests = fetched;
            demand = demandMiss;
            pAbove = p;
        }
    }

    @Override
    public void prefill(List<Stream> streams, double[] rates) {
        for (Stream s : streams) slot(s);
        super.prefill(streams, rates);
    }

    /** Replaces the structure's contents with one cohort holding each stream's resident lines. */
    @Override
    protected void store(OccupancyCache c, List<Stream> ss, double[] sizes, double[] rates, double[] resident, boolean pages) {
        double[] lines = new double[SLOTS];
        double[] perLine = new double[SLOTS];
        for (int i = 0; i < ss.size(); i++) {
            int slot = slot(ss.get(i));
            lines[slot] += resident[i];
            if (sizes[i] > 0) perLine[slot] = rates[i] / sizes[i];
        }
        c.set(lines, perLine);
    }
}
