package org.syscalllab.papers.whatif;

import java.util.ArrayList;
import java.util.List;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.experiment.TidyRows;
import org.syscalllab.papers.flexsc.ServerModel;

/**
 * {@code whatif.modern}: FlexSC's Apache and MySQL experiments (Figures 11 and 14, one saturating point each) run
 * unchanged on the modern server core without and with the Meltdown mitigations, NPTL against FlexSC-Threads. The
 * server model is FlexSC's own ({@link ServerModel}); only the machine changes. x is the platform; series are
 * {@code <workload>_sync} and {@code <workload>_flexsc}; series {@code derived} gives, per workload, how many points
 * the mitigations add to FlexSC's improvement.
 */
public final class ModernServersExperiment implements Experiment {
    static final String ID = "whatif.modern";
    private static final List<String> WORKLOADS = List.of("apache", "mysql");

    @Override public String id() { return ID; }

    @Override public String title() { return "FlexSC's Apache and MySQL on a modern core, before and after the Meltdown mitigations"; }

    @Override public String description() {
        return "FlexSC's server model (NPTL threads with synchronous calls vs FlexSC-Threads with exception-less calls) "
                + "on the modern Skylake-SP preset without and with kernel page-table isolation. Throughput, latency, IPC "
                + "and idle time come out of the simulation; only the machine differs from Figures 11 and 14.";
    }

    @Override public String xParameter() { return "platform"; }

    @Override
    public List<Param> parameters() {
        List<Param> p = new ArrayList<>(ServerModel.parameters());
        p.add(Param.ofText("workloads", "apache,mysql", "servers to run, comma-separated: apache, mysql"));
        p.add(Param.ofInt("cores", 4, 1, 8, "cores", "cores used (FlexSC's machine had 4; the modern preset has 8)"));
        p.add(Param.ofInt("apache_clients", 512, 1, 100_000, "requests",
                "Apache's concurrent requests (the top of FlexSC Fig. 11's sweep)"));
        p.add(Param.ofInt("mysql_clients", 256, 1, 100_000, "requests",
                "MySQL's concurrent requests (FlexSC Figs. 14-15 use up to 256)"));
        p.add(Param.ofBool("include_flexsc_machine", false, "also run FlexSC's own machine (flexsc-nehalem) as the reference"));
        return p;
    }

    static List<String> workloads(Params p) {
        List<String> l = new ArrayList<>();
        for (String t : p.getString("workloads").split(",")) {
            String w = t.trim();
            if (w.isEmpty()) continue;
            if (!WORKLOADS.contains(w) || l.contains(w)) {
                throw new IllegalArgumentException("workloads = " + p.getString("workloads") + " is not allowed; allowed: distinct names from " + WORKLOADS);
            }
            l.add(w);
        }
        if (l.isEmpty()) throw new IllegalArgumentException("workloads = " + p.getString("workloads") + " is not allowed; allowed: at least one of " + WORKLOADS);
        return l;
    }

    private record Point(String workload, String platform, boolean flexsc) { }

    @Override
    public void run(Params p, RunContext ctx, TidyRows out) {
        List<String> plats = new ArrayList<>();
        if (p.getBool("include_flexsc_machine")) plats.add("flexsc-nehalem");
        plats.add("modern-skylake-sp");
        plats.add("modern-skylake-sp-kpti");
        int cores = p.getInt("cores");
        if (plats.contains("flexsc-nehalem") && cores > Knobs.platform("flexsc-nehalem").cores()) {
            throw new IllegalArgumentException("cores = " + cores + " is not allowed with include_flexsc_machine; allowed: [1, "
                    + Knobs.platform("flexsc-nehalem").cores() + "]");
        }
        List<Point> pts = new ArrayList<>();
        for (String w : workloads(p)) {
            for (String pl : plats) {
                pts.add(new Point(w, pl, false));
                pts.add(new Point(w, pl, true));
            }
        }
        List<ServerModel.Outcome> res = ctx.sweep(pts, (pt, c) -> ServerModel.run(p, c, Knobs.platform(pt.platform()),
                pt.workload(), pt.flexsc(), cores, p.getInt(pt.workload() + "_clients")));
        for (int i = 0; i < pts.size(); i += 2) {
            Point pt = pts.get(i);
            ServerModel.Outcome s = res.get(i);
            ServerModel.Outcome f = res.get(i + 1);
            for (var e : List.of(java.util.Map.entry("_sync", s), java.util.Map.entry("_flexsc", f))) {
                String series = pt.workload() + e.getKey();
                ServerModel.Outcome o = e.getValue();
                out.add(series, pt.platform(), "throughput_rps", o.throughputRps());
                out.add(series, pt.platform(), "latency_ms", o.latencyMs());
                out.add(series, pt.platform(), "user_ipc", o.userIpc());
                out.add(series, pt.platform(), "kernel_ipc", o.kernelIpc());
                out.add(series, pt.platform(), "idle_pct", o.idlePct());
            }
            out.add(pt.workload() + "_flexsc", pt.platform(), "improvement_pct", 100 * (f.throughputRps() / s.throughputRps() - 1));
        }
        for (int i = 0; i < pts.size(); i += 2 * plats.size()) {
            int k = plats.size() - 2; // the unmitigated modern core; the mitigated one follows it
            double pre = 100 * (res.get(i + 2 * k + 1).throughputRps() / res.get(i + 2 * k).throughputRps() - 1);
            double post = 100 * (res.get(i + 2 * k + 3).throughputRps() / res.get(i + 2 * k + 2).throughputRps() - 1);
            out.add("derived", pts.get(i).workload() + "_kpti_minus_unmitigated", "improvement_growth_pts", post - pre);
        }
    }
}
