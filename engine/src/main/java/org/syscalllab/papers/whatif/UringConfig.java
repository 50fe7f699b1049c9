package org.syscalllab.papers.whatif;

/**
 * The io_uring side of a run: ring sizes, per-entry costs and the SQPOLL poller's behaviour.
 *
 * @param sqEntries         submission ring entries per ring (a power of two); a loop that has more SQEs than fit
 *                          needs several enters (IO_URING) or keeps them back until the poller makes room (SQPOLL)
 * @param cqEntries         completion ring entries per ring; completions beyond it are overflows, counted and kept
 *                          on the kernel's overflow list (delivered late, never dropped)
 * @param sqeUserCycles     user cycles to fill an SQE and read its CQE
 * @param sqeKernelCycles   kernel cycles to fetch, dispatch and complete one SQE besides the call's work
 * @param sqeSharedLines    SQPOLL: cache lines per SQE moved between the loop's core and the poller's (SQE, CQE,
 *                          request data), each at the platform's cache-to-cache cost on the loop's core
 * @param idleTimeoutCycles SQPOLL: the poller sleeps after this long without finding work
 * @param scanCyclesPerRing SQPOLL: cycles of one poll of one ring's tail
 * @param perRingCap        SQPOLL: SQEs the poller takes from one ring per pass (fairness between rings)
 */
public record UringConfig(int sqEntries, int cqEntries, long sqeUserCycles, long sqeKernelCycles, int sqeSharedLines,
                          long idleTimeoutCycles, long scanCyclesPerRing, int perRingCap) {
    public UringConfig {
        if (sqEntries < 1 || sqEntries > 32768 || Integer.bitCount(sqEntries) != 1) {
            throw new IllegalArgumentException("sq_entries = " + sqEntries + " is not allowed; allowed: a power of two in [1, 32768]");
        }
        if (cqEntries < 1 || cqEntries > 65536 || Integer.bitCount(cqEntries) != 1) {
            throw new IllegalArgumentException("cq_entries = " + cqEntries + " is not allowed; allowed: a power of two in [1, 65536]");
        }
        if (sqeUserCycles < 0) throw new IllegalArgumentException("sqe_user_cycles = " + sqeUserCycles + " is not allowed; allowed: >= 0");
        if (sqeKernelCycles < 0) throw new IllegalArgumentException("sqe_kernel_cycles = " + sqeKernelCycles + " is not allowed; allowed: >= 0");
        if (sqeSharedLines < 0) throw new IllegalArgumentException("sqe_shared_lines = " + sqeSharedLines + " is not allowed; allowed: >= 0");
        if (idleTimeoutCycles < 0) throw new IllegalArgumentException("idle_timeout_cycles = " + idleTimeoutCycles + " is not allowed; allowed: >= 0");
        if (scanCyclesPerRing < 1) throw new IllegalArgumentException("scan_cycles_per_ring = " + scanCyclesPerRing + " is not allowed; allowed: >= 1");
        if (perRingCap < 1) throw new IllegalArgumentException("per_ring_cap = " + perRingCap + " is not allowed; allowed: >= 1");
    }
}
