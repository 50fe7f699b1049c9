package org.syscalllab.sim;

/** A run hit its limit on simulated time or on events; the message names the limit. */
public final class SimulationLimitException extends RuntimeException {
    public SimulationLimitException(String message) {
        super(message);
    }
}
