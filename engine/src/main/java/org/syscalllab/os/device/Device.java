package org.syscalllab.os.device;

import org.syscalllab.sim.Simulation;

/** A device that serves requests one at a time in FIFO order and calls back when each completes. */
public interface Device {
    /** The device's name, as system-call table entries refer to it. */
    String name();

    /** Submits a request of {@code bytes} (at {@code block}, for block devices); {@code done} runs at completion. */
    void submit(Simulation sim, long block, long bytes, Runnable done);

    /** Requests completed so far. */
    long completed();

    /** Cycles the device was busy. */
    long busyCycles();
}
