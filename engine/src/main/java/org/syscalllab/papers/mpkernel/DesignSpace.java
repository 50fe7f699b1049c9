package org.syscalllab.papers.mpkernel;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.experiment.TidyRows;
import org.syscalllab.os.AppKernel;
import org.syscalllab.os.Kernel;
import org.syscalllab.os.KernelConfig;
import org.syscalllab.os.Op;
import org.syscalllab.os.Organisation;
import org.syscalllab.os.SmpKernel;
import org.syscalllab.os.lock.Granularity;
import org.syscalllab.os.lock.LockKind;
import org.syscalllab.os.lock.LockUse;
import org.syscalllab.os.syscall.LockPolicy;
import org.syscalllab.os.syscall.SyscallSpec;
import org.syscalllab.os.syscall.SyscallTable;
import org.syscalllab.sim.Simulation;

/**
 * Fig 2.3 (and Fig 1.1): the design space of multiprocessor kernels, regenerated from the model rather than drawn.
 * The same system-bound workload (processes alternating user work and system calls spread over four subsystems) runs
 * on the organisations of Section 2.3: giant lock, coarse (one lock per subsystem), fine-grained (per-object locks),
 * and the application kernel; the output is each organisation's speedup over one CPU. The thesis places them
 * qualitatively (scalability rising from giant to fine, the application kernel low); here the ordering emerges, and
 * the reader can move the workload's kernel share.
 */
public final class DesignSpace implements Experiment {
    static final List<String> ORGS = List.of("giant", "subsystem", "fine", "app_kernel");

    @Override
    public String id() { return "mpkernel.fig2_3"; }

    @Override
    public String title() { return "Design space: speedup vs CPUs for giant, per-subsystem and fine locking and the application kernel"; }

    @Override
    public String xParameter() { return "cpus"; }

    @Override
    public List<Param> parameters() {
        return List.of(
                Param.ofIntList("cpus", List.of(1L, 2L, 4L, 8L), 1, 16, "", "CPU counts"),
                Param.ofDouble("kernel_share", 0.5, 0.01, 0.99, "",
                        "share of a process's uniprocessor time spent in system calls (a system-bound workload)"),
                Param.ofInt("processes", 16, 1, 128, "", "processes"),
                Param.ofInt("calls", 400, 10, 100_000, "", "system calls per process"),
                Param.ofInt("call_instructions", 5_000, 100, 1_000_000, "", "instructions per system call"),
                Param.ofInt("objects", 64, 1, 100_000, "", "objects per subsystem that fine-grained locks protect"));
    }

    static final String[] SUBSYSTEMS = {"fs", "mm", "net", "proc"};

    static SyscallTable table(long instructions, int objects) {
        List<SyscallSpec> specs = new ArrayList<>();
        for (String s : SUBSYSTEMS) {
            specs.add(SyscallSpec.cpuOnly(s + "_call", instructions, 1.0, s,
                    List.of(LockUse.perObject(s + "_obj", LockKind.SPIN, 0.5, objects))));
        }
        return new SyscallTable(specs);
    }

    static long elapsed(String org, int cpus, Params p, Simulation sim) {
        Machine m = Machine.simicsIa32();
        boolean app = org.equals("app_kernel");
        if (app && cpus < 2) org = "fine"; // one CPU: every organisation is the uniprocessor kernel
        KernelConfig cfg = KernelConfig.simple(cpus)
                .withCosts(m.kernel(Ch4Systems.CONTEXT_SWITCH_INSTRUCTIONS), 0, 0, 0, m.kernel(Ch4Systems.LOCK_OP_INSTRUCTIONS))
                .withTicks(m.tickCycles(), m.kernel(Ch4Systems.TICK_INSTRUCTIONS), Ch4Systems.SLICE_TICKS)
                .withRunQueue(true, false)
                .withIdleWake(app ? KernelConfig.IdleWake.POLL : KernelConfig.IdleWake.IPI, m.ipiCycles(), 200);
        Organisation o = app && cpus >= 2
                ? new AppKernel(m.kernel(Ch4Systems.AP_TRAP_INSTRUCTIONS), m.kernel(Ch4Systems.BOOTSTRAP_INSTRUCTIONS),
                        m.kernel(Linux24.ENTRY_INSTRUCTIONS), m.kernel(Linux24.EXIT_INSTRUCTIONS),
                        m.kernel(Ch4Systems.IOCTL_INSTRUCTIONS), m.kernel(Ch4Systems.ACTIVATE_INSTRUCTIONS),
                        m.kernel(Ch4Systems.RESUME_INSTRUCTIONS), null)
                : new SmpKernel(LockPolicy.of(Granularity.parse(org)), m.kernel(Linux24.ENTRY_INSTRUCTIONS),
                        m.kernel(Linux24.EXIT_INSTRUCTIONS), org);
        long instr = p.getLong("call_instructions");
        Kernel k = new Kernel(sim, cfg, table(instr, p.getInt("objects")), o);
        double share = p.getDouble("kernel_share");
        long user = Math.round(instr * (1 - share) / share);
        long mask = app && cpus >= 2 ? AppKernel.apMask(k) : k.allCpus();
        RandomGenerator rng = sim.stream("designspace.calls");
        int calls = p.getInt("calls");
        for (int i = 0; i < p.getInt("processes"); i++) {
            int[] left = {calls};
            boolean[] userNext = {true};
            k.spawn("p" + i, self -> {
                if (userNext[0]) {
                    userNext[0] = false;
                    return left[0] > 0 ? new Op.User(user) : Op.EXIT;
                }
                userNext[0] = true;
                left[0]--;
                return new Op.Syscall(SUBSYSTEMS[rng.nextInt(SUBSYSTEMS.length)] + "_call");
            }, mask);
        }
        k.run();
        return k.elapsed();
    }

    @Override
    public void run(Params p, RunContext ctx, TidyRows out) {
        record Pt(String org, int cpus) { }
        List<Pt> pts = new ArrayList<>();
        pts.add(new Pt("fine", 1));
        for (String o : ORGS) for (long n : p.getLongList("cpus")) if (n > 1) pts.add(new Pt(o, (int) n));
        List<Long> res = ctx.sweep(pts, (pt, c) -> elapsed(pt.org(), pt.cpus(), p, c.newSimulation()));
        long base = res.get(0);
        java.util.Map<String, Double> at = new java.util.HashMap<>();
        for (int i = 0; i < pts.size(); i++) {
            Pt pt = pts.get(i);
            if (i == 0) {
                if (p.getLongList("cpus").contains(1L)) for (String o : ORGS) out.add(o, 1, "speedup", 1.0);
                continue;
            }
            double s = (double) base / res.get(i);
            out.add(pt.org(), pt.cpus(), "speedup", s);
            at.put(pt.org() + "@" + pt.cpus(), s);
        }
        long max = p.getLongList("cpus").stream().mapToLong(Long::longValue).max().orElse(1);
        if (max > 1) {
            out.add("derived", max, "fine_over_giant", at.get("fine@" + max) / at.get("giant@" + max));
            out.add("derived", max, "subsystem_over_giant", at.get("subsystem@" + max) / at.get("giant@" + max));
        }
    }
}
