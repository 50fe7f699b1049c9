package org.syscalllab.os.device;

import java.util.random.RandomGenerator;
import org.syscalllab.sim.Simulation;

/**
 * A disk: a request pays a seek proportional to the distance from the previous block (none if adjacent), a
 * rotational latency drawn uniformly from one revolution, and its bytes over the media transfer rate.
 */
public final class Disk extends FifoServer {
    /**
     * @param fullSeekCycles   cycles to seek across the whole disk
     * @param revolutionCycles cycles of one revolution
     * @param bytesPerCycle    media transfer rate
     * @param blocks           number of blocks (to scale seek distance)
     */
    public record Spec(long fullSeekCycles, long revolutionCycles, double bytesPerCycle, long blocks) {
        public Spec {
            if (fullSeekCycles < 0) throw new IllegalArgumentException("full_seek_cycles = " + fullSeekCycles + " is not allowed; allowed: >= 0");
            if (revolutionCycles < 0) throw new IllegalArgumentException("revolution_cycles = " + revolutionCycles + " is not allowed; allowed: >= 0");
            if (!(bytesPerCycle > 0)) throw new IllegalArgumentException("bytes_per_cycle = " + bytesPerCycle + " is not allowed; allowed: > 0");
            if (blocks < 1) throw new IllegalArgumentException("blocks = " + blocks + " is not allowed; allowed: >= 1");
        }
    }

    private final Spec spec;
    private final RandomGenerator rng;
    private long head;

    public Disk(String name, Spec spec, RandomGenerator rotation) {
        super(name);
        if (spec == null || rotation == null) throw new IllegalArgumentException("spec and rotation stream are required");
        this.spec = spec;
        this.rng = rotation;
    }

    @Override
    long serviceCycles(Simulation sim, long block, long bytes) {
        if (block < 0 || block >= spec.blocks()) {
            throw new IllegalArgumentException(name() + ": block = " + block + " is not allowed; allowed: [0, " + (spec.blocks() - 1) + "]");
        }
        long dist = Math.abs(block - head);
        head = block;
        long seek = dist <= 1 ? 0 : Math.round(spec.fullSeekCycles() * (double) dist / spec.blocks());
        long rot = dist <= 1 ? 0 : (long) (rng.nextDouble() * spec.revolutionCycles());
        return seek + rot + (long) Math.ceil(bytes / spec.bytesPerCycle());
    }
}
