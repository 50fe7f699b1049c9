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
 * Table 6.2: for each scenario, the per-call overhead of one call and of 1024 calls, the break-even point against the
 * traditional interface, and the average reduction over the batch sizes that show one; plus each scenario's rank
 * (1 = cheapest) at the largest batch and by break-even point, so orderings can be checked.
 */
final class Table6_2 implements Experiment {
    @Override public String id() { return "clustercalls.table6_2"; }

    @Override public String title() { return "Performance overview of the overhead benchmark"; }

    @Override public String xParameter() { return "batch_size"; }

    @Override public List<Param> parameters() {
        List<Param> ps = new ArrayList<>(OverheadSweep.gridParams());
        ps.addAll(CostParams.declare());
        return ps;
    }

    @Override public void run(Params p, RunContext ctx, TidyRows out) {
        List<OverheadBenchmark.Scenario> all = List.of(OverheadBenchmark.Scenario.values());
        OverheadSweep sw = new OverheadSweep(p, ctx, all, Map.of());
        int last = sw.last();
        String lastX = Integer.toString(sw.grid[last]);
        out.add("sync", "1", "time_ns_per_call", sw.traditional[0]);
        out.add("sync", lastX, "time_ns_per_call", sw.traditional[last]);
        out.add("sync", lastX, "rank", rank(sw, all, OverheadBenchmark.Scenario.SAME_CORE, true, sw.traditional[last]));
        for (OverheadBenchmark.Scenario s : all) {
            double[] c = sw.perCall.get(s);
            out.add(s.series, "1", "time_ns_per_call", c[0]);
            out.add(s.series, lastX, "time_ns_per_call", c[last]);
            out.add(s.series, lastX, "improvement_pct", sw.reductionPct(s, last));
            out.add(s.series, lastX, "rank", rank(sw, all, s, false, 0));
            int bep = sw.breakEven(s);
            out.add(s.series, "all", "breakeven_batch", bep < 0 ? sw.grid[last] + 1 : bep);
            out.add(s.series, "all", "breakeven_rank", bepRank(sw, all, s));
            out.add(s.series, "all", "avg_improvement_pct", sw.averageReductionPct(s));
            out.add(s.series, "1", "ratio_to_same_core", c[0] / sw.perCall.get(OverheadBenchmark.Scenario.SAME_CORE)[0]);
        }
    }

    /** Rank (1 = cheapest) at the largest batch among the scenarios and the traditional interface; ties share places. */
    private static double rank(OverheadSweep sw, List<OverheadBenchmark.Scenario> all, OverheadBenchmark.Scenario s,
                               boolean traditional, double tradValue) {
        int last = sw.last();
        double v = traditional ? tradValue : sw.perCall.get(s)[last];
        List<Double> others = new ArrayList<>();
        for (OverheadBenchmark.Scenario o : all) if (traditional || o != s) others.add(sw.perCall.get(o)[last]);
        if (!traditional) others.add(sw.traditional[last]);
        return place(v, others, true);
    }

    /** Rank (1 = earliest) by break-even point; a scenario that never breaks even ranks after those that do. */
    private static double bepRank(OverheadSweep sw, List<OverheadBenchmark.Scenario> all, OverheadBenchmark.Scenario s) {
        List<Double> others = new ArrayList<>();
        for (OverheadBenchmark.Scenario o : all) if (o != s) others.add(bep(sw, o));
        return place(bep(sw, s), others, true);
    }

    private static double bep(OverheadSweep sw, OverheadBenchmark.Scenario s) {
        int b = sw.breakEven(s);
        return b < 0 ? Double.MAX_VALUE : b;
    }

    /** 1 + the others that come first + half of those tied (fractional ranking, so a tie is never a clean place). */
    static double place(double v, List<Double> others, boolean lowerFirst) {
        double r = 1;
        for (double o : others) {
            if (o == v) r += 0.5;
            else if (lowerFirst ? o < v : o > v) r += 1;
        }
        return r;
    }
}
