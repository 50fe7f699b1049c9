package org.syscalllab.os.device;

import org.syscalllab.sim.Simulation;

/** A network interface: each packet takes a fixed latency plus its bytes over the link bandwidth, FIFO. */
public final class Nic extends FifoServer {
    private final long latencyCycles;
    private final double bytesPerCycle;

    public Nic(String name, long latencyCycles, double bytesPerCycle) {
        super(name);
        if (latencyCycles < 0) throw new IllegalArgumentException("latency_cycles = " + latencyCycles + " is not allowed; allowed: >= 0");
        if (!(bytesPerCycle > 0)) throw new IllegalArgumentException("bytes_per_cycle = " + bytesPerCycle + " is not allowed; allowed: > 0");
        this.latencyCycles = latencyCycles;
        this.bytesPerCycle = bytesPerCycle;
    }

    @Override
    long serviceCycles(Simulation sim, long block, long bytes) {
        return latencyCycles + (long) Math.ceil(bytes / bytesPerCycle);
    }
}
