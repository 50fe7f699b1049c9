package org.syscalllab.os;

import java.util.ArrayDeque;

/** A kernel wait queue with items: {@link Op.Wait} takes one or sleeps; {@link Op.Post} adds one or hands it over. */
public final class WaitQueue {
    private final String name;
    private final ArrayDeque<Object> items = new ArrayDeque<>();
    private final ArrayDeque<KThread> waiters = new ArrayDeque<>();

    public WaitQueue(String name) {
        this.name = name;
    }

    public String name() { return name; }

    public int items() { return items.size(); }

    public int waiters() { return waiters.size(); }

    Object poll() { return items.poll(); }

    void addWaiter(KThread t) { waiters.add(t); }

    /** Adds an item; returns the waiter that receives it (already handed the item), or null if it was queued. */
    KThread post(Object item) {
        KThread w = waiters.poll();
        if (w == null) {
            items.add(item);
            return null;
        }
        w.received = item;
        return w;
    }
}
