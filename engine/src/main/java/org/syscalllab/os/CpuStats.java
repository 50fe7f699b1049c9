package org.syscalllab.os;

/**
 * Where one CPU's cycles went. {@code user + kernel + spin + idle} equals the elapsed time (utilisation cannot exceed
 * 100 %).
 */
public record CpuStats(int cpu, long user, long kernel, long spin, long idle) {
    public long total() { return user + kernel + spin + idle; }

    public double share(long part) { return total() == 0 ? 0 : (double) part / total(); }
}
