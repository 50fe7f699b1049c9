package org.syscalllab.mech;

/**
 * What the Cosy machinery itself costs, in cycles: the user-side library that builds a compound, and the kernel
 * extension that decodes and runs it. The paper gives no cycle counts (it reports only relative and whole-benchmark
 * times), so each field is an ASSUMPTION estimated from the mechanism the paper describes; each is editable.
 *
 * @param buildPerOpCycles       user cycles for one Cosy-Lib call that appends an operation ({@code cosy_add},
 *                               {@code cosy_while}, ...): marshal a few words into the mapped compound buffer.
 *                               ASSUMPTION 60: about 40 instructions (varargs walk, flag words, bump pointer) at a
 *                               user CPI of about 1.5.
 * @param runWrapperCycles       user cycles of the {@code cosy_run} library call around its trap. ASSUMPTION 30: an
 *                               ordinary libc-style wrapper (load arguments, trap, check the return value).
 * @param runSetupCycles         kernel cycles of {@code cosy_run} before the first operation: look up the process's
 *                               Cosy buffers, validate the global header, reset the result area. ASSUMPTION 200.
 * @param decodeFirstCycles      kernel cycles to decode an operation on its first visit and insert the decoded form in
 *                               the hash table (the paper's lazy decode cache, §2.4.1). ASSUMPTION 250: parse the local
 *                               header and flags, resolve argument addresses, allocate and link a hash entry.
 * @param decodeCachedCycles     kernel cycles to find an already decoded operation in the hash table. ASSUMPTION 40:
 *                               hash, one bucket walk.
 * @param dispatchCycles         kernel cycles to execute a non-call operation (an arithmetic op, a compare, a jump,
 *                               the loop test of a {@code for}) and choose the next one. ASSUMPTION 15.
 * @param argCycles              kernel cycles per argument to resolve a reference or push a value for the fast
 *                               invocation path (25 lines of {@code pushl}/{@code call}, §3). ASSUMPTION 4.
 * @param opLimitCheckCycles     kernel cycles per executed operation to compare against "entries to execute".
 *                               ASSUMPTION 2.
 * @param isolatedCallCycles     kernel cycles added to each user-function call in an isolated segment: about 12
 *                               {@code pushl} + 12 {@code popl} (paper §2.6.2) plus two segment-register loads and a
 *                               far call/return. ASSUMPTION 120 (segment loads are slow on the P4).
 * @param preemptCheckCycles     kernel cycles of the scheduler's check of a Cosy process's in-kernel time, paid once
 *                               per scheduler tick of in-kernel execution (paper §2.6.1). ASSUMPTION 50.
 * @param tickCycles             cycles between two such checks: one 10 ms tick (HZ = 100 on Linux 2.4) at 1.7 GHz.
 */
public record CosyCosts(long buildPerOpCycles, long runWrapperCycles, long runSetupCycles, long decodeFirstCycles,
                        long decodeCachedCycles, long dispatchCycles, long argCycles, long opLimitCheckCycles,
                        long isolatedCallCycles, long preemptCheckCycles, long tickCycles) {

    public CosyCosts {
        nonNegative("build_per_op_cycles", buildPerOpCycles);
        nonNegative("run_wrapper_cycles", runWrapperCycles);
        nonNegative("run_setup_cycles", runSetupCycles);
        nonNegative("decode_first_cycles", decodeFirstCycles);
        nonNegative("decode_cached_cycles", decodeCachedCycles);
        nonNegative("dispatch_cycles", dispatchCycles);
        nonNegative("arg_cycles", argCycles);
        nonNegative("op_limit_check_cycles", opLimitCheckCycles);
        nonNegative("isolated_call_cycles", isolatedCallCycles);
        nonNegative("preempt_check_cycles", preemptCheckCycles);
        if (tickCycles < 1) throw new IllegalArgumentException("tick_cycles = " + tickCycles + " is not allowed; allowed: >= 1");
    }

    private static void nonNegative(String name, long v) {
        if (v < 0) throw new IllegalArgumentException(name + " = " + v + " is not allowed; allowed: >= 0");
    }

    /** The defaults above (see each field's ASSUMPTION). */
    public static CosyCosts defaults() {
        return new CosyCosts(60, 30, 200, 250, 40, 15, 4, 2, 120, 50, 17_000_000);
    }

    public CosyCosts withDecodeFirstCycles(long v) {
        return new CosyCosts(buildPerOpCycles, runWrapperCycles, runSetupCycles, v, decodeCachedCycles, dispatchCycles,
                argCycles, opLimitCheckCycles, isolatedCallCycles, preemptCheckCycles, tickCycles);
    }

    public CosyCosts withDecodeCachedCycles(long v) {
        return new CosyCosts(buildPerOpCycles, runWrapperCycles, runSetupCycles, decodeFirstCycles, v, dispatchCycles,
                argCycles, opLimitCheckCycles, isolatedCallCycles, preemptCheckCycles, tickCycles);
    }

    public CosyCosts withBuildPerOpCycles(long v) {
        return new CosyCosts(v, runWrapperCycles, runSetupCycles, decodeFirstCycles, decodeCachedCycles, dispatchCycles,
                argCycles, opLimitCheckCycles, isolatedCallCycles, preemptCheckCycles, tickCycles);
    }

    public CosyCosts withIsolatedCallCycles(long v) {
        return new CosyCosts(buildPerOpCycles, runWrapperCycles, runSetupCycles, decodeFirstCycles, decodeCachedCycles,
                dispatchCycles, argCycles, opLimitCheckCycles, v, preemptCheckCycles, tickCycles);
    }
}
