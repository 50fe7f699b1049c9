package org.syscalllab.experiment;

/**
 * How the host ran a simulation: wall time, events processed and simulated cycles (for the host speed in cycles per
 * second, as gem5 reports hostTickRate).
 */
public record HostStats(long wallNanos, long events, long simulatedCycles) {
    public HostStats {
        if (wallNanos < 0 || events < 0 || simulatedCycles < 0) throw new IllegalArgumentException("negative host statistic");
    }

    public double wallSeconds() { return wallNanos / 1e9; }

    public double cyclesPerHostSecond() { return wallNanos == 0 ? 0 : simulatedCycles / (wallNanos / 1e9); }

    public double eventsPerHostSecond() { return wallNanos == 0 ? 0 : events / (wallNanos / 1e9); }
}
