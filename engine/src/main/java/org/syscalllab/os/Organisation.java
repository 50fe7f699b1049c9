package org.syscalllab.os;

import java.util.List;
import org.syscalllab.os.syscall.SyscallSpec;

/**
 * How a multiprocessor kernel is organised: which steps a system call becomes, and which lock guards the scheduler
 * and the timer tick. {@link SmpKernel} runs calls on the calling CPU under a lock-granularity policy; {@link
 * AppKernel} forwards them to the bootstrap CPU.
 */
public interface Organisation {
    /** Called once when the kernel starts (e.g. to create proxy threads). */
    default void start(Kernel k) { }

    /** The steps the calling thread runs for one system call. */
    List<Op> syscall(Kernel k, KThread caller, SyscallSpec call);

    /** The lock held while the scheduler on {@code cpu} picks and switches threads, or null for none. */
    String schedulerLock(Kernel k, int cpu);

    /** The lock held by the timer-tick handler on {@code cpu}, or null for none. */
    String tickLock(Kernel k, int cpu);

    /** How the idle {@code cpu} learns of new work (default: the kernel configuration's choice). */
    default KernelConfig.IdleWake idleWake(Kernel k, int cpu) { return k.config().idleWake(); }

    /** The series name of this organisation in result tables. */
    String series();
}
