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
import org.syscalllab.os.Op;

/**
 * Table 4.2: getpid latency in Linux and with the application kernel, on the dual Pentium Pro and in Simics. One
 * thread calls getpid in a loop on a two-CPU machine; latency = cycles per call. Under the application kernel every
 * call takes the forwarding path of Fig 4.2 (five privilege switches, the bootstrap thread on CPU 0, the driver's
 * activation, the pick-up on the application processor).
 */
public final class GetpidLatency implements Experiment {
    @Override
    public String id() { return "mpkernel.table4_2"; }

    @Override
    public String title() { return "getpid latency: Linux vs the application kernel (cycles)"; }

    @Override
    public String xParameter() { return "platform"; }

    @Override
    public List<Param> parameters() {
        List<Param> ps = new ArrayList<>(Ch4Systems.parameters());
        ps.add(Param.ofInt("calls", 2_000, 10, 1_000_000, "", "getpid calls per run"));
        return ps;
    }

    static double cyclesPerCall(Ch4Systems.Kind kind, Machine m, Params p, Simulation sim) {
        Kernel k = Ch4Systems.build(kind, m, 2, sim, p);
        long calls = p.getLong("calls");
        k.spawn("getpid-loop", self -> self.syscalls() < calls ? new Op.Syscall("getpid") : Op.EXIT,
                Ch4Systems.programMask(kind, k));
        k.run();
        return (double) k.elapsed() / calls;
    }

    @Override
    public void run(Params p, RunContext ctx, TidyRows out) {
        record Point(String x, Machine m) { }
        List<Point> pts = List.of(new Point("ppro_200", Machine.pentiumPro()), new Point("simics", Machine.simicsIa32()));
        List<double[]> res = ctx.sweep(pts, (pt, c) -> new double[] {
                cyclesPerCall(Ch4Systems.Kind.SMP_LINUX, pt.m(), p, c.newSimulation()),
                cyclesPerCall(Ch4Systems.Kind.APP_KERNEL, pt.m(), p, c.newSimulation())});
        for (int i = 0; i < pts.size(); i++) {
            String x = pts.get(i).x();
            out.add("linux_smp", x, "cycles_per_call", res.get(i)[0]);
            out.add("app_kernel", x, "cycles_per_call", res.get(i)[1]);
            out.add("derived", x, "latency_ratio", res.get(i)[1] / res.get(i)[0]);
        }
    }
}
