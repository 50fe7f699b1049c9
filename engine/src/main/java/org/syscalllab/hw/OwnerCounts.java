package org.syscalllab.hw;

/**
 * What each structure keeps at either fidelity level: its capacity, the lines each owner holds, and how many lines of
 * one owner the lines of another evicted since the last reset.
 */
interface OwnerCounts {
    /** Lines (entries, for a TLB) the structure holds. */
    double capacity();

    /** Lines of {@code owner} now held. */
    double occupancy(int owner);

    /** Lines of {@code victim} evicted by lines {@code by} brought in, since the last {@link #resetEvictions()}. */
    double evicted(int victim, int by);

    void resetEvictions();
}
