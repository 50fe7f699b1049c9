package org.syscalllab.papers.flexsc;

import java.util.ArrayList;
import java.util.List;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.experiment.TidyRows;

/**
 * Server throughput against concurrency, NPTL versus FlexSC-Threads, on 1, 2 and 4 cores: Figure 11 (Apache),
 * Figure 14 (MySQL) and the BIND result of §7. Each point is a closed loop of {@code clients} concurrent requests run on
 * {@link ServerSim}. Besides throughput the experiment emits FlexSC's improvement per point and its largest
 * improvement per core count (series {@code derived}, x = {@code <n>core}).
 */
public final class ServerThroughput implements Experiment {
    private final String id;
    private final String workload;
    private final List<Long> defaultCores;
    private final List<Long> defaultClients;

    ServerThroughput(String id, String workload, List<Long> cores, List<Long> clients) {
        this.id = id;
        this.workload = workload;
        this.defaultCores = cores;
        this.defaultClients = clients;
    }

    @Override public String id() { return id; }

    @Override public String title() { return workload + " throughput, Linux/NPTL vs FlexSC, by concurrency and cores"; }

    @Override public String xParameter() { return "clients"; }

    @Override
    public List<Param> parameters() {
        List<Param> ps = ServerSetup.common();
        ps.add(Param.ofIntList("cores", defaultCores, 1, 4, "cores", "core counts"));
        ps.add(Param.ofIntList("clients", defaultClients, 1, 100_000, "requests", "concurrent requests (closed loop)"));
        return ps;
    }

    private record Point(int cores, int clients, ServerSim.Mode mode) { }

    @Override
    public void run(Params p, RunContext ctx, TidyRows out) {
        ServerWorkload w = ServerWorkload.byName(workload);
        List<Point> pts = new ArrayList<>();
        for (long c : p.getLongList("cores")) {
            for (long n : p.getLongList("clients")) {
                for (ServerSim.Mode m : ServerSim.Mode.values()) pts.add(new Point((int) c, (int) n, m));
            }
        }
        List<ServerSim.Stats> res = ctx.sweep(pts, (pt, c) -> ServerSetup.run(p, c, w, pt.mode(), pt.cores(), pt.clients()));
        for (int i = 0; i < pts.size(); i++) {
            ServerSetup.requireCompleted(p, res.get(i), pts.get(i).mode(), pts.get(i).cores(), pts.get(i).clients());
        }
        java.util.Map<Integer, Double> best = new java.util.TreeMap<>();
        for (int i = 0; i < pts.size(); i += 2) {
            Point pt = pts.get(i);
            ServerSim.Stats s = res.get(i);
            ServerSim.Stats f = res.get(i + 1);
            String suffix = "_" + pt.cores() + "core";
            out.add("sync" + suffix, pt.clients(), "throughput_rps", s.throughputRps());
            out.add("flexsc" + suffix, pt.clients(), "throughput_rps", f.throughputRps());
            out.add("sync" + suffix, pt.clients(), "idle_pct", s.idlePct());
            out.add("flexsc" + suffix, pt.clients(), "idle_pct", f.idlePct());
            double imp = 100 * (f.throughputRps() / s.throughputRps() - 1);
            out.add("flexsc" + suffix, pt.clients(), "improvement_pct", imp);
            best.merge(pt.cores(), imp, Math::max);
        }
        double lo = Double.POSITIVE_INFINITY;
        for (var e : best.entrySet()) {
            out.add("derived", e.getKey() + "core", "max_improvement_pct", e.getValue());
        }
        // the smallest and largest improvement over the concurrency sweep on the largest core count (BIND's range)
        int maxCores = best.keySet().stream().mapToInt(Integer::intValue).max().orElse(1);
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < pts.size(); i += 2) {
            if (pts.get(i).cores() != maxCores) continue;
            double imp = 100 * (res.get(i + 1).throughputRps() / res.get(i).throughputRps() - 1);
            lo = Math.min(lo, imp);
            hi = Math.max(hi, imp);
        }
        out.add("derived", maxCores + "core", "min_improvement_pct", lo);
        // how much FlexSC's best gain grows from the fewest to the most cores (percentage points)
        int minCores = best.keySet().stream().mapToInt(Integer::intValue).min().orElse(1);
        out.add("derived", minCores + "to" + maxCores + "core", "gain_growth_pts", best.get(maxCores) - best.get(minCores));
        // the concurrency at which each system peaks (the first core count)
        for (ServerSim.Mode m : ServerSim.Mode.values()) {
            int c0 = pts.get(0).cores();
            double bestT = -1;
            int at = 0;
            for (int i = 0; i < pts.size(); i++) {
                Point pt = pts.get(i);
                if (pt.cores() == c0 && pt.mode() == m && res.get(i).throughputRps() > bestT) {
                    bestT = res.get(i).throughputRps();
                    at = pt.clients();
                }
            }
            out.add(m == ServerSim.Mode.SYNC ? "sync" : "flexsc", c0 + "core", "peak_clients", at);
        }
    }

    /** Default sweeps are coarse so that a run takes seconds; add points with the {@code clients} parameter. */
    static List<ServerThroughput> all() {
        return List.of(
                new ServerThroughput("flexsc.fig11", "apache", List.of(1L, 2L, 4L), List.of(1L, 64L, 512L)),
                new ServerThroughput("flexsc.fig14", "mysql", List.of(1L, 2L, 4L), List.of(1L, 16L, 64L, 256L, 512L)),
                new ServerThroughput("flexsc.bind", "bind", List.of(4L), List.of(1L, 32L, 512L)));
    }
}
