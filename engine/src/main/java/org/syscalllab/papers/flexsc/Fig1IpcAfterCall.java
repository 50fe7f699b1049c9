package org.syscalllab.papers.flexsc;

import java.util.List;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.experiment.TidyRows;
import org.syscalllab.workload.CallInjection;
import org.syscalllab.workload.KernelPath;

/**
 * Figure 1: Xalan's user IPC over time around one pwrite. The program runs in steady state, the call runs once, then
 * user IPC is measured in short slices while the program re-misses the lines the call evicted. Also reported: the
 * recovery time (after it, every slice is within the threshold of the pre-call IPC) and the lost cycles (the shaded
 * area of the figure).
 */
public final class Fig1IpcAfterCall implements Experiment {
    @Override public String id() { return "flexsc.fig1"; }

    @Override public String title() { return "User-mode IPC of Xalan around one system call"; }

    @Override public String xParameter() { return "time_cycles"; }

    @Override
    public List<Param> parameters() {
        List<Param> ps = Setup.common("xalan", "pwrite");
        ps.add(Param.ofInt("slice_instructions", 250, 10, 100_000, "instructions", "user instructions per IPC sample"));
        ps.add(Param.ofInt("after_instructions", 40_000, 1_000, 10_000_000, "instructions", "user instructions followed after the call"));
        ps.add(Param.ofDouble("recovered_fraction", 0.95, 0.5, 1.0, "", "IPC counts as recovered once every later slice is at least this fraction of the pre-call IPC"));
        return ps;
    }

    @Override
    public void run(Params p, RunContext ctx, TidyRows out) {
        CallInjection ci = Setup.injection(p, ctx.seed());
        KernelPath k = Setup.call(p);
        double slice = p.getLong("slice_instructions");
        // pre-call steady state, a few slices
        double base = 0;
        int pre = 8;
        for (int i = pre; i >= 1; i--) {
            CallInjection.Interval iv = ci.user(slice);
            base += iv.ipc() / pre;
            out.add("sync", -i * iv.cycles() + iv.cycles() / 2, "user_ipc", iv.ipc());
        }
        List<double[]> after = ci.ipcAfterCall(k, slice, p.getLong("after_instructions"));
        double threshold = p.getDouble("recovered_fraction") * base;
        double recovery = 0;
        double lost = 0;
        double t = 0;
        for (double[] s : after) {
            out.add("sync", s[0], "user_ipc", s[1]);
            t += s[2];
            if (s[1] < threshold) recovery = t;
            lost += s[2] - slice / base;
        }
        out.add("derived", k.name(), "recovery_cycles", recovery);
        out.add("derived", k.name(), "lost_cycles", lost);
        out.add("derived", k.name(), "baseline_user_ipc", base);
    }
}
