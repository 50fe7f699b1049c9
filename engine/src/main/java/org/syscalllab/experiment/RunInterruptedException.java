package org.syscalllab.experiment;

import org.syscalllab.sim.SimulationInterruptedException;

/**
 * Thrown when a run or sweep stops because its thread was interrupted (Jupyter's interrupt button, Ctrl-C). It is a
 * {@link SimulationInterruptedException}, so one {@code catch} covers an interrupt from the event loop and from the
 * experiment layer.
 */
public final class RunInterruptedException extends SimulationInterruptedException {
    public RunInterruptedException(String message) {
        super(message);
    }
}
