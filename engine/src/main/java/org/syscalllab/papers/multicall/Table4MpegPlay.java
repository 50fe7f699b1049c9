package org.syscalllab.papers.multicall;

import java.util.ArrayList;
import java.util.List;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.experiment.TidyRows;
import org.syscalllab.hw.Platform;
import org.syscalllab.mech.CallCost;
import org.syscalllab.papers.multicall.clustering.Clustering;
import org.syscalllab.papers.multicall.clustering.ClusteringOptions;

/**
 * MC Table 4: mpeg_play on five inputs, before and after clustering. The frame loop of {@link PaperPrograms#mpegPlay}
 * is profiled and clustered; the algorithm finds the select → gettimeofday pair (the paper's second most frequent
 * sequence; the others sit in the X library) and the paper's specialised {@code select_time} replaces it. Time is
 * cycles over the clock, frame rate is frames over time. The inputs are the paper's file sizes and frame counts; the
 * per-frame decode and display work is an ASSUMPTION (the paper gives none).
 */
public final class Table4MpegPlay implements Experiment {
    /** MC Table 4 inputs: name, file size (MB as printed, taken as 2^20 bytes), frames (fps x time in Table 4: a property of the file). */
    record Input(String name, double megabytes, long frames) { }

    static final List<Input> INPUTS = List.of(
            new Input("DG-1", 10.3, 2752), new Input("DG-2", 9.5, 2959), new Input("DG-3", 9.5, 1614),
            new Input("DG-4", 4.7, 971), new Input("DG-5", 15.1, 3116));

    @Override public String id() { return "multicall.table4"; }

    @Override public String title() { return "mpeg_play: execution time, frame rate and cycles with select_time"; }

    @Override public String xParameter() { return "input"; }

    @Override public List<Param> parameters() {
        List<Param> ps = new ArrayList<>();
        ps.add(Param.ofInt("decode_instructions", 6_000_000, 0, 1_000_000_000, "instructions",
                "user instructions to decode and dither one frame (ASSUMPTION: order of magnitude of a software MPEG-1 decoder)"));
        ps.add(Param.ofInt("display_instructions", 1_000_000, 0, 1_000_000_000, "instructions",
                "user instructions of the X library to show one frame (ASSUMPTION)"));
        ps.addAll(McParams.common());
        return ps;
    }

    @Override public void run(Params p, RunContext ctx, TidyRows out) {
        Platform pl = McParams.platform(p);
        CostInputs in = McParams.inputs(p);
        Linux24Paths paths = Linux24Paths.linux24();
        long decode = p.getLong("decode_instructions");
        long display = p.getLong("display_instructions");
        ClusteringOptions opt = McParams.options(p).withLooped(true);
        List<double[]> rows = ctx.sweep(INPUTS, (input, c) -> {
            long bytes = Math.round(input.megabytes() * 1024 * 1024);
            long perFrame = (bytes + input.frames() - 1) / input.frames();
            Clustering.Report r = Clustering.run(PaperPrograms.mpegPlay(perFrame, decode, display), opt, () -> PaperPrograms.files(bytes),
                    paths::instructions, in.branchInstructions());
            PathCostModel costs = new PathCostModel(pl, in, perFrame, bytes);
            CallCost orig = Pricing.price(r.original(), r.baseline(), costs, McParams.stub(p), null);
            CallCost opt2 = Pricing.price(r.transformed(), r.rewritten(), costs, McParams.stub(p),
                    McParams.specialised(p) ? "select_time" : null);
            return new double[] {orig.totalCycles(), opt2.totalCycles(), input.frames()};
        });
        String optSeries = McParams.specialised(p) ? "multicall_select_time" : "multicall";
        double sumT = 0, sumF = 0, sumC = 0;
        for (int i = 0; i < INPUTS.size(); i++) {
            String x = INPUTS.get(i).name();
            double[] v = rows.get(i);
            double tOrig = pl.seconds(v[0]);
            double tOpt = pl.seconds(v[1]);
            out.add("sync", x, "elapsed_s", tOrig);
            out.add(optSeries, x, "elapsed_s", tOpt);
            out.add("sync", x, "fps", v[2] / tOrig);
            out.add(optSeries, x, "fps", v[2] / tOpt);
            out.add("sync", x, "cycles", v[0]);
            out.add(optSeries, x, "cycles", v[1]);
            double ti = 100 * (tOrig - tOpt) / tOrig;
            double fi = 100 * (tOrig / tOpt - 1);
            double ci = 100 * (v[0] - v[1]) / v[0];
            out.add(optSeries, x, "improvement_pct", ti);
            out.add(optSeries, x, "fps_improvement_pct", fi);
            out.add(optSeries, x, "cycles_improvement_pct", ci);
            sumT += ti;
            sumF += fi;
            sumC += ci;
        }
        int n = INPUTS.size();
        out.add("derived", "mean", "improvement_pct", sumT / n);
        out.add("derived", "mean", "fps_improvement_pct", sumF / n);
        out.add("derived", "mean", "cycles_improvement_pct", sumC / n);
    }
}
