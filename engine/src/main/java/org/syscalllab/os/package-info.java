/**
 * The operating-system model, a library on {@link org.syscalllab.sim.Simulation}: kernel-visible threads
 * ({@link org.syscalllab.os.KThread}) running {@link org.syscalllab.os.ThreadBody} programs of {@link
 * org.syscalllab.os.Op}s on the CPUs of a {@link org.syscalllab.os.Kernel}; a shared or per-CPU ready queue with
 * affinity masks, context-switch and migration costs, timer ticks with time slices, blocking and wake-up exactly once,
 * and IPIs (or polling) to wake idle CPUs; user-level threads multiplexed on a kernel thread ({@link
 * org.syscalllab.os.UserThreads}); closed-loop clients with think time ({@link org.syscalllab.os.ClosedLoopClients}).
 * How a system call runs is the {@link org.syscalllab.os.Organisation}: a symmetric SMP kernel with a lock granularity
 * ({@link org.syscalllab.os.SmpKernel}), or the application kernel that forwards calls from the application
 * processors to the one CPU running the host kernel ({@link org.syscalllab.os.AppKernel}).
 */
package org.syscalllab.os;
