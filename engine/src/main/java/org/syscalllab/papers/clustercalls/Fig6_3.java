package org.syscalllab.papers.clustercalls;

import java.util.ArrayList;
import java.util.List;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.experiment.TidyRows;

/**
 * Figure 6.3: web-server throughput against ApacheBench's concurrency for the four I/O models, cluster calls with the
 * normal (1000 calls, 14 ms) and the small (400 calls, 4 ms) WaitSome setting.
 */
final class Fig6_3 implements Experiment {
    @Override public String id() { return "clustercalls.fig6_3"; }

    @Override public String title() { return "Web-server throughput vs request concurrency"; }

    @Override public String description() {
        return "ApacheBench on core 4 keeps c requests for a 4,729-byte static page in flight; the server on cores 1-3 "
                + "uses a dedicated thread per request, a 200-thread pool, a completion port with 20 threads, or one "
                + "cluster-call client with 1024 fibers and two worker pools (Tables 6.3, 6.4).";
    }

    @Override public String xParameter() { return "concurrency"; }

    @Override public List<Param> parameters() {
        List<Param> ps = new ArrayList<>();
        ps.add(Param.ofIntList("concurrency", List.of(1L, 200L, 400L, 800L, 1200L, 1600L, 2000L), 1, 20_000, "requests",
                "ApacheBench concurrency levels (-c)"));
        ps.add(Param.ofInt("requests", 20_000, 1, 10_000_000, "requests",
                "ASSUMPTION: requests per point (the thesis does not state it for the sweep; 200,000 for Fig. 6.4)"));
        ps.addAll(WebServerRuns.modelParams());
        ps.addAll(CostParams.declare());
        return ps;
    }

    @Override public void run(Params p, RunContext ctx, TidyRows out) {
        List<Integer> cs = WebServerRuns.ints(p.getLongList("concurrency"));
        List<WebServerRuns.Run> runs = WebServerRuns.sweep(p, ctx, WebServerRuns.models(p), cs, p.getLong("requests"));
        for (WebServerRuns.Run r : runs) out.add(r.model(), r.concurrency(), "throughput_rps", r.outcome().throughputRps());
        // rank by throughput at each concurrency (1 = highest); tied models share the mean of their places
        for (WebServerRuns.Run r : runs) {
            double rank = 1;
            for (WebServerRuns.Run o : runs) {
                if (o == r || o.concurrency() != r.concurrency()) continue;
                double a = o.outcome().throughputRps(), b = r.outcome().throughputRps();
                if (a > b) rank += 1;
                else if (a == b) rank += 0.5;
            }
            out.add(r.model(), r.concurrency(), "rank", rank);
        }
        // normal minus small cluster-call throughput, averaged over the points above the normal WaitSome limit
        double sum = 0;
        int n = 0;
        for (WebServerRuns.Run a : runs) {
            if (!a.model().equals("cluster_call") || a.concurrency() <= p.getInt("wait_limit")) continue;
            for (WebServerRuns.Run b : runs) {
                if (b.model().equals("cluster_call_small") && b.concurrency() == a.concurrency()) {
                    sum += a.outcome().throughputRps() - b.outcome().throughputRps();
                    n++;
                }
            }
        }
        if (n > 0) out.add("derived", "above_limit", "normal_minus_small_rps", sum / n);
    }
}
