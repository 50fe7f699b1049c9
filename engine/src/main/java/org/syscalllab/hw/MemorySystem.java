package org.syscalllab.hw;

/**
 * The caches and TLBs of one core (with its share of the last-level cache), at one of two fidelity levels: the exact
 * set-associative LRU model ({@link ExactMemorySystem}) or the fast analytic occupancy model
 * ({@link OccupancyMemorySystem}). Both take the same bursts and report demand misses, per-owner occupancy and
 * evictions of one owner's lines by another, so experiments choose a fidelity with one parameter.
 */
public interface MemorySystem {
    /** Model fidelity. */
    enum Fidelity { EXACT, FAST }

    /** A new, empty memory system of the platform at the given fidelity; {@code seed} drives the exact model's choices. */
    static MemorySystem create(Platform p, Fidelity f, long seed) {
        return f == Fidelity.EXACT ? new ExactMemorySystem(p, seed) : new OccupancyMemorySystem(p);
    }

    Platform platform();

    Fidelity fidelity();

    /** Runs the burst's references and returns the demand misses per structure. */
    Misses run(Burst b);

    /** Lines (entries, for TLBs) of the owner now held in the structure. */
    double occupancy(Structure s, int owner);

    /** Lines of {@code victim} evicted by lines {@code by} brought in, since the last {@link #resetEvictions()}. */
    double evicted(Structure s, int victim, int by);

    void resetEvictions();

    /**
     * Brings every structure to the approximate steady state of the given streams referenced at the given relative
     * rates (the characteristic-time approximation of LRU), without simulating each reference. Evictions are reset.
     */
    void prefill(java.util.List<Stream> streams, double[] rates);

    /** Capacity of a structure in lines (entries for TLBs); 0 if the platform lacks it. */
    default int capacity(Structure s) {
        Platform p = platform();
        return switch (s) {
            case L1I -> p.l1i().lines();
            case L1D -> p.l1d().lines();
            case L2 -> p.l2().map(CacheLevel::lines).orElse(0);
            case L3 -> p.l3().map(CacheLevel::lines).orElse(0);
            case ITLB -> p.itlb().entries();
            case DTLB -> p.dtlb().entries();
        };
    }
}
