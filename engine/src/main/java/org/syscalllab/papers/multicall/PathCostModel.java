package org.syscalllab.papers.multicall;

import org.syscalllab.hw.CacheLevel;
import org.syscalllab.hw.Platform;
import org.syscalllab.mech.CallRequest;
import org.syscalllab.mech.CostModel;

/**
 * Prices the steps of the paper's programs on one machine. A crossing is the libc wrapper, the measured entry and exit
 * (MC Table 1 on the laptop; the rdtscl bracketing there already includes draining and refilling the pipeline, so no
 * refill is added) and the re-fetch of the trap path's own lines when the data streamed since the last crossing has
 * pushed them out of the L1 data cache. A call's kernel work is its path length (from {@link Linux24Paths}) at the
 * kernel CPI. A copy of n bytes between user and kernel space is {@code rep movsl} at its L1 rate plus, for every
 * line, the miss on the page-cache side (L2 while the files fit in L2, memory otherwise) and, when the lines one
 * read/write pair cycles through no longer fit in the L1 together, the miss on the user-buffer side; misses are
 * exposed by the platform's miss-overlap factor. A read copies a page-cache page into the user buffer and the write
 * that follows copies the buffer into another page-cache page, so between two uses of a buffer line the L1 sees
 * {@link #BUFFERS_PER_PAIR} blocks: the source page, the buffer and the destination page (write-allocate, as on the
 * P6 core). The L1 occupancy estimate is analytic: the share of a line evicted is the bytes
 * streamed over the cache size (at most 1), the random-replacement approximation. Immutable.
 */
public final class PathCostModel implements CostModel {
    /**
     * Blocks a read/write pair streams through the L1 between two uses of the same user-buffer line: source page,
     * user buffer, destination page. Structural (the copy loop of MC Fig. 5), not a tuned value.
     */
    public static final int BUFFERS_PER_PAIR = 3;

    private final Platform platform;
    private final CostInputs in;
    private final long blockBytes;
    private final long workingSetBytes;

    /**
     * @param platform        the machine
     * @param in              paper-specific inputs
     * @param blockBytes      bytes a read or write moves per call (the copy program's block size)
     * @param workingSetBytes bytes of file data the program cycles through (input plus output): decides whether the
     *                        page-cache side of a copy hits in L2
     */
    public PathCostModel(Platform platform, CostInputs in, long blockBytes, long workingSetBytes) {
        if (blockBytes < 1) throw new IllegalArgumentException("block_bytes = " + blockBytes + " is not allowed; allowed: >= 1");
        if (workingSetBytes < 0) throw new IllegalArgumentException("working_set_bytes = " + workingSetBytes + " is not allowed; allowed: >= 0");
        this.platform = platform;
        this.in = in;
        this.blockBytes = blockBytes;
        this.workingSetBytes = workingSetBytes;
    }

    public Platform platform() { return platform; }

    public CostInputs inputs() { return in; }

    /** Latency of a load that misses L1 and hits the next level (memory when there is no L2). */
    double l1MissCycles() {
        return platform.l2().map(CacheLevel::latencyCycles).orElse(platform.memoryLatencyCycles());
    }

    /** Whether the files fit in the last-level cache, so that page-cache lines come from it rather than memory. */
    boolean filesFitInCache() {
        return platform.l2().isPresent() && workingSetBytes <= platform.lastLevel().sizeBytes();
    }

    /** Share of the trap path's L1 lines evicted between two crossings (bytes streamed by a copy over L1 size). */
    double pathEvictedShare() {
        return Math.min(1.0, 2.0 * blockBytes / platform.l1d().sizeBytes());
    }

    /** Cycles to re-fetch the trap path's evicted lines, per crossing. */
    public long pathRefillCycles() {
        return Math.round(in.crossingPathLines() * pathEvictedShare() * l1MissCycles() * platform.missOverlap());
    }

    /** The libc wrapper's cycles. */
    public long wrapperCycles() { return Math.round(in.wrapperInstructions() * in.userCpi()); }

    @Override
    public long crossingCycles() {
        return wrapperCycles() + platform.syscallEntryCycles() + platform.syscallExitCycles() + pathRefillCycles();
    }

    @Override
    public long kernelCycles(CallRequest call) { return Math.round(call.kernelInstructions() * in.kernelCpi()); }

    @Override
    public long userCycles(long instructions) { return Math.round(instructions * in.userCpi()); }

    @Override
    public long copyCycles(long bytes) {
        if (bytes == 0) return 0;
        int line = platform.lineBytes();
        long lines = (bytes + line - 1) / line;
        double pageSide = filesFitInCache() ? l1MissCycles() : platform.memoryLatencyCycles();
        double userSide = BUFFERS_PER_PAIR * blockBytes > platform.l1d().sizeBytes() ? l1MissCycles() : 0;
        return Math.round(bytes / in.copyBytesPerCycle() + lines * (pageSide + userSide) * platform.missOverlap());
    }

    @Override
    public double clockHz() { return platform.clockHz(); }
}
