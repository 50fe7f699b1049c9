package org.syscalllab.os.lock;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A kernel lock. The OS model calls {@link #tryAcquire} when a thread wants the lock; if that fails the thread is
 * queued with {@link #enqueue} and waits (spinning or sleeping, by {@link #kind()}); {@link #release} returns the
 * waiters that now hold the lock (one, or a batch of readers), in FIFO order. Holders are always unique for
 * exclusive modes; an {@link IllegalStateException} reports any misuse (release by a non-holder, double acquire).
 *
 * <p>A lock also protects some data: {@link #sharedLines()} cache lines that move to the new holder's CPU when it
 * differs from the previous holder's. The OS model charges that transfer; {@link #lastCpu()} tells it where they are.
 */
public final class Lock {
    private record Waiter(Holder who, boolean write, long since) { }

    private final String name;
    private final LockKind kind;
    private final int sharedLines;
    private final Set<Long> holders = new LinkedHashSet<>();
    private boolean writerHolds;
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private final Set<Long> queued = new java.util.HashSet<>();      // ids in waiters (the double-queue check in O(1))
    private final java.util.Map<Long, Long> heldSince = new java.util.HashMap<>();
    private int lastCpu = -1;
    private long acquisitions, contended, waitCycles, holdCycles, transfers;

    /**
     * @param name        the lock's name (e.g. {@code giant}, {@code fs}, {@code inode#3})
     * @param kind        spin, mutex or reader/writer semaphore
     * @param sharedLines cache lines of data the lock protects that move with it (0 or more)
     */
    public Lock(String name, LockKind kind, int sharedLines) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("lock name must not be blank");
        if (kind == null) throw new IllegalArgumentException("lock kind must not be null");
        if (sharedLines < 0) throw new IllegalArgumentException("shared_lines = " + sharedLines + " is not allowed; allowed: >= 0");
        this.name = name;
        this.kind = kind;
        this.sharedLines = sharedLines;
    }

    public String name() { return name; }

    public LockKind kind() { return kind; }

    public int sharedLines() { return sharedLines; }

    /** The CPU of the most recent grant, or -1 if never held. */
    public int lastCpu() { return lastCpu; }

    /** The current holders (unmodifiable; at most one unless readers share a semaphore). */
    public Set<Long> holders() { return Collections.unmodifiableSet(holders); }

    public int waiting() { return waiters.size(); }

    public boolean isFree() { return holders.isEmpty(); }

    /**
     * Takes the lock at time {@code now} if it can be granted at once (free, or shared by readers with nobody
     * queued). {@code write} is ignored except for reader/writer semaphores.
     */
    public boolean tryAcquire(Holder who, boolean write, long now) {
        if (holders.contains(who.id())) throw new IllegalStateException(name + ": holder " + who.id() + " acquires it again");
        boolean exclusive = kind != LockKind.RW_SEMAPHORE || write;
        boolean ok = holders.isEmpty() || (!exclusive && !writerHolds && waiters.isEmpty());
        if (!ok) return false;
        grant(who, exclusive, now, false, now);
        return true;
    }

    /** Queues a waiter that failed {@link #tryAcquire}. */
    public void enqueue(Holder who, boolean write, long now) {
        if (holders.contains(who.id())) throw new IllegalStateException(name + ": holder " + who.id() + " waits for it");
        if (!queued.add(who.id())) throw new IllegalStateException(name + ": " + who.id() + " queued twice");
        waiters.add(new Waiter(who, kind != LockKind.RW_SEMAPHORE || write, now));
    }

    /** Releases the lock held by {@code who}; returns the waiters granted the lock now, in FIFO order. */
    public List<Holder> release(Holder who, long now) {
        Long since = heldSince.remove(who.id());
        if (!holders.remove(who.id()) || since == null) {
            throw new IllegalStateException(name + ": " + who.id() + " releases a lock it does not hold (holders " + holders + ")");
        }
        holdCycles += now - since;
        if (holders.isEmpty()) writerHolds = false;
        List<Holder> granted = new ArrayList<>(1);
        while (!waiters.isEmpty()) {
            Waiter w = waiters.peek();
            if (w.write) {
                if (!holders.isEmpty()) break;
                queued.remove(waiters.poll().who.id());
                grant(w.who, true, now, true, w.since);
                granted.add(w.who);
                break;
            }
            if (writerHolds) break;
            queued.remove(waiters.poll().who.id());
            grant(w.who, false, now, true, w.since);
            granted.add(w.who);
        }
        return granted;
    }

    private void grant(Holder who, boolean exclusive, long now, boolean waited, long since) {
        holders.add(who.id());
        heldSince.put(who.id(), now);
        if (exclusive) writerHolds = true;
        if (exclusive && holders.size() > 1) throw new IllegalStateException(name + ": two holders of an exclusive lock");
        acquisitions++;
        if (waited) {
            contended++;
            waitCycles += now - since;
        }
        int cpu = who.cpu();
        if (lastCpu >= 0 && cpu >= 0 && cpu != lastCpu) transfers++;
        if (cpu >= 0) lastCpu = cpu;
    }

    public LockStats stats() { return new LockStats(name, acquisitions, contended, waitCycles, holdCycles, transfers); }

    @Override
    public String toString() { return name + "(" + kind + ")"; }
}
