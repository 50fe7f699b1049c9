package org.syscalllab.papers.whatif;

import org.syscalllab.hw.Platform;
import org.syscalllab.mech.CallRequest;
import org.syscalllab.mech.CostModel;

/**
 * Prices the steps of an event-driven server on one platform: a crossing is the platform's entry, exit and pipeline
 * refill; the cache pollution after a kernel entry is the workload's displaced lines refetched from L2 (exposed by
 * the platform's miss overlap), plus, when the kernel flushes the TLB on a crossing (page-table isolation without
 * PCID), the handler's pages refilled at the platform's TLB miss cost.
 *
 * @param platform          the machine
 * @param workload          the request shape (displaced lines, working-set pages)
 * @param userCpi           cycles per user instruction without pollution
 * @param kernelCpi         cycles per kernel instruction
 * @param copyBytesPerCycle bytes copied across the boundary per cycle
 * @param flushTlb          whether each crossing flushes the TLB (page-table isolation without PCID)
 */
public record ServerCosts(Platform platform, Workload workload, double userCpi, double kernelCpi,
                          double copyBytesPerCycle, boolean flushTlb) implements CostModel {
    public ServerCosts {
        if (platform == null) throw new IllegalArgumentException("platform must not be null");
        if (workload == null) throw new IllegalArgumentException("workload must not be null");
        if (!(userCpi > 0 && userCpi <= 20)) throw new IllegalArgumentException("user_cpi = " + userCpi + " is not allowed; allowed: (0, 20]");
        if (!(kernelCpi > 0 && kernelCpi <= 20)) throw new IllegalArgumentException("kernel_cpi = " + kernelCpi + " is not allowed; allowed: (0, 20]");
        if (!(copyBytesPerCycle > 0)) throw new IllegalArgumentException("copy_bytes_per_cycle = " + copyBytesPerCycle + " is not allowed; allowed: > 0");
    }

    @Override public long crossingCycles() { return platform.syscallRoundTripCycles() + platform.pipelineRefillCycles(); }

    @Override public long kernelCycles(CallRequest call) { return Math.round(call.kernelInstructions() * kernelCpi); }

    @Override public long userCycles(long instructions) { return Math.round(instructions * userCpi); }

    @Override public long copyCycles(long bytes) { return Math.round(bytes / copyBytesPerCycle); }

    @Override public double clockHz() { return platform.clockHz(); }

    /** User cycles lost after one kernel entry on the same core to refetching displaced state. */
    public long pollutionCycles() {
        int l2 = platform.l2().map(c -> c.latencyCycles()).orElse(platform.memoryLatencyCycles());
        double lines = workload.kernelLinesPerEntry() * l2 * platform.missOverlap();
        double tlb = 0;
        if (flushTlb) {
            tlb = (Math.min(workload.userTlbPages(), platform.dtlb().entries()) * (double) platform.dtlb().missPenaltyCycles())
                    + Math.min(workload.userTlbPages(), platform.itlb().entries()) * (double) platform.itlb().missPenaltyCycles();
        }
        return Math.round(lines + tlb);
    }

    /** Crossing plus pollution: what one kernel entry costs the core that makes it, beyond the calls' work. */
    public long entryCycles() { return crossingCycles() + pollutionCycles(); }

    /** Kernel work plus copy of one call. */
    public long callWorkCycles(CallRequest c) { return kernelCycles(c) + copyCycles(c.bytes()); }

    /** User cycles of one request's handler. */
    public long handlerCycles() { return userCycles(workload.userInstructions()); }
}
