package org.syscalllab.sim;

/**
 * A run stopped because its thread was interrupted (the notebook's interrupt button, Ctrl-C). This is the one type to
 * catch for "the user stopped it": the event loop throws it, and so does the experiment layer's
 * {@code RunInterruptedException}, a subclass. The thread's interrupt flag is left set for the caller to see.
 */
public class SimulationInterruptedException extends RuntimeException {
    public SimulationInterruptedException(String message) {
        super(message);
    }
}
