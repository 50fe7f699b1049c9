package org.syscalllab.mech;

import java.util.List;

/**
 * Cluster calls (Rittinghaus 2010), as a single-thread accounting: the calls of one client are aggregated in user mode
 * and delivered with one kernel crossing; one worker on the client's own core (serial, same-core execution, WaitAll)
 * runs them and the client resumes when all have finished. Each call pays the redirection in user mode, work-item
 * creation, and the worker's dequeue, capture, reply push and wait check (three atomic operations); each cluster call
 * pays one crossing, the queue lock, the barrier signal, two thread switches and the completion signal.
 *
 * <p>This is what lets the cluster call be compared with other mechanisms on one call sequence. Remote-core and
 * parallel execution, worker blocking, fibers and the other wait modes are simulated in time by
 * {@code org.syscalllab.papers.clustercalls.ClusterCallRuntime}, from the same {@link ClusterCallCosts}.
 */
public final class ClusterCall implements Mechanism {
    private final ClusterCallCosts costs;
    private final int maxBatch;
    private final boolean fibers;

    /**
     * @param costs    the primitive costs
     * @param maxBatch calls per cluster call at most (1..1024); a longer sequence takes several cluster calls
     * @param fibers   whether calls come from fibers through the user-mode library (adds redirection and a fiber
     *                 switch per call) or are placed on the request stack directly, as the thesis's benchmark does
     */
    public ClusterCall(ClusterCallCosts costs, int maxBatch, boolean fibers) {
        if (costs == null) throw new IllegalArgumentException("costs must not be null");
        if (maxBatch < 1 || maxBatch > ClusterCallPoolSpec.MAX_PENDING) {
            throw new IllegalArgumentException("max_batch = " + maxBatch + " is not allowed; allowed: 1.." + ClusterCallPoolSpec.MAX_PENDING);
        }
        this.costs = costs;
        this.maxBatch = maxBatch;
        this.fibers = fibers;
    }

    @Override
    public String series() { return "cluster_same_core"; }

    /** Kernel cycles of one call's path through the mechanism, excluding the call's own work. */
    public long perCallKernelCycles() {
        return costs.workItem() + costs.capture() + 3 * costs.atomic();
    }

    /** Kernel cycles of one cluster call around its calls: lock, barrier signal, waits, switches, completion signal. */
    public long perBatchKernelCycles() {
        return 2 * costs.atomic() + costs.signal() + costs.waitEnter() + costs.threadSwitch()
                + costs.signal() + costs.waitEnter() + costs.threadSwitch();
    }

    @Override
    public CallCost execute(List<CallRequest> calls, CostModel model) {
        CallCost total = CallCost.ZERO;
        int i = 0;
        while (i < calls.size()) {
            int n = Math.min(maxBatch, calls.size() - i);
            long user = 0, kernel = perBatchKernelCycles(), copy = 0;
            for (int k = i; k < i + n; k++) {
                CallRequest c = calls.get(k);
                user += model.userCycles(c.userInstructions()) + (fibers ? costs.redirect() + costs.fiberSwitch() : 0);
                kernel += perCallKernelCycles() + model.kernelCycles(c);
                copy += model.copyCycles(c.bytes());
            }
            total = total.plus(new CallCost(user, kernel, costs.trap(), copy, 1, n));
            i += n;
        }
        return total;
    }
}
