package org.syscalllab.mech;

import java.util.List;

/**
 * One kernel worker pool of a cluster-call group (thesis §5.3, Table 6.4): its workers, the cores they may run on, how
 * many may run at once, their priority and the wait mode the pool applies to its clients.
 *
 * @param workers         worker threads in the pool (kernel-only system threads), 1..64
 * @param cores           the affinity mask as a list of core numbers (1-based, as in the thesis); workers are placed on
 *                        these cores round robin
 * @param concurrency     how many workers may run at once (the concurrency barrier's limit), 1..workers
 * @param priority        scheduling priority of the workers (higher runs first), 0..31 as on NT
 * @param waitMode        when a client's wait for this pool's calls ends
 * @param someLimit       WaitSome: calls that must finish, 1..1024
 * @param someTimeoutNs   WaitSome: timeout in ns counted from the first finished call, &gt; 0
 */
public record ClusterCallPoolSpec(int workers, List<Integer> cores, int concurrency, int priority,
                                  ClusterCallWaitMode waitMode, int someLimit, long someTimeoutNs) {
    /** Hard limit of the prototype: calls (and fibers) per client. */
    public static final int MAX_PENDING = 1024;

    public ClusterCallPoolSpec {
        if (workers < 1 || workers > 64) throw new IllegalArgumentException("workers = " + workers + " is not allowed; allowed: 1..64");
        if (cores == null || cores.isEmpty()) throw new IllegalArgumentException("cores must name at least one core");
        cores = List.copyOf(cores);
        for (int c : cores) if (c < 1 || c > 64) throw new IllegalArgumentException("cores contains " + c + "; allowed: 1..64");
        if (concurrency < 1 || concurrency > workers) {
            throw new IllegalArgumentException("concurrency = " + concurrency + " is not allowed; allowed: 1.." + workers + " (the worker count)");
        }
        if (priority < 0 || priority > 31) throw new IllegalArgumentException("priority = " + priority + " is not allowed; allowed: 0..31");
        if (waitMode == null) throw new IllegalArgumentException("waitMode must not be null");
        if (someLimit < 1 || someLimit > MAX_PENDING) {
            throw new IllegalArgumentException("someLimit = " + someLimit + " is not allowed; allowed: 1.." + MAX_PENDING);
        }
        if (someTimeoutNs <= 0) throw new IllegalArgumentException("someTimeoutNs = " + someTimeoutNs + " is not allowed; allowed: > 0");
    }

    /** A pool with a wait mode other than WaitSome. */
    public static ClusterCallPoolSpec of(int workers, List<Integer> cores, int concurrency, ClusterCallWaitMode mode) {
        return new ClusterCallPoolSpec(workers, cores, concurrency, 31, mode, 1, 1);
    }

    /** A WaitSome pool. */
    public static ClusterCallPoolSpec waitSome(int workers, List<Integer> cores, int concurrency, int limit, long timeoutNs) {
        return new ClusterCallPoolSpec(workers, cores, concurrency, 31, ClusterCallWaitMode.WAIT_SOME, limit, timeoutNs);
    }

    /** The core the i-th worker is bound to. */
    public int coreOfWorker(int i) { return cores.get(i % cores.size()); }
}
