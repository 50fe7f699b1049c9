package org.syscalllab.experiment;

/**
 * How the host ran a simulation: wall time, events processed and simulated cycles (for the host speed in cycles per
 * second, as gem5 reports hostTickRate). Events and cycles are the sums over every {@link org.syscalllab.sim.Simulation}
 * the run reported through its {@link RunContext}.
 */
public record HostStats(long wallNanos, long events, long simulatedCycles) {
    public HostStats {
        if (wallNanos < 0) throw new IllegalArgumentException("wall_nanos = " + wallNanos + " is not allowed; allowed: >= 0");
        if (events < 0) throw new IllegalArgumentException("events = " + events + " is not allowed; allowed: >= 0");
        if (simulatedCycles < 0) {
            throw new IllegalArgumentException("simulated_cycles = " + simulatedCycles + " is not allowed; allowed: >= 0");
        }
    }

    public double wallSeconds() { return wallNanos / 1e9; }

    public double cyclesPerHostSecond() { return wallNanos == 0 ? 0 : simulatedCycles / (wallNanos / 1e9); }

    public double eventsPerHostSecond() { return wallNanos == 0 ? 0 : events / (wallNanos / 1e9); }

    /** One line for people: {@code 0.42 s wall, 1.2M events (2.9M/s), 3.1G cycles (7.4G cycles/s)}. */
    public String summary() {
        return String.format(java.util.Locale.ROOT, "%.3f s wall, %s events (%s/s), %s simulated cycles (%s cycles/s)",
                wallSeconds(), si(events), si(eventsPerHostSecond()), si(simulatedCycles), si(cyclesPerHostSecond()));
    }

    static String si(double v) {
        String[] units = {"", "k", "M", "G", "T", "P", "E"};
        int u = 0;
        while (Math.abs(v) >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return u == 0 ? String.format(java.util.Locale.ROOT, "%.0f", v) : String.format(java.util.Locale.ROOT, "%.3g%s", v, units[u]);
    }
}
