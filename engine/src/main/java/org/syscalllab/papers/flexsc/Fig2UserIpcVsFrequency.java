package org.syscalllab.papers.flexsc;

import java.util.ArrayList;
import java.util.List;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.PointCodec;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.experiment.TidyRows;
import org.syscalllab.workload.CallInjection;
import org.syscalllab.workload.KernelPaths;

/**
 * Figures 2 and 3: user IPC against the number of user instructions between calls, for a program with a pwrite every
 * N instructions. The direct cost is measured, as in the paper, with a null call at the same frequency; the indirect
 * cost is the pwrite degradation minus the direct one. Degradations are relative to the same program run with no
 * calls (its IPC is the baseline series; it equals the program's base IPC up to the model's error). Figure 2 runs Xalan, Figure 3 SPEC JBB (same code, another
 * default program).
 */
public final class Fig2UserIpcVsFrequency implements Experiment {
    private final String id;
    private final String program;

    Fig2UserIpcVsFrequency(String id, String program) {
        this.id = id;
        this.program = program;
    }

    @Override public String id() { return id; }

    @Override public String title() { return "System call (pwrite) impact on user-mode IPC vs call frequency (" + program + ")"; }

    @Override public String xParameter() { return "instructions_between_calls"; }

    @Override
    public List<Param> parameters() {
        List<Param> ps = Setup.common(program, "pwrite");
        ps.add(Param.ofIntList("instructions_between_calls", List.of(1000L, 2000L, 5000L, 10000L, 20000L, 50000L, 100000L), 100, 100_000_000,
                "instructions", "user instructions between two calls"));
        ps.add(Param.ofInt("calls", 20, 1, 10_000, "", "measured calls per point (after 5 unmeasured)"));
        return ps;
    }

    @Override
    public void run(Params p, RunContext ctx, TidyRows out) {
        List<Long> xs = p.getLongList("instructions_between_calls");
        int calls = p.getInt("calls");
        List<TidyRows> parts = ctx.sweepOver("instructions_between_calls", xs, PointCodec.ROWS, (n, c) -> {
            TidyRows r = new TidyRows(id);
            CallInjection withCall = Setup.injection(p, c.seed());
            CallInjection.Outcome o = withCall.periodic(Setup.call(p), n, 5, calls);
            CallInjection withNull = Setup.injection(p, c.seed());
            CallInjection.Outcome z = withNull.periodic(KernelPaths.nullCall(), n, 5, calls);
            // the paper's baseline: the same program, same intervals, no call (the model's own no-call IPC)
            double base = Setup.injection(p, c.seed()).periodic(null, n, 5, calls).userIpc();
            double total = 100 * (1 - o.userIpc() / base);
            double direct = 100 * (1 - z.userIpc() / base);
            double indirect = total - direct;
            r.add("baseline", n, "user_ipc", base);
            r.add("sync", n, "user_ipc", o.userIpc());
            r.add("sync_null", n, "user_ipc", z.userIpc());
            r.add("sync", n, "degradation_pct", total);
            r.add("direct", n, "degradation_pct", direct);
            r.add("indirect", n, "degradation_pct", indirect);
            r.add("derived", n, "direct_share", total <= 0 ? 0 : direct / total);
            r.add("sync", n, "kernel_ipc", o.kernelIpc());
            return r;
        });
        for (TidyRows r : parts) out.addAll(r);
    }

    static List<Fig2UserIpcVsFrequency> both() {
        List<Fig2UserIpcVsFrequency> l = new ArrayList<>();
        l.add(new Fig2UserIpcVsFrequency("flexsc.fig2", "xalan"));
        l.add(new Fig2UserIpcVsFrequency("flexsc.fig3", "jbb"));
        return l;
    }
}
