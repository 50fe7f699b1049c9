package org.syscalllab.papers.mpkernel;

import java.util.ArrayList;
import java.util.List;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.experiment.TidyRows;
import org.syscalllab.os.CpuStats;
import org.syscalllab.os.KThread;
import org.syscalllab.os.Kernel;
import org.syscalllab.os.KernelConfig;
import org.syscalllab.os.Op;
import org.syscalllab.os.SmpKernel;
import org.syscalllab.os.lock.Granularity;
import org.syscalllab.os.syscall.LockPolicy;
import org.syscalllab.os.syscall.SyscallSpec;
import org.syscalllab.os.syscall.SyscallTable;
import org.syscalllab.sim.Simulation;

/**
 * Table 3.1 (Section 3.4-3.5): the in-house kernel ported to SMP behind a giant lock, on a dual 300 MHz Pentium II.
 *
 * <p>Method, as in the thesis: two benchmark processes loop in user mode (the case "when the benchmark processes run
 * only in user-mode"); beside them run system threads (database replication, logging ...) whose kernel work is what
 * the UP run spends in the kernel (36 %, Table 3.1's UP row, an input of this model: the system threads' kernel work
 * is sized so that it would take 36 % of the UP run). The kernel takes the giant lock on every entry, in the scheduler
 * and in the timer tick; there is one shared ready queue; a thread never leaves the CPU it started on (Section
 * 3.3.1). On SMP the giant lock's data (ready queue, thread blocks, timers) move between the CPUs' caches whenever
 * the lock changes CPU. Metric: cycles until both benchmark processes finish; speedup = UP time / SMP time; and the
 * share of CPU time in user mode, holding the lock (kernel) and spinning.
 */
public final class InHouseGiantLock implements Experiment {
    @Override
    public String id() { return "mpkernel.table3_1"; }

    @Override
    public String title() { return "In-house kernel with a giant lock: user/kernel/spin shares and speedup, 1 and 2 CPUs"; }

    @Override
    public String xParameter() { return "cpus"; }

    @Override
    public List<Param> parameters() {
        return List.of(
                Param.ofIntList("cpus", List.of(1L, 2L), 1, 8, "", "CPU counts to run (1 = the uniprocessor baseline)"),
                Param.ofChoice("granularity", "giant", List.of("giant", "subsystem", "fine"),
                        "locking of the kernel (the thesis's port is giant; the others are what-ifs)"),
                Param.ofDouble("benchmark_user_mcycles", 300, 1, 10_000, "Mcycles",
                        "user work of each benchmark process (ASSUMPTION: 1 s at 300 MHz; only ratios matter)"),
                Param.ofDouble("up_kernel_share", 0.36, 0, 0.95, "",
                        "share of the UP run spent in the kernel by the system threads (Table 3.1, UP row: 36 %)"),
                Param.ofInt("system_threads", 10, 1, 100, "",
                        "active system threads (ASSUMPTION: ~100 started, 'not all active', Section 3.4; 10 active)"),
                Param.ofInt("system_call_cycles", 15_000, 100, 10_000_000, "cycles",
                        "kernel cycles of one system-thread kernel call (ASSUMPTION: 50 us of IPC/database work)"),
                Param.ofInt("system_user_cycles", 1_000, 0, 10_000_000, "cycles",
                        "user cycles of a system thread between kernel calls (ASSUMPTION: kernel-bound threads)"),
                Param.ofInt("shared_kernel_lines", 32, 0, 10_000, "lines",
                        "cache lines of kernel data that follow the giant lock to the next CPU (ASSUMPTION: ready queue, "
                                + "thread control blocks, timer list; Section 3.5 names the ready queue)"),
                Param.ofInt("line_transfer_cycles", (int) Machine.pentium2().lineTransferCycles(), 0, 10_000, "cycles",
                        "cost of one cache line moved between the CPUs (platform mpk-dual-pentium2-300)"),
                Param.ofInt("context_switch_cycles", 3_000, 0, 1_000_000, "cycles", "ASSUMPTION: 10 us per switch"),
                Param.ofInt("tick_handler_cycles", 3_000, 0, 1_000_000, "cycles", "ASSUMPTION: timer tick handler"),
                Param.ofInt("slice_ticks", 5, 1, 1000, "ticks", "time slice (ASSUMPTION; the thesis found no effect)"),
                Param.ofBool("affinity", true, "threads never leave the CPU they started on (Section 3.3.1)"));
    }

    /** One run's outcome. */
    record Outcome(int cpus, long elapsed, double user, double kernel, double spin, double idle) { }

