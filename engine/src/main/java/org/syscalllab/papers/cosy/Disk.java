package org.syscalllab.papers.cosy;

/**
 * The testbed's disk as one FIFO server with a head position: a request that continues where the last one ended
 * pays only the command overhead and the media transfer; any other request also pays a seek (growing with the square
 * root of the distance, from track-to-track to full stroke) and half a revolution on average. Time is in cycles of
 * the CPU clock. A compact model of this package rather than {@code os.device.Disk}: the Cosy workloads keep one
 * process clock and need completion times synchronously (with writeback queued on the same head), not event callbacks.
 */
final class Disk {
    private final Testbed.DiskSpec spec;
    private final double cyclesPerMs;
    private long busyUntil;
    private long head = -1;          // the block after the last transferred one
    private long requests;
    private long busyCycles;

    Disk(Testbed.DiskSpec spec, double clockHz) {
        this.spec = spec;
        this.cyclesPerMs = clockHz / 1000.0;
    }

    /**
     * Queues a transfer of {@code blocks} blocks starting at {@code block}, issued at {@code now}; returns the cycle at
     * which it completes.
     */
    long submit(long now, long block, long blocks) {
        if (blocks < 1) throw new IllegalArgumentException("blocks = " + blocks + " is not allowed; allowed: >= 1");
        long start = Math.max(now, busyUntil);
        double ms = spec.commandOverheadMs();
        if (block != head) {
            double frac = Math.sqrt(Math.min(1.0, Math.abs(block - head) / (double) spec.totalBlocks()));
            ms += spec.trackToTrackSeekMs() + (spec.fullStrokeSeekMs() - spec.trackToTrackSeekMs()) * frac;
            ms += spec.revolutionMs() / 2;                                    // average rotational latency
        }
        ms += blocks * (double) Testbed.BLOCK_BYTES / (spec.mediaMBps() * 1e6) * 1000.0;
        long cost = Math.max(1, Math.round(ms * cyclesPerMs));
        busyUntil = start + cost;
        busyCycles += cost;
        head = block + blocks;
        requests++;
        return busyUntil;
    }

    long busyUntil() { return busyUntil; }

    long requests() { return requests; }

    long busyCycles() { return busyCycles; }
}
