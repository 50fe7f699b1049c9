package org.syscalllab.os;

/**
 * The scheduler and machine-level costs of one kernel instance. All times are cycles of the reference clock.
 *
 * @param cpus                number of CPUs, 1 to 64
 * @param contextSwitchCycles kernel cycles to switch to another thread (saved state, scheduler pick)
 * @param migrationCycles     extra cycles when a thread resumes on another CPU than it last ran on (cold caches)
 * @param lineTransferCycles  cycles to move one cache line of shared kernel data from another CPU
 * @param runQueueLines       cache lines of the shared ready queue that move between CPUs when they take turns
 * @param lockOpCycles        cycles of one lock acquisition (atomic operations; 0 on a kernel built without SMP)
 * @param tickCycles          timer-tick period per CPU (0 = no ticks and no preemption)
 * @param tickHandlerCycles   kernel cycles of one tick handler
 * @param staggeredTicks      whether CPUs' ticks are spread over the period (true) or fire together (false)
 * @param sliceTicks          ticks a thread may run before it is preempted when others are ready, >= 1
 * @param sharedRunQueue      one ready queue for all CPUs (true) or one per CPU with stealing (false)
 * @param sticky              a thread never leaves the CPU it first ran on (the in-house kernel's affinity)
 * @param idleWake            how an idle CPU learns of new work
 * @param ipiCycles           latency of an inter-processor interrupt
 * @param idlePollCycles      for {@link IdleWake#POLL}: how often an idle CPU looks at the ready queue
 * @param sliceAcrossSleeps   whether a thread's time slice is a budget it keeps across blocking and refills only when
 *                            used up (Linux 2.x: {@code p->counter} in 2.0-2.4, {@code time_slice} in 2.6), so a thread
 *                            that sleeps often is still preempted after {@code sliceTicks} ticks of running; false: every
 *                            dispatch starts a fresh slice
 */
public record KernelConfig(int cpus, long contextSwitchCycles, long migrationCycles, long lineTransferCycles,
                           int runQueueLines, long lockOpCycles, long tickCycles, long tickHandlerCycles,
                           boolean staggeredTicks, int sliceTicks, boolean sharedRunQueue, boolean sticky,
                           IdleWake idleWake, long ipiCycles, long idlePollCycles,
                           boolean sliceAcrossSleeps) {
    /** How idle CPUs find new work. */
    public enum IdleWake {
        /** The waker sends an IPI to an idle CPU. */
        IPI,
        /** Idle CPUs look at the ready queue every {@code idlePollCycles}, with unsynchronised phases. */
        POLL
    }

    public KernelConfig {
        if (cpus < 1 || cpus > 64) throw new IllegalArgumentException("cpus = " + cpus + " is not allowed; allowed: [1, 64]");
        nonNeg("context_switch_cycles", contextSwitchCycles);
        nonNeg("migration_cycles", migrationCycles);
        nonNeg("line_transfer_cycles", lineTransferCycles);
        nonNeg("run_queue_lines", runQueueLines);
        nonNeg("lock_op_cycles", lockOpCycles);
        nonNeg("tick_cycles", tickCycles);
        nonNeg("tick_handler_cycles", tickHandlerCycles);
        if (tickCycles > 0 && tickHandlerCycles >= tickCycles) {
            throw new IllegalArgumentException("tick_handler_cycles = " + tickHandlerCycles + " is not allowed; allowed: < tick_cycles = " + tickCycles);
        }
        if (sliceTicks < 1) throw new IllegalArgumentException("slice_ticks = " + sliceTicks + " is not allowed; allowed: >= 1");
        if (idleWake == null) throw new IllegalArgumentException("idle_wake must not be null");
        nonNeg("ipi_cycles", ipiCycles);
        if (idleWake == IdleWake.POLL && idlePollCycles < 1) {
            throw new IllegalArgumentException("idle_poll_cycles = " + idlePollCycles + " is not allowed with POLL; allowed: >= 1");
        }
    }

    private static void nonNeg(String f, long v) {
        if (v < 0) throw new IllegalArgumentException(f + " = " + v + " is not allowed; allowed: >= 0");
    }

    /** A plain configuration: no ticks, free switches, IPI wake-ups; for tests and as a starting point. */
    public static KernelConfig simple(int cpus) {
        return new KernelConfig(cpus, 0, 0, 0, 0, 0, 0, 0, true, 1, true, false, IdleWake.IPI, 0, 1, false);
    }

    public KernelConfig withCpus(int n) {
        return new KernelConfig(n, contextSwitchCycles, migrationCycles, lineTransferCycles, runQueueLines, lockOpCycles,
                tickCycles, tickHandlerCycles, staggeredTicks, sliceTicks, sharedRunQueue, sticky, idleWake, ipiCycles, idlePollCycles, sliceAcrossSleeps);
    }

    public KernelConfig withTicks(long period, long handler, int slice) {
        return new KernelConfig(cpus, contextSwitchCycles, migrationCycles, lineTransferCycles, runQueueLines, lockOpCycles,
                period, handler, staggeredTicks, slice, sharedRunQueue, sticky, idleWake, ipiCycles, idlePollCycles, sliceAcrossSleeps);
    }

    public KernelConfig withRunQueue(boolean shared, boolean stickyAffinity) {
        return new KernelConfig(cpus, contextSwitchCycles, migrationCycles, lineTransferCycles, runQueueLines, lockOpCycles,
                tickCycles, tickHandlerCycles, staggeredTicks, sliceTicks, shared, stickyAffinity, idleWake, ipiCycles, idlePollCycles, sliceAcrossSleeps);
    }

    public KernelConfig withCosts(long contextSwitch, long migration, long lineTransfer, int rqLines, long lockOp) {
        return new KernelConfig(cpus, contextSwitch, migration, lineTransfer, rqLines, lockOp, tickCycles, tickHandlerCycles,
                staggeredTicks, sliceTicks, sharedRunQueue, sticky, idleWake, ipiCycles, idlePollCycles, sliceAcrossSleeps);
    }

    public KernelConfig withIdleWake(IdleWake w, long ipi, long poll) {
        return new KernelConfig(cpus, contextSwitchCycles, migrationCycles, lineTransferCycles, runQueueLines, lockOpCycles,
                tickCycles, tickHandlerCycles, staggeredTicks, sliceTicks, sharedRunQueue, sticky, w, ipi, poll, sliceAcrossSleeps);
    }

    public KernelConfig withStaggeredTicks(boolean s) {
        return new KernelConfig(cpus, contextSwitchCycles, migrationCycles, lineTransferCycles, runQueueLines, lockOpCycles,
                tickCycles, tickHandlerCycles, s, sliceTicks, sharedRunQueue, sticky, idleWake, ipiCycles, idlePollCycles, sliceAcrossSleeps);
    }

    /** The same configuration with the time slice kept across sleeps ({@code true}) or fresh at each dispatch. */
    public KernelConfig withSliceAcrossSleeps(boolean carry) {
        return new KernelConfig(cpus, contextSwitchCycles, migrationCycles, lineTransferCycles, runQueueLines, lockOpCycles,
                tickCycles, tickHandlerCycles, staggeredTicks, sliceTicks, sharedRunQueue, sticky, idleWake, ipiCycles,
                idlePollCycles, carry);
    }
}
