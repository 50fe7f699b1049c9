package org.syscalllab.papers.clustercalls;

import java.util.ArrayList;
import java.util.List;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.experiment.TidyRows;

/**
 * Table 6.5: mean total processing time (connect to the end of the response, which ApacheBench sees when the server
 * closes the connection) and mean latency (request sent to first response byte) of the five models.
 */
final class Table6_5 implements Experiment {
    @Override public String id() { return "clustercalls.table6_5"; }

    @Override public String title() { return "Web-server total processing time and latency"; }

    @Override public String xParameter() { return "concurrency"; }

    @Override public List<Param> parameters() {
        List<Param> ps = new ArrayList<>();
        ps.add(Param.ofIntList("concurrency", List.of(1L, 400L, 800L, 1200L, 1600L, 2000L), 1, 20_000, "requests",
                "ApacheBench concurrency levels (Table 6.5's columns)"));
        ps.add(Param.ofInt("requests", 20_000, 1, 10_000_000, "requests",
                "ASSUMPTION: requests per point (not stated in the thesis)"));
        ps.addAll(WebServerRuns.modelParams());
        ps.addAll(CostParams.declare());
        return ps;
    }

    @Override public void run(Params p, RunContext ctx, TidyRows out) {
        List<Integer> cs = WebServerRuns.ints(p.getLongList("concurrency"));
        for (WebServerRuns.Run r : WebServerRuns.sweep(p, ctx, WebServerRuns.models(p), cs, p.getLong("requests"))) {
            out.add(r.model(), r.concurrency(), "processing_ms", r.outcome().totalMs());
            out.add(r.model(), r.concurrency(), "latency_ms", r.outcome().latencyMs());
            out.add(r.model(), r.concurrency(), "throughput_rps", r.outcome().throughputRps());
        }
    }
}
