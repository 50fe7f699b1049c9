package org.syscalllab.papers.cosy;

/**
 * Where a benchmark's time went, as the paper reports it (§4.1): user, system and I/O-wait time, in cycles of the
 * CPU clock; elapsed time is their sum plus context switches (one CPU).
 */
public record Times(long userCycles, long systemCycles, long ioWaitCycles, long switchCycles) {
    public Times {
        if (userCycles < 0 || systemCycles < 0 || ioWaitCycles < 0 || switchCycles < 0) {
            throw new IllegalArgumentException("negative time: " + userCycles + ", " + systemCycles + ", " + ioWaitCycles + ", " + switchCycles);
        }
    }

    public static final Times ZERO = new Times(0, 0, 0, 0);

    public long elapsedCycles() { return userCycles + systemCycles + ioWaitCycles + switchCycles; }

    public Times plus(Times o) {
        return new Times(userCycles + o.userCycles, systemCycles + o.systemCycles, ioWaitCycles + o.ioWaitCycles,
                switchCycles + o.switchCycles);
    }

    /** Percentage by which {@code other} improves on this baseline for one component: 100 (1 - other/this). */
    static double improvement(long baseline, long other) {
        if (baseline == 0) return 0;
        return 100.0 * (baseline - other) / baseline;
    }
}
