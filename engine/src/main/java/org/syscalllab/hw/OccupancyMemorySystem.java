package org.syscalllab.hw;

import java.util.HashMap;
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

    @Override
    public Misses run(Burst b) {
        List<Stream> ss = b.streams();
        int n = ss.size();
        int[] slots = new int[n];
        boolean allRandom = true;
        for (int i = 0; i < n; i++) {
            slots[i] = slot(ss.get(i));
            allRandom &= ss.get(i).pattern() == Stream.Pattern.RANDOM;
        }
        if (allRandom) return runRandom(b, slots);
        // chunks: keep the distinct lines touched per chunk within a quarter of the smallest first-level structure
        double distinct = 0;
        for (int i = 0; i < n; i++) {
            Region r = ss.get(i).region();
            double refs = b.refs(i);
            if (ss.get(i).pattern() == Stream.Pattern.RANDOM) distinct += r.lines() * -Math.expm1(-refs / r.lines());
        }
        double cap = Math.min(platform.l1i().lines(), platform.l1d().lines()) / 4.0;
        int chunks = (int) Math.max(1, Math.min(MAX_CHUNKS, Math.ceil(distinct / cap)));
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
    private Misses runRandom(Burst b, int[] slots) {
        List<Stream> ss = b.streams();
        int n = ss.size();
        Misses m = new Misses();
        double[] reqI = new double[n];
        double[] reqD = new double[n];
        for (int i = 0; i < n; i++) {
            if (ss.get(i).instruction()) reqI[i] = b.refs(i);
            else reqD[i] = b.refs(i);
        }
        level(itlb, ss, slots, reqI, true, Structure.ITLB, m, 0);
        level(dtlb, ss, slots, reqD, true, Structure.DTLB, m, 0);
        double[] missI = level(l1i, ss, slots, reqI, false, Structure.L1I, m, 0);
        double[] missD = level(l1d, ss, slots, reqD, false, Structure.L1D, m, 0);
        double[] req = new double[n];
        for (int i = 0; i < n; i++) req[i] = missI[i] + missD[i];
        for (int lv = 0; lv < unified.length; lv++) {
            req = level(unified[lv], ss, slots, req, false, unifiedId(lv), m, prefetch[lv]);
        }
        return m;
    }

    private double[] level(OccupancyCache c, List<Stream> ss, int[] slots, double[] refs, boolean pages, Structure id,
                           Misses m, double k) {
        int n = ss.size();
        double[] size = new double[n];
        double[] d = new double[n];
        double touched = 0;
        for (int i = 0; i < n; i++) {
            size[i] = pages ? ss.get(i).tlbEntries() : ss.get(i).region().lines();
            d[i] = refs[i] > 0 ? size[i] * -Math.expm1(-refs[i] / size[i]) : 0;
            touched += d[i];
        }
        double[] miss = new double[n];
        for (int i = 0; i < n; i++) c.rate(slots[i], refs[i] / size[i]);
        if (touched <= c.capacity() / 2) {
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
            double[] res = Che.resident(size, refs, c.capacity());
            for (int i = 0; i < n; i++) {
                if (refs[i] <= 0) continue;
                double p = c.present(slots[i]);
                double touchedShare = -Math.expm1(-refs[i] / size[i]);
                // steady-state misses, plus the missing lines (below steady state) that the burst touches again
                double refill = Math.max(0, res[i] - p) * touchedShare;
                double steady = refs[i] * Math.max(0, 1 - res[i] / size[i]);
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
