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
 * user IPC is measured in short slices while the program re-misses the lines the call evicted. A twin machine with
 * the same history runs the same slices without the call. The recovery time is when IPC first returns to the
 * threshold fraction of the twin's (the paper: "before the IPC of the application returns to its previous level"); the
 * tail recovery time is when the last slice below it ends (the slow refill of L2 and L3); the lost cycles (the shaded
 * area of the figure) are the extra cycles over the twin. Time 0 is the return from the call.
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
        ps.add(Param.ofDouble("recovered_fraction", 0.95, 0.5, 1.0, "", "IPC counts as recovered at this fraction of the no-call twin's IPC"));
        return ps;
    }

    @Override
    public void run(Params p, RunContext ctx, TidyRows out) {
        // two identical machines with identical histories; only one of them makes the call (the counterfactual twin
        // gives the IPC the program would have had, slice by slice)
        CallInjection withCall = Setup.injection(p, ctx.seed());
        CallInjection twin = Setup.injection(p, ctx.seed());
        KernelPath k = Setup.call(p);
        double slice = p.getLong("slice_instructions");
        int pre = 8;
        double t = 0;
        double base = 0;
        for (int i = 0; i < pre; i++) {
            CallInjection.Interval a = withCall.user(slice);
            twin.user(slice);
            base += a.ipc() / pre;
            t -= a.cycles();
        }
        double tp = t;
        // replay the pre-call time stamps from -T to 0 (same slices again would change the state; reuse the average)
        for (int i = 0; i < pre; i++) out.add("sync", tp + (i + 0.5) * (-tp / pre), "user_ipc", base);
        withCall.kernel(k);
        double fraction = p.getDouble("recovered_fraction");
        double until = p.getLong("after_instructions");
        double time = 0;
        double recovery = -1;
        double tail = 0;
        double lost = 0;
        for (double ins = 0; ins < until; ins += slice) {
            CallInjection.Interval a = withCall.user(slice);
            CallInjection.Interval b = twin.user(slice);
            double cycles = a.cycles() + (ins == 0 ? withCall.directUserCycles() : 0);
            double ipc = slice / cycles;
            out.add("sync", time + cycles / 2, "user_ipc", ipc);
            out.add("no_call", time + cycles / 2, "user_ipc", b.ipc());
            time += cycles;
            if (ipc < fraction * b.ipc()) tail = time;
            else if (recovery < 0) recovery = time - cycles;
            lost += cycles - b.cycles();
        }
        out.add("derived", k.name(), "recovery_cycles", recovery < 0 ? time : recovery);
        out.add("derived", k.name(), "tail_recovery_cycles", tail);
        out.add("derived", k.name(), "lost_cycles", lost);
        out.add("derived", k.name(), "baseline_user_ipc", base);
    }
}
