package org.syscalllab.papers.mpkernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.experiment.TidyRows;
import org.syscalllab.os.AppKernel;
import org.syscalllab.os.Kernel;
import org.syscalllab.os.KernelConfig;
import org.syscalllab.os.Organisation;
import org.syscalllab.os.SmpKernel;
import org.syscalllab.os.lock.Granularity;
import org.syscalllab.os.syscall.LockPolicy;
import org.syscalllab.sim.Simulation;

/**
 * The two systems Chapter 4 compares, built on the OS model: SMP Linux 2.4.26 (fine-grained locks, one shared ready
 * queue, IPIs to idle CPUs) and uniprocessor Linux 2.4.26 with the application-kernel module (Section 4.3-4.4). The
 * uniprocessor baseline is the same Linux built without SMP (no lock operations) on one CPU.
 *
 * <p>ASSUMPTION (instructions, none given by the thesis): a context switch 200; a spin-lock acquisition on an SMP
 * build 5 (a locked decrement, a test and a branch); a timer tick 500; the 2.4 time slice is 6 ticks (NICE_TO_TICKS(0)
 * at HZ = 100). Application-kernel path (Fig 4.2): the AP trap handler writing the shared area and blocking the thread
 * 120; the bootstrap thread parsing the message 40; the ioctl dispatch to the driver 100; activation under the ready
 * queue lock 30; the AP picking the thread and returning to user mode 60. Privilege switches cost the platform's
 * entry/exit cycles: 5 per forwarded call, 2 per native call (Section 4.6.1).
 *
 * <p>Linux 2.4's time slice is the thread's {@code counter}: ticks charge it while the thread runs, it is kept while the
 * thread sleeps and refilled only when used up (kernel/sched.c), so a SPLASH thread that blocks at every barrier is still
 * preempted once it has run a slice. ASSUMPTION: the application kernel's own scheduler (not described) gives every
 * dispatch a fresh slice.
 */
final class Ch4Systems {
    private Ch4Systems() { }

    static final long CONTEXT_SWITCH_INSTRUCTIONS = 200;
    static final long LOCK_OP_INSTRUCTIONS = 5;
    static final long TICK_INSTRUCTIONS = 500;
    static final int SLICE_TICKS = 6;
    /** Linux 2.x keeps a thread's unused slice across sleeps (the task's counter); see the class comment. */
    static final boolean LINUX_SLICE_ACROSS_SLEEPS = true;
    static final long AP_TRAP_INSTRUCTIONS = 120;
    static final long BOOTSTRAP_INSTRUCTIONS = 40;
    static final long IOCTL_INSTRUCTIONS = 100;
    static final long ACTIVATE_INSTRUCTIONS = 30;
    static final long RESUME_INSTRUCTIONS = 60;

    /** The parameters every Chapter 4 experiment shares. */
    static List<Param> parameters() {
        return List.of(
                Param.ofInt("ap_poll_cycles", 200, 1, 100_000_000, "cycles",
                        "how often an idle application processor looks at its ready queue (ASSUMPTION: the idle thread "
                                + "checks the queue in a short loop; set it to the tick period to model waiting for "
                                + "timer interrupts)"),
                Param.ofBool("local_getpid", false,
                        "handle getpid inside the application kernel (the thesis's suggested optimisation, Section 4.7)"));
    }

    enum Kind { UP_LINUX, SMP_LINUX, APP_KERNEL }

