package org.syscalllab.papers.mpkernel;

/**
 * The machines of the thesis, as the OS model needs them. All costs in cycles of the machine's clock.
 *
 * @param name               preset name
 * @param clockHz            clock rate (to turn cycles into seconds)
 * @param kernelCpi          cycles per kernel instruction
 * @param modeSwitchCycles   extra cycles of one privilege-level switch (user to kernel or back), beyond its
 *                           instructions
 * @param lineTransferCycles cycles to fetch a cache line last written by another CPU
 * @param ipiCycles          latency of an inter-processor interrupt
 * @param tickCycles         timer-tick period
 */
public record Machine(String name, double clockHz, double kernelCpi, long modeSwitchCycles, long lineTransferCycles,
                      long ipiCycles, long tickCycles) {
    public Machine {
        if (!(clockHz > 0)) throw new IllegalArgumentException("clock_hz = " + clockHz + " is not allowed; allowed: > 0");
        if (!(kernelCpi > 0)) throw new IllegalArgumentException("kernel_cpi = " + kernelCpi + " is not allowed; allowed: > 0");
        if (modeSwitchCycles < 0 || lineTransferCycles < 0 || ipiCycles < 0 || tickCycles < 0) {
            throw new IllegalArgumentException(name + ": costs must be >= 0");
        }
    }

    /**
     * Simics simulating a complete IA-32 system for Chapter 4 (Section 4.5.1): "each instruction executes in one cycle
     * and there is no additional penalty for changing privilege mode" (Section 4.6.1); caches and cross-processor
     * cache accesses are not simulated, so a line transfer costs nothing. ASSUMPTION: IPI latency of 100 cycles (the
     * interrupt entry's instructions); tick period 1,000,000 cycles (Linux 2.4's 100 Hz at a simulated 100 MHz; the
     * thesis gives no simulated clock).
     */
    public static final Machine SIMICS_IA32 = new Machine("simics_ia32", 100e6, 1.0, 0, 0, 100, 1_000_000);

    /**
     * The dual 200 MHz Pentium Pro of Table 4.2 (Section 4.5.1). ASSUMPTION: kernel CPI 1.5 (P6 core running cold
     * kernel code); a privilege switch ({@code int 0x80} entry or {@code iret} exit with segment reloads) costs 200
     * cycles beyond its instructions, typical of P6-family measurements; the thesis gives neither.
     */
    public static final Machine PPRO_200 = new Machine("ppro_200", 200e6, 1.5, 200, 80, 300, 2_000_000);

    /**
     * The dual 300 MHz Pentium II of Chapter 3 (Section 3.4). ASSUMPTION: kernel CPI 1.5; a cache line written by the
     * other CPU costs 100 cycles (a bus transaction on the 66 MHz front-side bus is about 15 ns, plus snoop and memory
     * access); 100 Hz tick = 3,000,000 cycles. The thesis gives no cost.
     */
    public static final Machine PII_300 = new Machine("pii_300", 300e6, 1.5, 200, 100, 300, 3_000_000);

    /**
     * Simics with the Pentium 4-like memory hierarchy of Chapter 2 (Section 2.5). ASSUMPTION: one cycle per
     * instruction as in Chapter 4's Simics set-up; a cross-CPU line transfer costs 100 cycles; tick 1,000,000 cycles.
     */
    public static final Machine SIMICS_P4 = new Machine("simics_p4", 100e6, 1.0, 0, 100, 100, 1_000_000);
}
