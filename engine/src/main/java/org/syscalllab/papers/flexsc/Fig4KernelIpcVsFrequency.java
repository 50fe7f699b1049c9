package org.syscalllab.papers.flexsc;

import java.util.List;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.PointCodec;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.experiment.TidyRows;
import org.syscalllab.workload.CallInjection;

/**
 * Figure 4: kernel-mode IPC of the pwrite path against the call frequency. The more often the kernel runs, the more of
 * its lines survive the user's execution in between, so kernel IPC rises with frequency (the mirror of Figures 2-3).
 */
public final class Fig4KernelIpcVsFrequency implements Experiment {
    @Override public String id() { return "flexsc.fig4"; }

    @Override public String title() { return "System call (pwrite) impact on kernel-mode IPC vs call frequency"; }

    @Override public String xParameter() { return "instructions_between_calls"; }

    @Override
    public List<Param> parameters() {
        List<Param> ps = Setup.common("xalan", "pwrite");
        ps.add(Param.ofIntList("instructions_between_calls", List.of(1000L, 2000L, 5000L, 10000L, 20000L, 50000L, 100000L), 100, 100_000_000,
                "instructions", "user instructions between two calls"));
        ps.add(Param.ofInt("calls", 20, 1, 10_000, "", "measured calls per point (after 5 unmeasured)"));
        return ps;
    }

    @Override
    public void run(Params p, RunContext ctx, TidyRows out) {
        List<Long> xs = p.getLongList("instructions_between_calls");
        List<double[]> pts = ctx.sweepOver("instructions_between_calls", xs, PointCodec.DOUBLES, (n, c) -> {
            CallInjection ci = Setup.injection(p, c.seed());
            CallInjection.Outcome o = ci.periodic(Setup.call(p), n, 5, p.getInt("calls"));
            return new double[] {n, o.kernelIpc()};
        });
        double lo = Double.NaN;
        double hi = Double.NaN;
        long minX = Long.MAX_VALUE;
        long maxX = Long.MIN_VALUE;
        for (double[] pt : pts) {
            out.add("sync", pt[0], "kernel_ipc", pt[1]);
            if (pt[0] < minX) { minX = (long) pt[0]; hi = pt[1]; }
            if (pt[0] > maxX) { maxX = (long) pt[0]; lo = pt[1]; }
        }
        out.add("derived", "most_vs_least_frequent", "kernel_ipc_ratio", hi / lo);
    }
}