    static Kernel build(Kind kind, Machine m, int cpus, Simulation sim, Params p) {
        KernelConfig cfg = KernelConfig.simple(cpus)
                .withCosts(m.kernel(CONTEXT_SWITCH_INSTRUCTIONS), 0, m.lineTransferCycles(), 2,
                        kind == Kind.UP_LINUX ? 0 : m.kernel(LOCK_OP_INSTRUCTIONS))
                .withTicks(m.tickCycles(), m.kernel(TICK_INSTRUCTIONS), SLICE_TICKS)
                .withRunQueue(true, false)
                .withIdleWake(kind == Kind.APP_KERNEL ? KernelConfig.IdleWake.POLL : KernelConfig.IdleWake.IPI,
                        m.ipiCycles(), p.getLong("ap_poll_cycles"))
                .withSliceAcrossSleeps(kind != Kind.APP_KERNEL && LINUX_SLICE_ACROSS_SLEEPS);
        Organisation org = kind == Kind.APP_KERNEL
                ? new AppKernel(m.entryCycles() + m.kernel(AP_TRAP_INSTRUCTIONS), m.kernel(BOOTSTRAP_INSTRUCTIONS),
                        m.entryCycles() + m.kernel(Linux24.ENTRY_INSTRUCTIONS), m.exitCycles() + m.kernel(Linux24.EXIT_INSTRUCTIONS),
                        m.entryCycles() + m.kernel(IOCTL_INSTRUCTIONS), m.kernel(ACTIVATE_INSTRUCTIONS),
                        m.exitCycles() + m.kernel(RESUME_INSTRUCTIONS),
                        p.getBool("local_getpid") ? Set.of("getpid") : Set.of())
                : new SmpKernel(LockPolicy.of(Granularity.FINE), m.entryCycles() + m.kernel(Linux24.ENTRY_INSTRUCTIONS),
                        m.exitCycles() + m.kernel(Linux24.EXIT_INSTRUCTIONS), kind == Kind.UP_LINUX ? "up_linux" : "linux_smp");
        Kernel k = new Kernel(sim, cfg, Linux24.table(m.kernelCpi()), org);
        k.declareLock("bkl", 8);
        k.declareLock("dcache_lock", 4);
        return k;
    }

    /** The CPUs a program may use: all under Linux, the application processors under the application kernel. */
    static long programMask(Kind kind, Kernel k) {
        return kind == Kind.APP_KERNEL ? AppKernel.apMask(k) : k.allCpus();
    }

    /** Elapsed cycles of one workload under one system on {@code cpus} CPUs, in the given fresh simulation. */
    interface Elapsed {
        long of(Kind kind, String workload, int cpus, Simulation sim);
    }

    /**
     * The speedup sweep of Tables 4.3 and 4.4: per workload, uniprocessor Linux is the base and SMP Linux and the
     * application kernel run at every CPU count of parameter {@code cpus}; each gives a row {@code linux_smp_W} or
     * {@code app_kernel_W}, x = CPUs, metric {@code speedup} (base elapsed / elapsed).
     *
     * @param baseRow whether the base itself is reported too (as {@code linux_smp_W} at 1 CPU, speedup 1)
     */
    static void speedups(List<String> workloads, Params p, RunContext ctx, TidyRows out, boolean baseRow, Elapsed e) {
        record Pt(String w, Kind kind, int cpus) { }
        List<Pt> pts = new ArrayList<>();
        for (String w : workloads) {
            pts.add(new Pt(w, Kind.UP_LINUX, 1));
            for (long n : p.getLongList("cpus")) {
                pts.add(new Pt(w, Kind.SMP_LINUX, (int) n));
                pts.add(new Pt(w, Kind.APP_KERNEL, (int) n));
            }
        }
        List<Long> res = ctx.sweep(pts, (pt, c) -> e.of(pt.kind(), pt.w(), pt.cpus(), c.newSimulation()));
        long base = 0;
        for (int i = 0; i < pts.size(); i++) {
            Pt pt = pts.get(i);
            if (pt.kind() == Kind.UP_LINUX) {
                base = res.get(i);
                if (baseRow) out.add("linux_smp_" + pt.w(), 1, "speedup", 1.0);
                continue;
            }
            String series = (pt.kind() == Kind.APP_KERNEL ? "app_kernel_" : "linux_smp_") + pt.w();
            out.add(series, pt.cpus(), "speedup", (double) base / res.get(i));
        }
    }
}
