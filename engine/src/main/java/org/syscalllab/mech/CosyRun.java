package org.syscalllab.mech;

/**
 * The outcome of one {@code cosy_run}: why it stopped, what it executed, and where its cycles went. All cycle counts
 * are system time except {@link #ioWaitCycles}; the user-side cost of building the compound is accounted by the
 * caller ({@link CosyBuilder#buildCycles}).
 *
 * @param status           why execution stopped
 * @param stoppedAt        the operation that stopped it (failed, or next under a limit); -1 when completed
 * @param opsExecuted      operations executed (each counts against "entries to execute")
 * @param syscalls         system calls invoked
 * @param userFnCalls      user-supplied function calls
 * @param decodesFirst     first-visit decodes
 * @param decodesCached    visits served by the decode cache
 * @param crossingCycles   the one crossing of {@code cosy_run}
 * @param kernelCycles     decode, dispatch, argument handling, checks and the calls' own work
 * @param userFnCycles     user-function bodies executed in the kernel
 * @param safetyCycles     segment switches for isolated user functions and preemption-time checks
 * @param copyCycles       copies across the user/kernel boundary
 * @param copiedBytes      bytes copied across the boundary
 * @param avoidedCopyBytes bytes whose copy zero-copy skipped
 * @param ioWaitCycles     cycles blocked on devices
 * @param results          the result slot of each operation after the run
 * @param vars             the compound variables after the run
 */
public record CosyRun(Status status, int stoppedAt, long opsExecuted, long syscalls, long userFnCalls, long decodesFirst,
                      long decodesCached, long crossingCycles, long kernelCycles, long userFnCycles, long safetyCycles,
                      long copyCycles, long copiedBytes, long avoidedCopyBytes, long ioWaitCycles, long[] results,
                      long[] vars) {

    /** Why a run stopped. */
    public enum Status {
        /** Ran off the end of the compound. */
        COMPLETED,
        /** Reached the header's "entries to execute" limit (the guard against infinite loops). */
        OP_LIMIT,
        /** An operation failed under exit-on-first-failure. */
        FAILED,
        /** The scheduler's check found the in-kernel time over the allowed maximum and terminated the process. */
        TIME_LIMIT
    }

    public CosyRun {
        results = results.clone();
        vars = vars.clone();
    }

    /** System time of the run, in cycles. */
    public long systemCycles() { return crossingCycles + kernelCycles + userFnCycles + safetyCycles + copyCycles; }

    /** The result slot of operation {@code op}. */
    public long result(int op) { return results[op]; }

    /** Compound variable {@code i}. */
    public long var(int i) { return vars[i]; }

    @Override public long[] results() { return results.clone(); }

    @Override public long[] vars() { return vars.clone(); }
}
