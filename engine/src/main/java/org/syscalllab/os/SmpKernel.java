package org.syscalllab.os;

import java.util.ArrayList;
import java.util.List;
import org.syscalllab.os.lock.Granularity;
import org.syscalllab.os.lock.LockUse;
import org.syscalllab.os.syscall.LockPolicy;
import org.syscalllab.os.syscall.SyscallSpec;

/**
 * A symmetric multiprocessor kernel: every CPU runs kernel code, and a system call runs on the calling CPU under the
 * locks its {@link LockPolicy} names. Under giant locking the call holds the giant lock from entry to exit, and the
 * scheduler and the timer tick take it too (Kågström Ch 2.3.1, Ch 3.3); otherwise the ready queue has its own lock and
 * ticks take none. A call that blocks on its device does so after releasing its locks (Linux drops the big kernel
 * lock when it sleeps).
 *
 * @param policy      the lock-granularity policy
 * @param entryCycles cycles of the user-to-kernel switch
 * @param exitCycles  cycles of the kernel-to-user switch
 * @param series      the series name in result tables
 */
public record SmpKernel(LockPolicy policy, long entryCycles, long exitCycles, String series) implements Organisation {
    public SmpKernel {
        if (policy == null) throw new IllegalArgumentException("policy must not be null");
        if (entryCycles < 0) throw new IllegalArgumentException("entry_cycles = " + entryCycles + " is not allowed; allowed: >= 0");
        if (exitCycles < 0) throw new IllegalArgumentException("exit_cycles = " + exitCycles + " is not allowed; allowed: >= 0");
        if (series == null || series.isBlank()) series = policy.granularity().name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public List<Op> syscall(Kernel k, KThread caller, SyscallSpec call) {
        List<Op> ops = new ArrayList<>(8);
        if (entryCycles > 0) ops.add(new Op.Work(entryCycles));
        ops.addAll(kernelPath(k, caller, policy.locksFor(call), call.pathCycles()));
        if (!call.device().isEmpty() && k.chance(call.blockProbability())) {
            ops.add(new Op.Io(k.device(call.device()), caller.id(), 0));
        }
        if (exitCycles > 0) ops.add(new Op.Work(exitCycles));
        return ops;
    }

    /**
     * The steps of a kernel path of {@code cycles} under the given critical sections: the unlocked part first, then
     * each section (lock, its share of the cycles, unlock). Per-object locks (name ending in {@code #}) pick their object
     * here; per-process locks (name ending in {@code @}, e.g. a process's address space) append the caller's process id.
     */
    public static List<Op> kernelPath(Kernel k, KThread caller, List<LockUse> uses, long cycles) {
        List<Op> ops = new ArrayList<>(1 + 3 * uses.size());
        double locked = 0;
        for (LockUse u : uses) locked += u.fraction();
        long free = Math.round(cycles * Math.max(0, 1 - locked));
        if (free > 0) ops.add(new Op.Work(free));
        for (LockUse u : uses) {
            String name = u.lock().endsWith("#") ? u.lock() + k.pickObject(u.objects())
                    : u.lock().endsWith("@") ? u.lock() + caller.process() : u.lock();
            ops.add(new Op.Acquire(name, u.kind(), u.write()));
            long part = Math.round(cycles * u.fraction());
            if (part > 0) ops.add(new Op.Work(part));
            ops.add(new Op.Release(name));
        }
        return ops;
    }

    @Override
    public String schedulerLock(Kernel k, int cpu) {
        if (k.cpuCount() == 1) return null;
        if (policy.granularity() == Granularity.GIANT) return Granularity.GIANT_LOCK;
        return k.config().sharedRunQueue() ? "runqueue" : null;
    }

    @Override
    public String tickLock(Kernel k, int cpu) {
        return policy.granularity() == Granularity.GIANT && k.cpuCount() > 1 ? Granularity.GIANT_LOCK : null;
    }
}
