package org.syscalllab.papers.clustercalls;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.experiment.TidyRows;

/**
 * Figure 6.2: the per-call overhead of the five pool configurations (same core; one remote core, serial; same plus one
 * remote core, two and three remote cores, parallel) against the traditional interface.
 */
final class Fig6_2 implements Experiment {
    @Override public String id() { return "clustercalls.fig6_2"; }

    @Override public String title() { return "Per-call overhead vs batch size, remote and parallel execution"; }

    @Override public String description() {
        return "The overhead benchmark of Fig. 6.1 with the pool's workers, concurrency and affinity changed: one "
                + "worker on core 2 (serial remote), or two or three workers with equal concurrency on cores {1,2}, {2,3}, {2,3,4}.";
    }

    @Override public String xParameter() { return "batch_size"; }

    @Override public List<Param> parameters() {
        List<Param> ps = new ArrayList<>(OverheadSweep.gridParams());
        ps.addAll(CostParams.declare());
        return ps;
    }

    @Override public void run(Params p, RunContext ctx, TidyRows out) {
        OverheadSweep sw = new OverheadSweep(p, ctx, List.of(OverheadBenchmark.Scenario.values()), Map.of());
        for (int i = 0; i < sw.grid.length; i++) out.add("sync", sw.grid[i], "time_ns_per_call", sw.traditional[i]);
        for (OverheadBenchmark.Scenario s : OverheadBenchmark.Scenario.values()) {
            double[] c = sw.perCall.get(s);
            for (int i = 0; i < sw.grid.length; i++) out.add(s.series, sw.grid[i], "time_ns_per_call", c[i]);
        }
    }
}
