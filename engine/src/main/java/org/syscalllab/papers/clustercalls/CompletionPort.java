package org.syscalllab.papers.clustercalls;

import java.util.ArrayDeque;

/**
 * An NT I/O completion port (thesis §2.3.3): a queue of completion packets and the threads waiting for them, released
 * last-in first-out, with a concurrency limit on how many associated threads run at once. A thread that blocks on
 * something else stops counting as active, so a waiting thread may take the next packet; when it resumes it counts
 * again.
 */
final class CompletionPort {
    /** A thread (or a worker's pending call) that takes packets from the port. */
    interface Taker {
        /** Receives a packet after having waited; it is then active. */
        void deliver(Object packet);
    }

    private final int concurrency;
    private final ArrayDeque<Object> packets = new ArrayDeque<>();
    private final ArrayDeque<Taker> waiting = new ArrayDeque<>();
    private int active;

    CompletionPort(int concurrency) {
        if (concurrency < 1) throw new IllegalArgumentException("port concurrency = " + concurrency + "; allowed: >= 1");
        this.concurrency = concurrency;
    }

    /**
     * GetQueuedCompletionStatus: {@code wasActive} says whether the caller counted as active. Returns a packet at once,
     * or null when the caller now waits (it will get {@link Taker#deliver}).
     */
    Object get(Taker t, boolean wasActive) {
        if (wasActive) active--;
        if (!packets.isEmpty() && active < concurrency) {
            active++;
            return packets.poll();
        }
        waiting.push(t);
        return null;
    }

    /** A completion arrives. */
    void post(Object packet) {
        if (!waiting.isEmpty() && active < concurrency) {
            active++;
            waiting.pop().deliver(packet);
        } else {
            packets.add(packet);
        }
    }

    /** An active thread blocked elsewhere; a waiting one may run in its place. */
    void blocked() {
        active--;
        if (!packets.isEmpty() && !waiting.isEmpty() && active < concurrency) {
            active++;
            waiting.pop().deliver(packets.poll());
        }
    }

    /** A thread that blocked elsewhere runs again. */
    void unblocked() { active++; }

    /** A thread stops using the port while active (it exits). */
    void leave() { active--; }

    int queued() { return packets.size(); }
}
