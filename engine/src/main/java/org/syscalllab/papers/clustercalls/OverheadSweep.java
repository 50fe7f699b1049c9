package org.syscalllab.papers.clustercalls;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.mech.ClusterCallCosts;
import org.syscalllab.mech.ClusterCallPoolSpec;

/**
 * Runs the overhead benchmark over a grid of batch sizes for several pool configurations, in parallel, and derives
 * what Table 6.2 reports: the break-even point, the reduction at the largest batch, and the average reduction over
 * the batch sizes that show one.
 */
final class OverheadSweep {
    final int[] grid;
    final double[] traditional;
    final Map<OverheadBenchmark.Scenario, double[]> perCall = new EnumMap<>(OverheadBenchmark.Scenario.class);

    static List<Param> gridParams() {
        return List.of(
                Param.ofInt("batch_max", 1024, 1, ClusterCallPoolSpec.MAX_PENDING, "calls", "largest batch size (x axis end)"),
                Param.ofInt("batch_step", 1, 1, 1024, "calls", "step of the batch-size grid (1 = every size, as the thesis's average suggests)"),
                Param.ofInt("warmups", 1, 0, 10, "cluster calls", "unmeasured cluster calls before the measured one"));
    }

    static int[] grid(Params p) {
        int max = p.getInt("batch_max"), step = p.getInt("batch_step");
        List<Integer> g = new ArrayList<>();
        for (int n = 1; n <= max; n += step) g.add(n);
        if (g.get(g.size() - 1) != max) g.add(max);
        return g.stream().mapToInt(Integer::intValue).toArray();
    }

    OverheadSweep(Params p, RunContext ctx, List<OverheadBenchmark.Scenario> scenarios,
                  Map<OverheadBenchmark.Scenario, ClusterCallPoolSpec> pools) {
        ClusterCallCosts k = CostParams.costs(p);
        double ghz = p.getDouble("clock_ghz");
        int warm = p.getInt("warmups");
        grid = grid(p);
        traditional = new double[grid.length];
        for (int i = 0; i < grid.length; i++) traditional[i] = OverheadBenchmark.traditionalNs(k, ghz, grid[i]);
        record Point(OverheadBenchmark.Scenario s, int index) { }
        List<Point> points = new ArrayList<>();
        for (OverheadBenchmark.Scenario s : scenarios) for (int i = 0; i < grid.length; i++) points.add(new Point(s, i));
        List<Double> r = ctx.sweep(points, (pt, pc) -> OverheadBenchmark.clusterCall(k, ghz,
                pools.getOrDefault(pt.s(), pt.s().pool()), grid[pt.index()], warm, pc).nsPerCall());
        for (OverheadBenchmark.Scenario s : scenarios) perCall.put(s, new double[grid.length]);
        for (int j = 0; j < points.size(); j++) perCall.get(points.get(j).s())[points.get(j).index()] = r.get(j);
    }

    /** First batch size at which the cluster call is no more expensive per call than the trap; -1 if none. */
    int breakEven(OverheadBenchmark.Scenario s) {
        double[] c = perCall.get(s);
        for (int i = 0; i < grid.length; i++) if (c[i] <= traditional[i]) return grid[i];
        return -1;
    }

    /** Reduction in percent against the trap at grid index i (negative: the cluster call is dearer). */
    double reductionPct(OverheadBenchmark.Scenario s, int i) {
        if (!(traditional[i] > 0)) {
            throw new IllegalArgumentException("trap_entry_cycles + trap_exit_cycles = 0 is not allowed here: a traditional"
                    + " system call then costs nothing and there is no overhead to reduce; allowed: a sum > 0");
        }
        return 100.0 * (1 - perCall.get(s)[i] / traditional[i]);
    }

    /** Mean reduction over the grid points that show one (Table 6.2's "average reduction"); 0 if none. */
    double averageReductionPct(OverheadBenchmark.Scenario s) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < grid.length; i++) {
            double r = reductionPct(s, i);
            if (r > 0) {
                sum += r;
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    int last() { return grid.length - 1; }
}
