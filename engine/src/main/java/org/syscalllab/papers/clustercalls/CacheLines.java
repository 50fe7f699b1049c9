package org.syscalllab.papers.clustercalls;

import java.util.Arrays;

/**
 * Which core holds each shared cache line of the cluster-call structures (the system-call array, the reply queue, the
 * work queue's head, the queue lock, the client's wait counter), a minimal MESI view: a line has one writer (owner) and
 * a set of sharers. A read by a core that does not hold the line, or a write by a core that does not own it alone,
 * costs one cache-to-cache transfer. Locked operations also serialise: a line is busy until the current atomic
 * operation on it ends, so cores contending for one line queue behind each other. Costs come back in cycles.
 */
final class CacheLines {
    private final long transfer;
    private final long atomicCost;
    private int[] owner = new int[64];
    private long[] sharers = new long[64];
    private long[] freeAt = new long[64];
    private int count;
    private long transfers;

    CacheLines(long transferCycles, long atomicCycles) {
        this.transfer = transferCycles;
        this.atomicCost = atomicCycles;
    }

    /** Allocates {@code n} consecutive lines, first touched by {@code core}; returns the first line's id. */
    int allocate(int n, int core) {
        int first = count;
        count += n;
        if (count > owner.length) {
            int m = Math.max(count, owner.length * 2);
            owner = Arrays.copyOf(owner, m);
            sharers = Arrays.copyOf(sharers, m);
            freeAt = Arrays.copyOf(freeAt, m);
        }
        for (int i = first; i < count; i++) {
            owner[i] = core;
            sharers[i] = 1L << core;
        }
        return first;
    }

    long read(int line, int core) {
        if ((sharers[line] & (1L << core)) != 0) return 0;
        sharers[line] |= 1L << core;
        transfers++;
        return transfer;
    }

    long write(int line, int core) {
        boolean alone = owner[line] == core && sharers[line] == 1L << core;
        owner[line] = core;
        sharers[line] = 1L << core;
        if (alone) return 0;
        transfers++;
        return transfer;
    }

    /**
     * A plain load by {@code core} starting at {@code start} (cycles) of a line that locked operations also use: it waits
     * while another core's locked operation holds the line, then fetches the line if the core does not have it; returns
     * the cycles from {@code start} until the value is in hand.
     */
    long load(int line, int core, long start) {
        long begin = Math.max(start, freeAt[line]);
        return begin + read(line, core) - start;
    }

    /**
     * A locked read-modify-write by {@code core} starting at {@code start} (cycles); returns the cycles from
     * {@code start} until it completes, including the wait for another core's operation on the same line.
     */
    long atomic(int line, int core, long start) {
        long begin = Math.max(start, freeAt[line]);
        long end = begin + write(line, core) + atomicCost;
        freeAt[line] = end;
        return end - start;
    }

    /** Cache-to-cache transfers so far. */
    long transfers() { return transfers; }
}
