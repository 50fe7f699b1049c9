package org.syscalllab.mech;

/**
 * Prices of the steps an exception-less call takes beyond those of {@link CostModel} (FlexSC §3, §5.1).
 *
 * @param entryWriteCycles    user cycles to write one entry (number, arguments, barrier, status) or read its result
 * @param dispatchCycles      kernel cycles a syscall thread spends finding a submitted entry, decoding it and posting
 *                            the result (per entry)
 * @param handoffCycles       kernel cycles to switch between the caller's kernel-visible thread and a syscall thread
 *                            (in-kernel switch within one address space; paid once each way per wait)
 * @param ipiCycles           cycles from sending an IPI to the target running its handler (remote wake-ups)
 * @param lineTransferCycles  cycles to move one entry's cache line between cores (each way, remote case)
 */
public record ExceptionLessCosts(long entryWriteCycles, long dispatchCycles, long handoffCycles, long ipiCycles,
                                 long lineTransferCycles) {
    public ExceptionLessCosts {
        if (entryWriteCycles < 0) throw new IllegalArgumentException("entry_write_cycles = " + entryWriteCycles + " is not allowed; allowed: >= 0");
        if (dispatchCycles < 0) throw new IllegalArgumentException("dispatch_cycles = " + dispatchCycles + " is not allowed; allowed: >= 0");
        if (handoffCycles < 0) throw new IllegalArgumentException("handoff_cycles = " + handoffCycles + " is not allowed; allowed: >= 0");
        if (ipiCycles < 0) throw new IllegalArgumentException("ipi_cycles = " + ipiCycles + " is not allowed; allowed: >= 0");
        if (lineTransferCycles < 0) throw new IllegalArgumentException("line_transfer_cycles = " + lineTransferCycles + " is not allowed; allowed: >= 0");
    }
}
