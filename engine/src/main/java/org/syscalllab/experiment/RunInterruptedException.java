package org.syscalllab.experiment;

/** Thrown when a run or sweep stops because its thread was interrupted (Jupyter's interrupt button, Ctrl-C). */
public final class RunInterruptedException extends RuntimeException {
    public RunInterruptedException(String message) {
        super(message);
    }
}
