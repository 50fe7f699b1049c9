package org.syscalllab.papers.mpkernel;

import org.syscalllab.hw.Platform;
import org.syscalllab.hw.Platforms;

/**
 * A machine of the thesis as the OS model needs it: a {@link Platform} preset (the single home of machine constants)
 * plus what the thesis's software adds on it: the cycles per kernel instruction and the timer-tick rate.
 *
 * @param platform  the hardware preset
 * @param kernelCpi cycles per kernel instruction
 * @param tickHz    timer interrupts per second per CPU
 */
public record Machine(Platform platform, double kernelCpi, double tickHz) {
    public Machine {
        if (platform == null) throw new IllegalArgumentException("platform must not be null");
        if (!(kernelCpi > 0)) throw new IllegalArgumentException("kernel_cpi = " + kernelCpi + " is not allowed; allowed: > 0");
        if (!(tickHz > 0)) throw new IllegalArgumentException("tick_hz = " + tickHz + " is not allowed; allowed: > 0");
    }

    /** Linux 2.0-2.6 and the in-house kernel: 100 Hz. ASSUMPTION for the in-house kernel (not stated). */
    static final double HZ = 100;

    /** Ch 4's Simics: one cycle per instruction (Section 4.6.1). */
    public static Machine simicsIa32() { return new Machine(Platforms.kagstromSimicsIa32(), 1.0, HZ); }

    /** Ch 2's Simics with a Pentium 4-like hierarchy; ASSUMPTION: one cycle per instruction as in Ch 4. */
    public static Machine simicsP4() { return new Machine(Platforms.kagstromSimicsP4(), 1.0, HZ); }

    /** Table 4.2's dual Pentium Pro. ASSUMPTION: kernel CPI 1.5 (cold kernel code on the P6 core). */
    public static Machine pentiumPro() { return new Machine(Platforms.kagstromDualPentiumPro(), 1.5, HZ); }

    /** Ch 3's dual Pentium II. ASSUMPTION: kernel CPI 1.5, as the Pentium Pro (same P6 core). */
    public static Machine pentium2() { return new Machine(Platforms.kagstromDualPentium2(), 1.5, HZ); }

    public String name() { return platform.name(); }

    public double clockHz() { return platform.clockHz(); }

    public long tickCycles() { return Math.round(platform.clockHz() / tickHz); }

    public long lineTransferCycles() { return platform.cacheToCacheCycles(); }

    public long ipiCycles() { return platform.ipiCycles(); }

    public long entryCycles() { return platform.syscallEntryCycles(); }

    public long exitCycles() { return platform.syscallExitCycles(); }

    /** Cycles of {@code n} kernel instructions. */
    public long kernel(long n) { return Math.round(n * kernelCpi); }
}
