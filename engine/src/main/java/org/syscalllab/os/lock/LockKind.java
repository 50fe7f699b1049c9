package org.syscalllab.os.lock;

/** How waiters wait and who may hold a lock together. */
public enum LockKind {
    /** Waiters spin on their CPU; one holder. */
    SPIN,
    /** Waiters sleep and give their CPU away; one holder. */
    MUTEX,
    /** Waiters sleep; many readers or one writer, granted in FIFO order. */
    RW_SEMAPHORE;

    /** Whether a waiter keeps its CPU busy while waiting. */
    public boolean spins() { return this == SPIN; }
}
