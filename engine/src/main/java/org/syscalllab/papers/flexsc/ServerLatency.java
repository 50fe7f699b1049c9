package org.syscalllab.papers.flexsc;

import java.util.ArrayList;
import java.util.List;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.experiment.TidyRows;

/**
 * Mean request latency with 256 concurrent requests, NPTL versus FlexSC, on 1, 2 and 4 cores: Figure 13 (Apache) and
 * Figure 15 (MySQL). Latency is measured per request (from the client's send to the last call of the request), and
 * the ratio FlexSC/NPTL is emitted per core count.
 */
public final class ServerLatency implements Experiment {
    private final String id;
    private final String workload;

    ServerLatency(String id, String workload) {
        this.id = id;
        this.workload = workload;
    }

    @Override public String id() { return id; }

    @Override public String title() { return workload + " mean request latency, Linux/NPTL vs FlexSC, 256 concurrent requests"; }

    @Override public String xParameter() { return "cores"; }

    @Override
    public List<Param> parameters() {
        List<Param> ps = ServerSetup.common();
        ps.add(Param.ofIntList("cores", List.of(1L, 2L, 4L), 1, 4, "cores", "core counts"));
        ps.add(Param.ofInt("clients", 256, 1, 100_000, "requests", "concurrent requests"));
        return ps;
    }

    @Override
    public void run(Params p, RunContext ctx, TidyRows out) {
        ServerWorkload w = ServerWorkload.byName(workload);
        List<int[]> pts = new ArrayList<>();
        for (long c : p.getLongList("cores")) for (ServerSim.Mode m : ServerSim.Mode.values()) pts.add(new int[] {(int) c, m.ordinal()});
        int clients = p.getInt("clients");
        List<ServerSim.Stats> res = ctx.sweep(pts, (pt, c) -> ServerSetup.run(p, c, w, ServerSim.Mode.values()[pt[1]], pt[0], clients));
        for (int i = 0; i < pts.size(); i++) {
            ServerSetup.requireCompleted(p, res.get(i), ServerSim.Mode.values()[pts.get(i)[1]], pts.get(i)[0], clients);
        }
        for (int i = 0; i < pts.size(); i += 2) {
            int cores = pts.get(i)[0];
            out.add("sync", cores, "latency_ms", res.get(i).latencyMs());
            out.add("flexsc", cores, "latency_ms", res.get(i + 1).latencyMs());
            out.add("flexsc", cores, "latency_ratio", res.get(i + 1).latencyMs() / res.get(i).latencyMs());
        }
    }

    static List<ServerLatency> all() {
        return List.of(new ServerLatency("flexsc.fig13", "apache"), new ServerLatency("flexsc.fig15", "mysql"));
    }
}
