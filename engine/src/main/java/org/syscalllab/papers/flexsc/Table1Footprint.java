package org.syscalllab.papers.flexsc;

import java.util.ArrayList;
import java.util.List;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.experiment.TidyRows;
import org.syscalllab.hw.Structure;
import org.syscalllab.workload.CallInjection;
import org.syscalllab.workload.KernelPath;
import org.syscalllab.workload.KernelPaths;

/**
 * Table 1: Xalan runs with a call only every 10^7 user instructions (the paper's counter interrupt), so the caches hold
 * application state; then one call runs and the application lines it evicts are counted per structure, with the
 * call's kernel cycles and IPC.
 */
public final class Table1Footprint implements Experiment {
    @Override public String id() { return "flexsc.table1"; }

    @Override public String title() { return "System call footprint: application lines evicted by one call"; }

    @Override public String xParameter() { return "call"; }

    @Override
    public List<Param> parameters() {
        List<Param> ps = Setup.common("xalan", "pwrite");
        ps.add(Param.ofInt("instructions_before_call", 10_000_000, 1_000, 100_000_000, "instructions", "user instructions run before each call"));
        return ps;
    }

    @Override
    public void run(Params p, RunContext ctx, TidyRows out) {
        List<String> calls = KernelPaths.table1Calls();
        List<TidyRows> parts = ctx.sweep(calls, (call, c) -> {
            TidyRows r = new TidyRows(id());
            CallInjection ci = Setup.injection(p, c.seed());
            KernelPath k = Setup.call(p, call);
            ci.user(p.getLong("instructions_before_call"));
            ci.kernel(k);                                   // the call once, as a previous interrupt would have
            ci.user(p.getLong("instructions_before_call"));
            double[] before = new double[2];
            CallInjection.Interval kv = null;
            ci.memory().resetEvictions();
            kv = ci.kernel(k);
            for (Structure s : List.of(Structure.L1I, Structure.L1D, Structure.L2, Structure.L3, Structure.DTLB)) {
                r.add("sync", call, "evicted_lines_" + s.suffix(), ci.memory().evicted(s, org.syscalllab.hw.Owner.USER, org.syscalllab.hw.Owner.KERNEL));
            }
            r.add("sync", call, "kernel_ipc", kv.ipc());
            r.add("sync", call, "cycles_per_call", kv.cycles());
            r.add("sync", call, "kernel_instructions", kv.instructions());
            return r;
        });
        for (TidyRows r : parts) out.addAll(r);
    }
}