    static Outcome simulate(Params p, int cpus, Simulation sim) {
        Machine m = Machine.pentium2();
        KernelConfig cfg = KernelConfig.simple(cpus)
                .withCosts(p.getLong("context_switch_cycles"), 0, p.getLong("line_transfer_cycles"), 0, 0)
                .withTicks(m.tickCycles(), p.getLong("tick_handler_cycles"), p.getInt("slice_ticks"))
                .withRunQueue(true, p.getBool("affinity"))
                .withIdleWake(KernelConfig.IdleWake.IPI, m.ipiCycles(), 1)
                .withStaggeredTicks(false);
        long callCycles = p.getLong("system_call_cycles");
        SyscallTable table = new SyscallTable(List.of(SyscallSpec.cpuOnly("system_work", callCycles, 1.0, "ipc",
                List.of(org.syscalllab.os.lock.LockUse.perObject("ipc_object", org.syscalllab.os.lock.LockKind.SPIN, 0.5, 64)))));
        Granularity g = Granularity.parse(p.getString("granularity"));
        Kernel k = new Kernel(sim, cfg, table, new SmpKernel(LockPolicy.of(g), 0, 0, g.name().toLowerCase()));
        k.declareLock(Granularity.GIANT_LOCK, p.getInt("shared_kernel_lines"));
        k.declareLock("runqueue", Math.min(4, p.getInt("shared_kernel_lines")));
        long userWork = Math.round(p.getDouble("benchmark_user_mcycles") * 1e6);
        double share = p.getDouble("up_kernel_share");
        // the system threads' kernel work: the share of the UP run that Table 3.1 measured in the kernel
        long systemKernel = Math.round(share / (1 - share) * 2 * userWork);
        int threads = p.getInt("system_threads");
        long callsPerThread = Math.max(1, systemKernel / callCycles / threads);
        long sysUser = p.getLong("system_user_cycles");
        List<KThread> bench = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            long[] left = {userWork};
            bench.add(k.spawn("benchmark" + i, self -> {
                if (left[0] <= 0) return Op.EXIT;
                long chunk = Math.min(left[0], 10_000_000);
                left[0] -= chunk;
                return new Op.User(chunk);
            }, k.allCpus()));
        }
        for (int i = 0; i < threads; i++) {
            long[] left = {callsPerThread};
            boolean[] inUser = {true};
            k.spawn("system" + i, self -> {
                if (left[0] <= 0) return Op.EXIT;
                if (inUser[0] && sysUser > 0) {
                    inUser[0] = false;
                    return new Op.User(sysUser);
                }
                inUser[0] = true;
                left[0]--;
                return new Op.Syscall("system_work");
            }, k.allCpus(), true);
        }
        k.run();
        long user = 0, kernel = 0, spin = 0, idle = 0;
        for (CpuStats c : k.cpuStats()) {
            user += c.user();
            kernel += c.kernel();
            spin += c.spin();
            idle += c.idle();
        }
        double total = user + kernel + spin + idle;
        return new Outcome(cpus, k.elapsed(), user / total, kernel / total, spin / total, idle / total);
    }

    @Override
    public void run(Params p, RunContext ctx, TidyRows out) {
        List<Long> cpuList = p.getLongList("cpus");
        List<Integer> points = new ArrayList<>();
        points.add(1);
        for (long c : cpuList) if (c != 1) points.add((int) c);
        List<Outcome> res = ctx.sweep(points, (n, c) -> simulate(p, n, c.newSimulation()));
        Outcome up = res.get(0);
        String series = p.getString("granularity");
        for (Outcome o : res) {
            if (o.cpus() != 1 && !cpuList.contains((long) o.cpus())) continue;
            if (o.cpus() == 1 && !cpuList.contains(1L)) continue;
            out.add(series, o.cpus(), "user_pct", 100 * o.user());
            out.add(series, o.cpus(), "kernel_pct", 100 * o.kernel());
            out.add(series, o.cpus(), "spin_pct", 100 * o.spin());
            out.add(series, o.cpus(), "idle_pct", 100 * o.idle());
            out.add(series, o.cpus(), "elapsed_s", o.elapsed() / Machine.pentium2().clockHz());
            out.add(series, o.cpus(), "speedup", (double) up.elapsed() / o.elapsed());
        }
        // Amdahl's bound as the thesis computes it (Section 3.5), from the simulated UP shares
        for (Outcome o : res) {
            if (o.cpus() == 1) continue;
            double serial = up.kernel() + up.spin();
            out.add("amdahl", o.cpus(), "speedup", 1 / (serial + (1 - serial) / o.cpus()));
            out.add("ideal", o.cpus(), "speedup", o.cpus());
        }
    }
}
