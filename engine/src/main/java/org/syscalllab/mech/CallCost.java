package org.syscalllab.mech;

/**
 * What a sequence of calls cost under one mechanism: cycles split by where they went, the number of kernel
 * crossings, and how many calls ran (a batch may stop early at a checked failure).
 *
 * @param userCycles     cycles in user mode (the program's own work and any user-side marshalling)
 * @param kernelCycles   cycles in kernel mode for the calls' work (and kernel-side decoding)
 * @param crossingCycles cycles spent entering and leaving the kernel
 * @param copyCycles     cycles spent copying data across the boundary
 * @param crossings      kernel crossings made
 * @param callsExecuted  calls that the kernel executed
 */
public record CallCost(long userCycles, long kernelCycles, long crossingCycles, long copyCycles, long crossings,
                       long callsExecuted) {
    public CallCost {
        if (userCycles < 0 || kernelCycles < 0 || crossingCycles < 0 || copyCycles < 0 || crossings < 0 || callsExecuted < 0) {
            throw new IllegalArgumentException("a cost component is negative: " + userCycles + "," + kernelCycles + ","
                    + crossingCycles + "," + copyCycles + "," + crossings + "," + callsExecuted);
        }
    }

    public static final CallCost ZERO = new CallCost(0, 0, 0, 0, 0, 0);

    public long totalCycles() { return userCycles + kernelCycles + crossingCycles + copyCycles; }

    /** Cycles charged as system time (kernel work, crossings and copies). */
    public long systemCycles() { return kernelCycles + crossingCycles + copyCycles; }

    public CallCost plus(CallCost o) {
        return new CallCost(userCycles + o.userCycles, kernelCycles + o.kernelCycles, crossingCycles + o.crossingCycles,
                copyCycles + o.copyCycles, crossings + o.crossings, callsExecuted + o.callsExecuted);
    }
}
