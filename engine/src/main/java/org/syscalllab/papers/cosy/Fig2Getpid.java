package org.syscalllab.papers.cosy;

import java.util.List;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.PointCodec;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.experiment.TidyRows;
import org.syscalllab.papers.cosy.Workloads.Config;
import org.syscalllab.papers.cosy.Workloads.CosySetup;
import org.syscalllab.papers.cosy.Workloads.Os;

/**
 * {@code cosy.fig2}: the getpid micro-benchmark (paper §4.2, Figure 2). VAN makes N getpid calls in a for loop; COSY
 * builds a compound of a {@code for} and a {@code getpid} and runs it with one crossing. Reports the elapsed, system
 * and user time improvements of COSY over VAN as N grows.
 */
public final class Fig2Getpid implements Experiment {
    @Override public String id() { return "cosy.fig2"; }

    @Override public String title() { return "getpid: elapsed, system and user time improvement of COSY over VAN"; }

    @Override
    public String description() {
        return "N getpid calls per repetition, VAN (one trap each) vs COSY (one compound of a for loop and a getpid). "
                + "The compound's build cost is constant in N while VAN's user and crossing costs grow with N.";
    }

    @Override public String xParameter() { return "calls"; }

    @Override
    public List<Param> parameters() {
        List<Param> ps = new java.util.ArrayList<>(List.of(
                Param.ofIntList("calls", List.of(2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L), 1, 1_000_000, "",
                        "getpid calls per benchmark run (paper: 2, 4, ..., 256)"),
                Param.ofInt("repetitions", 1000, 1, 1_000_000, "",
                        "runs per point; ASSUMPTION: the paper does not say how often it repeated the loop (percentages do not depend on it)"),
                Param.ofBool("optimised_for", true, "encode the loop as the single for operation (false: init + while + add, paper §3)")));
        ps.addAll(Knobs.common());
        return ps;
    }

    @Override
    public void run(Params p, RunContext ctx, TidyRows out) {
        Os os = Knobs.os(p);
        CosySetup setup = Knobs.setup(p, p.getBool("optimised_for"));
        int reps = p.getInt("repetitions");
        List<TidyRows> rows = ctx.sweepOver("calls", p.getLongList("calls"), PointCodec.ROWS, (n, pc) -> {
            TidyRows t = new TidyRows(id());
            String x = Long.toString(n);
            Times van = Benchmarks.getpid(os, setup, Config.VAN, n.intValue(), reps);
            Times cosy = Benchmarks.getpid(os, setup, Config.COSY, n.intValue(), reps);
            Knobs.times(t, "van", x, van, os.testbed(), 1);
            Knobs.times(t, "cosy", x, cosy, os.testbed(), 1);
            Knobs.improvements(t, "cosy", x, van, cosy);
            return t;
        });
        rows.forEach(out::addAll);
    }
}
