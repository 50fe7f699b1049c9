package org.syscalllab.os;

import java.util.random.RandomGenerator;
import org.syscalllab.sim.Simulation;

/**
 * Closed-loop clients outside the machine: each of {@code n} clients thinks for an exponentially distributed time,
 * sends one request into a {@link WaitQueue} (where server threads take it with {@link Op.Wait}), and waits for the
 * server to call {@link #complete}; then it thinks again. Records completions and response times.
 */
public final class ClosedLoopClients {
    /** One request in flight. */
    public record Request(int client, long issuedAt) { }

    private final Kernel kernel;
    private final WaitQueue queue;
    private final double meanThinkCycles;
    private final RandomGenerator think;
    private final long stopIssuingAt;
    private long completed, responseCycles;

    /**
     * @param meanThinkCycles mean think time (0 for none)
     * @param stopIssuingAt   clients issue no new request after this cycle
     */
    public ClosedLoopClients(Kernel kernel, WaitQueue queue, int n, double meanThinkCycles, long stopIssuingAt) {
        if (n < 1) throw new IllegalArgumentException("clients = " + n + " is not allowed; allowed: >= 1");
        if (!(meanThinkCycles >= 0)) throw new IllegalArgumentException("think_cycles = " + meanThinkCycles + " is not allowed; allowed: >= 0");
        this.kernel = kernel;
        this.queue = queue;
        this.meanThinkCycles = meanThinkCycles;
        this.think = kernel.sim().stream("os.clients.think");
        this.stopIssuingAt = stopIssuingAt;
        for (int i = 0; i < n; i++) scheduleNext(i);
    }

    private void scheduleNext(int client) {
        long z = meanThinkCycles == 0 ? 0 : (long) (-Math.log(1 - think.nextDouble()) * meanThinkCycles);
        Simulation sim = kernel.sim();
        if (sim.now() + z > stopIssuingAt) return;
        sim.schedule(z, s -> {
            KThread w = queue.post(new Request(client, s.now()));
            if (w != null) kernel.wake(w);
        });
    }

    /** A server finished {@code r}: record it and let its client think again. */
    public void complete(Request r) {
        completed++;
        responseCycles += kernel.sim().now() - r.issuedAt();
        scheduleNext(r.client());
    }

    public long completed() { return completed; }

    /** Mean response time in cycles. */
    public double meanResponseCycles() { return completed == 0 ? 0 : (double) responseCycles / completed; }
}
