package org.syscalllab.mech;

/**
 * When a cluster-call client's wait in the kernel ends (thesis §5.3.3): per worker pool, the first pool whose
 * condition holds signals the client's work-item-completion (WIC) event.
 */
public enum ClusterCallWaitMode {
    /** Return to user mode at once after delivering the calls. */
    NO_WAIT,
    /** Wait until at least one call has finished. */
    WAIT_ANY,
    /** Wait until {@code limit} calls have finished, or until a timeout that starts when the first one finishes. */
    WAIT_SOME,
    /** Wait until every call the client has outstanding in the pool has finished. */
    WAIT_ALL;

    /**
     * Whether a pool in this mode releases a waiting client.
     *
     * @param completed  calls of this pool finished since the client last drained its reply queue
     * @param pending    calls of this client still outstanding in this pool
     * @param limit      the WaitSome limit (ignored by other modes)
     * @param timedOut   whether the WaitSome timeout (from the first completion) has expired
     */
    public boolean satisfied(int completed, int pending, int limit, boolean timedOut) {
        return switch (this) {
            case NO_WAIT -> true;
            case WAIT_ANY -> completed >= 1;
            case WAIT_SOME -> completed >= limit || (completed >= 1 && timedOut);
            case WAIT_ALL -> pending == 0 && completed >= 1;
        };
    }
}
