package org.syscalllab.papers.clustercalls;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.experiment.TidyRows;
import org.syscalllab.mech.ClusterCallPoolSpec;
import org.syscalllab.mech.ClusterCallWaitMode;

/**
 * Figure 6.1: per-call overhead of the traditional interface and of cluster calls executed on the client's own core,
 * against the number of aggregated {@code NtNoOperation} calls. The pool (one worker, concurrency 1, core 1, WaitAll)
 * can be changed to explore other placements.
 */
final class Fig6_1 implements Experiment {
    @Override public String id() { return "clustercalls.fig6_1"; }

    @Override public String title() { return "Per-call overhead vs batch size, cluster calls on the same core"; }

    @Override public String description() {
        return "One client on core 1 fills the request stack with n no-op calls and issues one cluster call (WaitAll); "
                + "the per-call time is the cluster call's duration over n. The traditional series traps n times.";
    }

    @Override public String xParameter() { return "batch_size"; }

    @Override public List<Param> parameters() {
        List<Param> ps = new ArrayList<>(OverheadSweep.gridParams());
        ps.add(Param.ofInt("workers", 1, 1, 64, "", "workers in the pool"));
        ps.add(Param.ofInt("concurrency", 1, 1, 64, "", "pool concurrency (<= workers)"));
        ps.add(Param.ofIntList("pool_cores", List.of(1L), 1, ThesisInputs.CORES, "", "pool affinity (1-based cores; the client is on core 1)"));
        ps.add(Param.ofChoice("wait_mode", "WAIT_ALL", List.of("NO_WAIT", "WAIT_ANY", "WAIT_SOME", "WAIT_ALL"), "the pool's wait mode"));
        ps.addAll(CostParams.declare());
        return ps;
    }

    @Override public void run(Params p, RunContext ctx, TidyRows out) {
        List<Integer> cores = new ArrayList<>();
        for (long c : p.getLongList("pool_cores")) cores.add((int) c);
        ClusterCallPoolSpec pool = new ClusterCallPoolSpec(p.getInt("workers"), cores, p.getInt("concurrency"), 31,
                ClusterCallWaitMode.valueOf(p.getString("wait_mode")), 1, 1_000_000);
        OverheadBenchmark.Scenario s = OverheadBenchmark.Scenario.SAME_CORE;
        OverheadSweep sw = new OverheadSweep(p, ctx, List.of(s), Map.of(s, pool));
        String series = cores.equals(List.of(OverheadBenchmark.CLIENT_CORE)) ? "cluster_same_core" : "cluster_remote";
        for (int i = 0; i < sw.grid.length; i++) out.add("sync", sw.grid[i], "time_ns_per_call", sw.traditional[i]);
        for (int i = 0; i < sw.grid.length; i++) out.add(series, sw.grid[i], "time_ns_per_call", sw.perCall.get(s)[i]);
        out.add("derived", "all", "breakeven_batch", sw.breakEven(s));
        out.add("derived", Integer.toString(sw.grid[sw.last()]), "improvement_pct", sw.reductionPct(s, sw.last()));
        out.add("derived", "all", "avg_improvement_pct", sw.averageReductionPct(s));
    }
}
