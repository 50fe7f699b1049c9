package org.syscalllab.mech;

/**
 * Prices the primitive steps a mechanism is built from, on one machine. Mechanisms decide which steps happen (how
 * many crossings, which copies, where calls run); a cost model, calibrated from a platform and a paper's inputs,
 * says what each step costs in cycles. This split keeps mechanisms free of machine constants.
 */
public interface CostModel {
    /** Cycles of one user→kernel→user crossing (trap entry plus exit), excluding the call's own work. */
    long crossingCycles();

    /** Cycles the kernel spends on a call's own work. */
    long kernelCycles(CallRequest call);

    /** Cycles user code takes for the given instructions. */
    long userCycles(long instructions);

    /** Cycles to copy the given bytes between user and kernel space. */
    long copyCycles(long bytes);

    /** The reference clock in Hz, to turn cycles into seconds. */
    double clockHz();
}
