package org.syscalllab.os.device;

import java.util.ArrayDeque;
import org.syscalllab.sim.Simulation;

/** The FIFO single-server queue shared by the devices: subclasses say how long a request takes. */
abstract class FifoServer implements Device {
    private record Req(long block, long bytes, Runnable done) { }

    private final String name;
    private final ArrayDeque<Req> queue = new ArrayDeque<>();
    private boolean busy;
    private long completed, busyCycles;

    FifoServer(String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("device name must not be blank");
        this.name = name;
    }

    @Override
    public String name() { return name; }

    /** Service time of one request in cycles, given the device's state (which the call may update). */
    abstract long serviceCycles(Simulation sim, long block, long bytes);

    @Override
    public void submit(Simulation sim, long block, long bytes, Runnable done) {
        if (bytes < 0) throw new IllegalArgumentException(name + ": bytes = " + bytes + " is not allowed; allowed: >= 0");
        queue.add(new Req(block, bytes, done));
        if (!busy) startNext(sim);
    }

    private void startNext(Simulation sim) {
        Req r = queue.poll();
        if (r == null) {
            busy = false;
            return;
        }
        busy = true;
        long s = serviceCycles(sim, r.block, r.bytes);
        busyCycles += s;
        sim.schedule(s, x -> {
            completed++;
            r.done.run();
            startNext(x);
        });
    }

    @Override
    public long completed() { return completed; }

    @Override
    public long busyCycles() { return busyCycles; }

    public int queued() { return queue.size(); }
}
