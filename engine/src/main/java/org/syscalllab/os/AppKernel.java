package org.syscalllab.os;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.syscalllab.os.lock.LockKind;
import org.syscalllab.os.syscall.SyscallSpec;

/**
 * The application-kernel organisation (Kågström Ch 4, Fig 4.2). CPU 0, the bootstrap processor, runs the unmodified
 * uniprocessor host kernel; the other CPUs run a small application kernel with its own ready queue. Every process has
 * an application thread (on the application processors) and a bootstrap thread (on CPU 0, a proxy). A system call:
 * <ol>
 * <li>the application thread traps into the application kernel ({@code apTrapCycles}, one privilege switch), which
 * writes the call into the shared area, blocks the thread and schedules another;</li>
 * <li>the bootstrap thread wakes on CPU 0 ({@code bootstrapCycles}), issues the same call to the host kernel (two
 * privilege switches and the call's own path; a UP kernel, so no locks);</li>
 * <li>it activates the application thread through the driver's ioctl ({@code ioctlCycles}), which takes the
 * application kernel's ready-queue lock ({@code activateCycles});</li>
 * <li>an application processor picks the thread up (when idle: at its next poll, or by IPI, per the kernel's
 * configuration) and returns to user mode ({@code resumeCycles}).</li>
 * </ol>
 * The host kernel on CPU 0 is a single server for every forwarded call.
 *
 * @param apTrapCycles    trap into the application kernel and write the shared area
 * @param bootstrapCycles bootstrap thread notices and parses the message
 * @param hostEntryCycles host-kernel entry switch for the forwarded call
 * @param hostExitCycles  host-kernel exit switch
 * @param ioctlCycles     the activate ioctl's crossing and driver path up to the ready queue
 * @param activateCycles  driver work under the application kernel's ready-queue lock
 * @param resumeCycles    the application thread's return to user mode on its processor
 * @param localCalls      calls handled inside the application kernel without forwarding (Ch 4 future work), each
 *                        costing {@code apTrapCycles + path + resumeCycles}
 */
public record AppKernel(long apTrapCycles, long bootstrapCycles, long hostEntryCycles, long hostExitCycles,
                        long ioctlCycles, long activateCycles, long resumeCycles, Set<String> localCalls)
        implements Organisation {
    /** The application kernel's ready-queue lock. */
    public static final String AP_QUEUE_LOCK = "apkern_rq";

    public AppKernel {
        long[] v = {apTrapCycles, bootstrapCycles, hostEntryCycles, hostExitCycles, ioctlCycles, activateCycles, resumeCycles};
        String[] n = {"ap_trap_cycles", "bootstrap_cycles", "host_entry_cycles", "host_exit_cycles", "ioctl_cycles", "activate_cycles", "resume_cycles"};
        for (int i = 0; i < v.length; i++) {
            if (v[i] < 0) throw new IllegalArgumentException(n[i] + " = " + v[i] + " is not allowed; allowed: >= 0");
        }
        localCalls = localCalls == null ? Set.of() : Set.copyOf(localCalls);
    }

    /** The mask of the application processors (all CPUs but CPU 0). */
    public static long apMask(Kernel k) {
        if (k.cpuCount() < 2) throw new IllegalArgumentException("the application kernel needs cpus >= 2 (one bootstrap and one application processor), got " + k.cpuCount());
        return k.allCpus() & ~1L;
    }

    /** The bootstrap processor's mask. */
    public static final long BP_MASK = 1L;

    @Override
    public List<Op> syscall(Kernel k, KThread caller, SyscallSpec call) {
        if ((caller.affinity() & BP_MASK) != 0) {
            // a process tied to the bootstrap kernel calls Linux directly
            List<Op> ops = new ArrayList<>(4);
            ops.add(new Op.Work(hostEntryCycles));
            ops.addAll(hostPath(k, caller, call));
            ops.add(new Op.Work(hostExitCycles));
            return ops;
        }
        if (localCalls.contains(call.name())) {
            return List.of(new Op.Work(apTrapCycles + call.pathCycles() + resumeCycles));
        }
        WaitQueue q = proxyFor(k, caller);
        List<Op> ops = new ArrayList<>(4);
        ops.add(new Op.Work(apTrapCycles));
        ops.add(new Op.Post(q, call));
        ops.add(Op.PARK);
        if (resumeCycles > 0) ops.add(new Op.Work(resumeCycles));
        return ops;
    }

    private List<Op> hostPath(Kernel k, KThread caller, SyscallSpec call) {
        List<Op> ops = new ArrayList<>(2);
        ops.add(new Op.Work(call.pathCycles()));
        if (!call.device().isEmpty() && k.chance(call.blockProbability())) {
            ops.add(new Op.Io(k.device(call.device()), caller.id(), 0));
        }
        return ops;
    }

    /** The caller's bootstrap thread's queue; the bootstrap thread is created on the first call (it uses the
     * application thread's attachment slot to remember it). */
    private WaitQueue proxyFor(Kernel k, KThread app) {
        Object a = app.attachment();
        if (a instanceof ProxyLink link) return link.queue;
        WaitQueue q = new WaitQueue("bootstrap-" + app.name());
        ProxyLink link = new ProxyLink(q);
        app.attach(link);
        k.spawn("bootstrap-" + app.name(), self -> {
            Object m = self.received();
            if (m == null) return new Op.Wait(q);
            self.received = null;
            SyscallSpec call = (SyscallSpec) m;
            List<Op> ops = new ArrayList<>(10);
            ops.add(new Op.Work(hostEntryCycles));
            ops.addAll(hostPath(k, self, call));
            ops.add(new Op.Work(hostExitCycles));
            ops.add(new Op.Work(ioctlCycles));
            ops.add(new Op.Acquire(AP_QUEUE_LOCK, LockKind.SPIN, true));
            if (activateCycles > 0) ops.add(new Op.Work(activateCycles));
            ops.add(new Op.Release(AP_QUEUE_LOCK));
            ops.add(new Op.Unpark(app));
            self.pushSteps(ops);
            return new Op.Work(bootstrapCycles);
        }, BP_MASK, true);
        return q;
    }

    private record ProxyLink(WaitQueue queue) { }

    @Override
    public String schedulerLock(Kernel k, int cpu) { return cpu == 0 ? null : AP_QUEUE_LOCK; }

    @Override
    public String tickLock(Kernel k, int cpu) { return null; }

    @Override
    public KernelConfig.IdleWake idleWake(Kernel k, int cpu) {
        return cpu == 0 ? KernelConfig.IdleWake.IPI : k.config().idleWake();
    }

    @Override
    public String series() { return "app_kernel"; }
}
