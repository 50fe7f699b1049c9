package org.syscalllab.sim;

/** A run stopped because its thread was interrupted (the notebook's interrupt button). */
public final class SimulationInterruptedException extends RuntimeException {
    public SimulationInterruptedException(String message) {
        super(message);
    }
}
