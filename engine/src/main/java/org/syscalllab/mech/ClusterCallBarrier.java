package org.syscalllab.mech;

import java.util.ArrayDeque;

/**
 * A worker pool's concurrency barrier (thesis §5.3.4): a kernel-queue-like object that limits how many workers run
 * at once and detects blocking. A cluster call <em>sets</em> it; the first worker that finds the work queue empty
 * <em>resets</em> it, and a reset barrier holds every worker. A worker that blocks inside a system call stops counting
 * as active, so another waiting worker may take work; when it resumes it runs on (the pool is over-subscribed) and
 * waits at the barrier the next time it asks for work while the active count is above the limit. Waiting workers are
 * released last-in first-out, as NT's kernel queue does.
 *
 * <p>Pure bookkeeping with worker ids; the caller decides what time things happen.
 */
public final class ClusterCallBarrier {
    private final int concurrency;
    private final ArrayDeque<Integer> waiting = new ArrayDeque<>();
    private int active;
    private boolean set;

    public ClusterCallBarrier(int concurrency) {
        if (concurrency < 1) throw new IllegalArgumentException("concurrency = " + concurrency + " is not allowed; allowed: >= 1");
        this.concurrency = concurrency;
    }

    /** A new worker starts out waiting at the barrier. */
    public void enlist(int worker) { waiting.push(worker); }

    public int active() { return active; }

    public int waiting() { return waiting.size(); }

    public boolean isSet() { return set; }

    public int concurrency() { return concurrency; }

    /**
     * A cluster call delivered work ({@code queued} items are now in the work queue): sets the barrier and returns
     * the workers to wake, each counted active. At most {@code concurrency - active} and at most {@code queued}.
     */
    public int[] signal(int queued) {
        set = true;
        int n = Math.max(0, Math.min(Math.min(waiting.size(), concurrency - active), queued));
        int[] w = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = waiting.pop();
            active++;
        }
        return w;
    }

    /** A running worker asks for its next item: true if it may dequeue; false if it now waits at the barrier. */
    public boolean mayProceed(int worker) {
        if (!set || active > concurrency) {
            active--;
            waiting.push(worker);
            return false;
        }
        return true;
    }

    /** A running worker found the work queue empty: the barrier is reset and the worker waits. */
    public void resetAndWait(int worker) {
        set = false;
        active--;
        waiting.push(worker);
    }

    /**
     * A running worker blocked inside a system call. Returns a waiting worker to wake in its place (counted active),
     * or -1 if none should run (barrier reset, no queued work, or no one waiting).
     */
    public int onBlocked(int queued) {
        active--;
        if (set && queued > 0 && active < concurrency && !waiting.isEmpty()) {
            active++;
            return waiting.pop();
        }
        return -1;
    }

    /** A worker's blocking call completed; it runs on, counted active again (possibly above the limit). */
    public void onUnblocked() { active++; }
}
