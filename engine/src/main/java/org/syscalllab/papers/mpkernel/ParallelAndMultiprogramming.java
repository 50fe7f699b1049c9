package org.syscalllab.papers.mpkernel;

import java.util.ArrayList;
import java.util.List;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.experiment.TidyRows;
import org.syscalllab.sim.Simulation;
import org.syscalllab.os.KThread;
import org.syscalllab.os.Kernel;

/**
 * Table 4.4 and Fig 4.7: speedup of the parallel SPLASH-2 programs (RADIX, FFT, LU; 8 threads each) and of the
 * multiprogramming mix (gcc, find, grep, find | grep, FFT -m10 and LU together; time until the last finishes)
 * against uniprocessor Linux, for SMP Linux and the application kernel on 2 to 8 CPUs, in Simics. Under the
 * application kernel all processes run on the application processors and the bootstrap processor serves every
 * forwarded call.
 */
public final class ParallelAndMultiprogramming implements Experiment {
    static final List<String> WORKLOADS = List.of("radix", "fft", "lu", "multiprogramming");

    @Override
    public String id() { return "mpkernel.table4_4"; }

    @Override
    public String title() { return "Parallel and multiprogramming speedup vs uniprocessor Linux: SMP Linux and the application kernel"; }

    @Override
    public String xParameter() { return "cpus"; }

    @Override
    public List<Param> parameters() {
        List<Param> ps = new ArrayList<>(Ch4Systems.parameters());
        ps.add(Param.ofIntList("cpus", List.of(2L, 3L, 4L, 5L, 6L, 7L, 8L), 2, 8, "", "CPU counts"));
        return ps;
    }

    /** Starts a workload's processes; returns every thread that must finish. */
    static List<KThread> start(String workload, Kernel k, long mask, double cpi) {
        List<KThread> all = new ArrayList<>();
        switch (workload) {
            case "radix" -> Programs.radix().start(k, mask, cpi, all);
            case "fft" -> Programs.fft(20).start(k, mask, cpi, all);
            case "lu" -> Programs.lu().start(k, mask, cpi, all);
            case "multiprogramming" -> {
                all.add(k.spawn("gcc", Programs.gcc().body(cpi), mask));
                all.add(k.spawn("find", Programs.find().body(cpi), mask));
                all.add(k.spawn("grep", Programs.grep().body(cpi), mask));
                // find | grep: the pipe's data go through write and read calls of the two processes
                all.add(k.spawn("find|", Programs.find().body(cpi), mask));
                all.add(k.spawn("|grep", Programs.pipeGrep().body(cpi), mask));
                Programs.fft(10).start(k, mask, cpi, all);
                Programs.lu().start(k, mask, cpi, all);
            }
            default -> throw new IllegalArgumentException("workload = " + workload + " is not allowed; allowed: " + WORKLOADS);
        }
        return all;
    }

    static long elapsed(Ch4Systems.Kind kind, String workload, int cpus, Params p, Simulation sim) {
        Machine m = Machine.simicsIa32();
        Kernel k = Ch4Systems.build(kind, m, cpus, sim, p);
        start(workload, k, Ch4Systems.programMask(kind, k), m.kernelCpi());
        k.run();
        return k.elapsed();
    }

    @Override
    public void run(Params p, RunContext ctx, TidyRows out) {
        Ch4Systems.speedups(WORKLOADS, p, ctx, out, true, (kind, w, cpus, sim) -> elapsed(kind, w, cpus, p, sim));
    }
}
