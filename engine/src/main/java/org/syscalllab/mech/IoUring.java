package org.syscalllab.mech;

import java.util.List;

/**
 * io_uring, accounted for one thread on one core: the program writes one submission-queue entry (SQE) per call into a
 * shared ring and makes one {@code io_uring_enter} crossing per batch of at most {@code min(batch, sqEntries)}
 * entries; the kernel executes the calls in that crossing and posts one completion (CQE) each, which the program
 * reads from shared memory. With SQPOLL a kernel thread on another core consumes the ring, so the program makes no
 * crossing at all; the calls' kernel work is still counted here (it runs on the poller's core: the discrete-event
 * model in {@code org.syscalllab.papers.whatif} places it there and adds the poller's idle timeout and wake-ups).
 *
 * @param sqEntries       submission ring size (a batch larger than the ring needs several enters)
 * @param batch           SQEs the program queues before it calls {@code io_uring_enter}
 * @param sqpoll          whether a kernel poller thread consumes the ring (no crossings)
 * @param sqeUserCycles   user cycles to fill one SQE and later read its CQE
 * @param sqeKernelCycles kernel cycles to fetch one SQE, dispatch it and post its CQE (besides the call's own work)
 */
public record IoUring(int sqEntries, int batch, boolean sqpoll, long sqeUserCycles, long sqeKernelCycles)
        implements Mechanism {
    public IoUring {
        if (sqEntries < 1 || sqEntries > 32768 || Integer.bitCount(sqEntries) != 1) {
            throw new IllegalArgumentException("sq_entries = " + sqEntries + " is not allowed; allowed: a power of two in [1, 32768]");
        }
        if (batch < 1) throw new IllegalArgumentException("batch = " + batch + " is not allowed; allowed: >= 1");
        if (sqeUserCycles < 0) throw new IllegalArgumentException("sqe_user_cycles = " + sqeUserCycles + " is not allowed; allowed: >= 0");
        if (sqeKernelCycles < 0) throw new IllegalArgumentException("sqe_kernel_cycles = " + sqeKernelCycles + " is not allowed; allowed: >= 0");
    }

    @Override
    public String series() { return sqpoll ? "sqpoll" : "io_uring"; }

    /** SQEs submitted per {@code io_uring_enter}: the batch, capped by the ring. */
    public int perEnter() { return Math.min(batch, sqEntries); }

    @Override
    public CallCost execute(List<CallRequest> calls, CostModel costs) {
        CallCost total = CallCost.ZERO;
        int inBatch = 0;
        for (CallRequest c : calls) {
            total = total.plus(new CallCost(costs.userCycles(c.userInstructions()) + sqeUserCycles,
                    costs.kernelCycles(c) + sqeKernelCycles, 0, costs.copyCycles(c.bytes()), 0, 1));
            inBatch++;
            if (inBatch == perEnter()) {
                total = total.plus(enter(costs));
                inBatch = 0;
            }
        }
        if (inBatch > 0) total = total.plus(enter(costs));
        return total;
    }

    private CallCost enter(CostModel costs) {
        return sqpoll ? CallCost.ZERO : new CallCost(0, 0, costs.crossingCycles(), 0, 1, 0);
    }
}
