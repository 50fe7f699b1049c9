package org.syscalllab.papers.flexsc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.experiment.TidyRows;
import org.syscalllab.hw.Platform;
import org.syscalllab.hw.Platforms;
import org.syscalllab.mech.CallCost;
import org.syscalllab.mech.CallRequest;
import org.syscalllab.mech.CostModel;
import org.syscalllab.mech.ExceptionLess;
import org.syscalllab.mech.ExceptionLessCosts;
import org.syscalllab.mech.SyncTrap;
import org.syscalllab.mech.SyscallPages;

/**
 * Figures 9 and 10 (FlexSC §5.1): a loop of {@code getppid()} calls, synchronous versus exception-less in batches of
 * N, with the syscall thread on the caller's core (Fig. 9, single-core batching) or on another core (Fig. 10, an IPI
 * wakes it and each entry's line crosses between the cores). The direct cost only: the call is tiny and its lines stay
 * cached. Both mechanisms are priced by the same cost model built from the platform (mode switch, pipeline refill,
 * IPI, line transfer) and the per-step costs of {@link ServerSetup}.
 */
public final class Fig9NullCallBatch implements Experiment {
    /** ASSUMPTION: getppid runs ~80 kernel instructions (read current->real_parent->tgid under RCU) at core IPC 1. */
    static final long GETPPID_INSTRUCTIONS = 80;

    private final boolean remote;

    Fig9NullCallBatch(boolean remote) { this.remote = remote; }

    @Override public String id() { return remote ? "flexsc.fig10" : "flexsc.fig9"; }

    @Override
    public String title() {
        return "Exception-less getppid() vs synchronous, by batch size (" + (remote ? "remote core" : "single core") + ")";
    }

    @Override public String xParameter() { return "batch"; }

    @Override
    public List<Param> parameters() {
        List<Param> ps = new ArrayList<>();
        ps.add(Param.ofChoice("platform", "flexsc-nehalem", Platforms.names(), "machine preset"));
        ps.add(Param.ofIntList("batch", List.of(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L), 1, 4096, "calls", "exception-less calls posted per flexsc_wait"));
        ps.add(Param.ofInt("kernel_instructions", GETPPID_INSTRUCTIONS, 1, 1_000_000, "instructions", "kernel work of the call"));
        ps.add(Param.ofInt("handoff_cycles", ServerSetup.HANDOFF_CYCLES, 0, 1_000_000, "cycles", "switch to and from a syscall thread"));
        ps.add(Param.ofInt("ipi_cycles", -1, -1, 1_000_000, "cycles", "IPI cost (-1 = the platform's)"));
        return ps;
    }

    /** Prices steps on the platform: a crossing is entry + exit + the pipeline refill the user sees. */
    record Costs(Platform pl) implements CostModel {
        @Override public long crossingCycles() { return pl.syscallRoundTripCycles() + pl.pipelineRefillCycles(); }

        @Override public long kernelCycles(CallRequest c) { return Math.round(c.kernelInstructions() / org.syscalllab.workload.KernelPaths.KERNEL_CORE_IPC); }

        @Override public long userCycles(long instructions) { return instructions; }

        @Override public long copyCycles(long bytes) { return 0; }

        @Override public double clockHz() { return pl.clockHz(); }
    }

    @Override
    public void run(Params p, RunContext ctx, TidyRows out) {
        Platform pl = Platforms.byName(p.getString("platform"));
        long ipi = p.getLong("ipi_cycles") < 0 ? pl.ipiCycles() : p.getLong("ipi_cycles");
        ExceptionLessCosts xc = new ExceptionLessCosts(ServerSetup.ENTRY_WRITE_CYCLES, ServerSetup.DISPATCH_CYCLES,
                p.getLong("handoff_cycles"), ipi, pl.cacheToCacheCycles());
        Costs cm = new Costs(pl);
        CallRequest call = CallRequest.of("getppid", p.getLong("kernel_instructions"));
        String series = remote ? "flexsc_remote" : "flexsc";
        double breakeven = Double.NaN;
        List<Long> batches = new ArrayList<>(p.getLongList("batch"));
        for (long n : batches) {
            List<CallRequest> calls = Collections.nCopies((int) n, call);
            CallCost sync = new SyncTrap().execute(calls, cm);
            int pages = (int) Math.max(1, (n + SyscallPages.DEFAULT_ENTRIES_PER_PAGE - 1) / SyscallPages.DEFAULT_ENTRIES_PER_PAGE);
            CallCost fx = new ExceptionLess(remote, xc, pages, SyscallPages.DEFAULT_ENTRIES_PER_PAGE).execute(calls, cm);
            double s = pl.nsPerCycle() * sync.totalCycles() / n;
            double f = pl.nsPerCycle() * fx.totalCycles() / n;
            out.add("sync", n, "time_ns_per_call", s);
            out.add(series, n, "time_ns_per_call", f);
            out.add(series, n, "speedup", s / f);
            if (Double.isNaN(breakeven) && f <= s) breakeven = n;
        }
        // the smallest batch at which exception-less calls are no slower, over powers of two up to 4096
        double be = Double.NaN;
        for (int n = 1; n <= 4096 && Double.isNaN(be); n *= 2) {
            List<CallRequest> calls = Collections.nCopies(n, call);
            long s = new SyncTrap().execute(calls, cm).totalCycles();
            int pages = Math.max(1, (n + 63) / 64);
            long f = new ExceptionLess(remote, xc, pages, 64).execute(calls, cm).totalCycles();
            if (f <= s) be = n;
        }
        out.add("derived", "all", "breakeven_batch", Double.isNaN(be) ? 8192 : be);
    }

    static List<Fig9NullCallBatch> both() { return List.of(new Fig9NullCallBatch(false), new Fig9NullCallBatch(true)); }
}
