package org.syscalllab.mech;

/**
 * What the multi-call stub itself costs, beyond the calls it runs: the user-side wrapper that fills one
 * {@code sys_params} record per call (call number, pointers to the arguments, pointer to the result slot, check flag),
 * the kernel-side work per call (table lookup, dereferencing the by-reference arguments, storing the result, testing
 * the check flag), and for looped multi-calls the in-kernel loop step per iteration. The paper does not measure any of
 * these; every default is an {@code ASSUMPTION} and all are editable.
 *
 * @param marshalCyclesPerCall  user cycles to fill one {@code sys_params} record (ASSUMPTION: a handful of stores)
 * @param dispatchCyclesPerCall kernel cycles per call inside the stub (ASSUMPTION: lookup + get_params + store)
 * @param loopIterationCycles   kernel cycles per iteration of a looped multi-call (ASSUMPTION: test and branch)
 */
public record MultiCallStub(long marshalCyclesPerCall, long dispatchCyclesPerCall, long loopIterationCycles) {
    public MultiCallStub {
        if (marshalCyclesPerCall < 0 || marshalCyclesPerCall > 1_000_000) {
            throw new IllegalArgumentException("marshal_cycles_per_call = " + marshalCyclesPerCall + " is not allowed; allowed: [0, 1000000]");
        }
        if (dispatchCyclesPerCall < 0 || dispatchCyclesPerCall > 1_000_000) {
            throw new IllegalArgumentException("dispatch_cycles_per_call = " + dispatchCyclesPerCall + " is not allowed; allowed: [0, 1000000]");
        }
        if (loopIterationCycles < 0 || loopIterationCycles > 1_000_000) {
            throw new IllegalArgumentException("loop_iteration_cycles = " + loopIterationCycles + " is not allowed; allowed: [0, 1000000]");
        }
    }

    /**
     * The generic stub of the paper's Fig. 2. ASSUMPTION: about 8 user cycles to fill a record (4-5 stores on a
     * Pentium II) and about 24 kernel cycles per call for {@code syscall_table[no]}, the indirect call and
     * {@code get_params} dereferencing up to 5 argument pointers, and the result store and check-flag test.
     */
    public static MultiCallStub generic() { return new MultiCallStub(8, 24, 6); }

    /**
     * A specialised multi-call ({@code write_read}, {@code select_time}): its handler calls the constituent handlers
     * directly with its own arguments, so there is no per-call record and no table dispatch. ASSUMPTION: 2 user cycles
     * per constituent call (one extra argument each) and 4 kernel cycles (a direct call).
     */
    public static MultiCallStub specialised() { return new MultiCallStub(2, 4, 6); }
}
