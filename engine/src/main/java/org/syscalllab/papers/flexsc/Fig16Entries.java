package org.syscalllab.papers.flexsc;

import java.util.ArrayList;
import java.util.List;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.experiment.TidyRows;

/**
 * Figure 16: Apache on FlexSC-Threads against the number of syscall entries per core, on 1 and 4 cores, with 2,048
 * concurrent requests per core so requests always outnumber entries (FlexSC §5.4). Fewer entries cap the batch and
 * the calls in flight. The entries at which throughput first reaches 95 % of the sweep's best is emitted per core
 * count (series {@code derived}, metric {@code saturation_entries}).
 */
public final class Fig16Entries implements Experiment {
    @Override public String id() { return "flexsc.fig16"; }

    @Override public String title() { return "Apache on FlexSC-Threads: throughput vs syscall entries per core"; }

    @Override public String xParameter() { return "entries"; }

    @Override
    public List<Param> parameters() {
        List<Param> ps = ServerSetup.common();
        ps.add(Param.ofIntList("cores", List.of(1L, 4L), 1, 4, "cores", "core counts"));
        ps.add(Param.ofIntList("entries", List.of(64L, 128L, 224L, 320L, 384L, 512L), 1, 100_000, "entries",
                "syscall entries per core (pages x entries per page)"));
        ps.add(Param.ofInt("clients_per_core", 2048, 1, 100_000, "requests", "concurrent requests per core"));
        ps.add(Param.ofDouble("saturation_fraction", 0.95, 0.5, 1, "", "share of the best throughput that counts as saturated"));
        return ps;
    }

    @Override
    public void run(Params p, RunContext ctx, TidyRows out) {
        ServerWorkload w = ServerWorkload.apache();
        List<long[]> pts = new ArrayList<>();
        for (long c : p.getLongList("cores")) for (long e : p.getLongList("entries")) pts.add(new long[] {c, e});
        int perPage = p.getInt("entries_per_page");
        int cpc = p.getInt("clients_per_core");
        List<ServerSim.Stats> res = ctx.sweep(pts, (pt, c) -> {
            Params q = p.with("entries_per_page", 1L).with("threads", (long) (cpc * pt[0]));
            return ServerSetup.run(q, c, w, ServerSim.Mode.FLEXSC, (int) pt[0], (int) (cpc * pt[0]), (int) pt[1]);
        });
        java.util.Map<Long, Double> best = new java.util.TreeMap<>();
        for (int i = 0; i < pts.size(); i++) {
            out.add("flexsc_" + pts.get(i)[0] + "core", pts.get(i)[1], "throughput_rps", res.get(i).throughputRps());
            out.add("flexsc_" + pts.get(i)[0] + "core", pts.get(i)[1], "mean_batch", res.get(i).meanBatch());
            best.merge(pts.get(i)[0], res.get(i).throughputRps(), Math::max);
        }
        double frac = p.getDouble("saturation_fraction");
        for (long cores : best.keySet()) {
            for (int i = 0; i < pts.size(); i++) {
                if (pts.get(i)[0] == cores && res.get(i).throughputRps() >= frac * best.get(cores)) {
                    out.add("derived", cores + "core", "saturation_entries", pts.get(i)[1]);
                    break;
                }
            }
        }
        if (perPage < 1) throw new IllegalStateException("entries_per_page < 1");
    }
}
