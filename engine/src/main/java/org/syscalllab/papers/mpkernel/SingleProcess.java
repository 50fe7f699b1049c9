package org.syscalllab.papers.mpkernel;

import java.util.ArrayList;
import java.util.List;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.experiment.TidyRows;
import org.syscalllab.sim.Simulation;
import org.syscalllab.os.Kernel;

/**
 * Table 4.3: speedup of the single-process benchmarks (find, 176.gcc, 164.gzip) against uniprocessor Linux, for SMP
 * Linux and the application kernel on 2 to 8 CPUs, in Simics. One process runs alone; the time is the cycles until it
 * exits. SMP Linux pays its lock operations; the application kernel forwards every system call and page fault to
 * the bootstrap processor and waits for an application processor to pick the thread up again.
 */
public final class SingleProcess implements Experiment {
    static final List<String> PROGRAMS = List.of("find", "gcc", "gzip");

    @Override
    public String id() { return "mpkernel.table4_3"; }

    @Override
    public String title() { return "Single-process speedup vs uniprocessor Linux: SMP Linux and the application kernel"; }

    @Override
    public String xParameter() { return "cpus"; }

    @Override
    public List<Param> parameters() {
        List<Param> ps = new ArrayList<>(Ch4Systems.parameters());
        ps.add(Param.ofIntList("cpus", List.of(2L, 3L, 4L, 5L, 6L, 7L, 8L), 2, 8, "", "CPU counts"));
        return ps;
    }

    static Programs.Sequential program(String name) {
        return switch (name) {
            case "find" -> Programs.find();
            case "gcc" -> Programs.gcc();
            case "gzip" -> Programs.gzip();
            default -> throw new IllegalArgumentException("program = " + name + " is not allowed; allowed: find, gcc, gzip");
        };
    }

    static long elapsed(Ch4Systems.Kind kind, String prog, int cpus, Params p, Simulation sim) {
        Machine m = Machine.simicsIa32();
        Kernel k = Ch4Systems.build(kind, m, cpus, sim, p);
        k.spawn(prog, program(prog).body(m.kernelCpi()), Ch4Systems.programMask(kind, k));
        k.run();
        return k.elapsed();
    }

    @Override
    public void run(Params p, RunContext ctx, TidyRows out) {
        Ch4Systems.speedups(PROGRAMS, p, ctx, out, false, (kind, prog, cpus, sim) -> elapsed(kind, prog, cpus, p, sim));
    }
}
