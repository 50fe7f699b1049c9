package org.syscalllab.hw;

/**
 * The core's timing model: a CPI stack. Cycles = instructions x core CPI (everything but the tracked misses) + the
 * miss stalls, where each demand miss costs the latency of the level that served it (an L1 miss served by L2 costs the
 * L2 latency, one served by memory the memory latency), TLB misses cost the TLB's miss penalty, and the sum is scaled
 * by the platform's overlap factor (the fraction of miss latency an out-of-order core cannot hide).
 */
public record CoreTiming(Platform platform) {

    public CoreTiming {
        java.util.Objects.requireNonNull(platform, "platform");
    }

    /** Stall cycles of the given demand misses (already scaled by the overlap factor). */
    public double stallCycles(Misses m) {
        Platform p = platform;
        double l1 = m.get(Structure.L1I) + m.get(Structure.L1D);
        double stall = 0;
        // misses that leave L1: served by L2, L3 or memory
        double l2miss = p.l2().isPresent() ? m.get(Structure.L2) : l1;
        double l3miss = p.l3().isPresent() ? m.get(Structure.L3) : l2miss;
        if (p.l2().isPresent()) stall += Math.max(0, l1 - l2miss) * p.l2().get().latencyCycles();
        if (p.l3().isPresent()) stall += Math.max(0, l2miss - l3miss) * p.l3().get().latencyCycles();
        stall += l3miss * p.memoryLatencyCycles();
        stall += m.get(Structure.DTLB) * p.dtlb().missPenaltyCycles();
        stall += m.get(Structure.ITLB) * p.itlb().missPenaltyCycles();
        return stall * p.missOverlap();
    }

    /** Cycles to run {@code instructions} at core CPI {@code coreCpi} with the given misses. */
    public double cycles(double instructions, double coreCpi, Misses m) {
        if (!(coreCpi > 0)) throw new IllegalArgumentException("core_cpi = " + coreCpi + " is not allowed; allowed: > 0");
        return instructions * coreCpi + stallCycles(m);
    }

    /** Misses per thousand instructions. */
    public static double mpki(double misses, double instructions) {
        return instructions <= 0 ? 0 : 1000.0 * misses / instructions;
    }
}
