package org.syscalllab.papers.clustercalls;

import org.syscalllab.hw.Platform;
import org.syscalllab.hw.Platforms;
import org.syscalllab.mech.ClusterCallCosts;

/**
 * The inputs of the cluster-call model for the thesis's machine (Table 6.1: Core i7 920, 2.67 GHz fixed, WRK on
 * 32-bit Windows Server 2003), one home each. What the thesis measured is used as given; what it does not give is an
 * {@code ASSUMPTION} with its reasoning. No value here is derived from the thesis's results (Figs 6.1–6.4, Tables
 * 6.2 and 6.5); the experiments compute those.
 */
final class ThesisInputs {
    private ThesisInputs() { }

    /** The evaluation platform (Table 6.1); its preset names the source of each hardware constant. */
    static final Platform PLATFORM = Platforms.clusterCallCoreI7920();
    /** Clock of the evaluation platform: Table 6.1, 2.67 GHz, frequency scaling disabled. */
    static final double CLOCK_GHZ = PLATFORM.clockHz() / 1e9;
    /** Cores: Table 6.1, 4 cores, hyper-threading disabled. */
    static final int CORES = PLATFORM.cores();

    /** System-call entry, sysenter path to the point inside the call: Table 3.1, 152 cycles (platform preset). */
    static final long TRAP_ENTRY = PLATFORM.syscallEntryCycles();
    /** System-call exit back to user mode: Table 3.1, 140 cycles (platform preset). */
    static final long TRAP_EXIT = PLATFORM.syscallExitCycles();
    /** Measurement overhead subtracted in Table 3.1 (rdtsc/cpuid pair): §3.1, 98 cycles. */
    static final long MEASUREMENT_OVERHEAD = 98;
    /** Procedure call entry (call) and exit (ret): Table 3.1, 2 and 3 cycles. */
    static final long CALL_ENTRY = 2, CALL_EXIT = 3;

    /**
     * ASSUMPTION: one locked read-modify-write (lock cmpxchg / lock xadd) on a line in the core's own cache costs about
     * 20 cycles on Nehalem (published instruction-latency tables put locked operations there at roughly 20 cycles).
     */
    static final long ATOMIC = 20;
    /** A line last written by another core: the platform's cache-to-cache transfer (an assumption of the preset). */
    static final long LINE_TRANSFER = PLATFORM.cacheToCacheCycles();
    /** ASSUMPTION: creating a work item from a request-stack entry and writing it into the batch: ~20 cycles of loads/stores. */
    static final long WORK_ITEM = 20;
    /**
     * ASSUMPTION: the worker's per-call path besides its atomics (read slot, probe and capture the argument pointer,
     * set previous mode, copy arguments, index the service table, indirect call and return, store the status): ~45
     * cycles, a few dozen instructions at Nehalem's IPC on kernel code.
     */
    static final long CAPTURE = 45;
    /** ASSUMPTION: readying a waiting thread (KeSetEvent-like: dispatcher lock, unwait, ready list): ~300 cycles. */
    static final long SIGNAL = 300;
    /** ASSUMPTION: entering a blocking kernel wait (dispatcher lock, wait block, find next thread): ~250 cycles. */
    static final long WAIT_ENTER = 250;
    /**
     * ASSUMPTION: an NT thread context switch on one core (KiSwapContext with state save/restore and the pipeline and
     * TLB effects of changing threads of one process): ~600 cycles (≈0.22 µs), inside the 0.2–1 µs range usually
     * measured for direct thread switches on hardware of this generation.
     */
    static final long THREAD_SWITCH = 600;
    /** Delivering an inter-processor interrupt: the platform's IPI cost (an assumption of the preset). */
    static final double IPI_NS = PLATFORM.ipiCycles() / CLOCK_GHZ;
    /**
     * ASSUMPTION: an idle core halts (HLT, C1); Intel documents an exit latency of about 3 µs for Nehalem's C1 state (the
     * value OS idle drivers use for this core), paid when a thread is readied for a halted core.
     */
    static final double IDLE_EXIT_NS = 3000;
    /** ASSUMPTION: switching fibers (SwitchToFiber-like register save/restore, no kernel involvement): ~40 ns. */
    static final double FIBER_SWITCH_NS = 40;
    /**
     * ASSUMPTION: granularity of kernel wait timeouts. NT checks timer expiry on the clock interrupt, and the default
     * clock interval of the multiprocessor HAL of Windows Server 2003 (Table 6.1) is 15.625 ms (64 Hz); nothing in the
     * benchmark is said to raise the timer resolution, so a WaitSome timeout ends at the first tick after its deadline.
     */
    static final double NT_CLOCK_TICK_MS = 15.625;
    /**
     * ASSUMPTION: a WaitSome limit counts every finished call of the client. §5.3.3 says the wait ends when "a specified
     * number of system calls has finished"; the one place the kernel records finished calls is the client's single
     * reply queue (§5.3.1, Fig. 5.2), which every pool's workers push to, so the natural count is its length rather than
     * a per-pool counter the thesis never mentions.
     */
    static final boolean WAIT_COUNTS_CLIENT_WIDE = true;
    /** ASSUMPTION: SCAL's work per redirected call (hook jump, slot write, stack push, ready-map update): ~30 ns. */
    static final double REDIRECT_NS = 30;

    /** The cost record for the thesis's machine. */
    static ClusterCallCosts costs() {
        return new ClusterCallCosts(TRAP_ENTRY, TRAP_EXIT, WORK_ITEM, CAPTURE, ATOMIC, LINE_TRANSFER, SIGNAL, WAIT_ENTER,
                THREAD_SWITCH, ns(IPI_NS), ns(IDLE_EXIT_NS), ns(FIBER_SWITCH_NS), ns(REDIRECT_NS));
    }

    static long ns(double ns) { return Math.round(ns * CLOCK_GHZ); }
}
