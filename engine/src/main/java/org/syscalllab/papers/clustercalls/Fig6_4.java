package org.syscalllab.papers.clustercalls;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.experiment.TidyRows;

/**
 * Figure 6.4 and the system-call count of §6.3.2: server CPU time for 200,000 requests at concurrency 2000, and for
 * each model the system calls the application made, the kernel crossings that carried them, the mean cluster-call
 * length and the crossings saved.
 */
final class Fig6_4 implements Experiment {
    @Override public String id() { return "clustercalls.fig6_4"; }

    @Override public String title() { return "Server CPU time and kernel crossings for 200,000 requests"; }

    @Override public String xParameter() { return "concurrency"; }

    @Override public List<Param> parameters() {
        List<Param> ps = new ArrayList<>();
        ps.add(Param.ofInt("concurrency", 2000, 1, 20_000, "requests", "ApacheBench concurrency (§6.3.2: 2000)"));
        ps.add(Param.ofInt("requests", 200_000, 1, 10_000_000, "requests", "requests (§6.3.2: 200,000)"));
        ps.addAll(WebServerRuns.modelParams());
        ps.addAll(CostParams.declare());
        return ps;
    }

    @Override public void run(Params p, RunContext ctx, TidyRows out) {
        int c = p.getInt("concurrency");
        List<WebServerRuns.Run> runs = WebServerRuns.sweep(p, ctx, WebServerRuns.models(p), List.of(c), p.getLong("requests"));
        Map<String, Double> cpu = new HashMap<>();
        for (WebServerRuns.Run r : runs) cpu.put(r.model(), r.outcome().cpuTimeS());
        if (cpu.containsKey("dedicated_thread") && cpu.size() > 1) {
            double others = 0;
            for (Map.Entry<String, Double> e : cpu.entrySet()) if (!e.getKey().equals("dedicated_thread")) others += e.getValue();
            others /= cpu.size() - 1;
            out.add("derived", c, "cpu_ratio_dedicated_to_others", cpu.get("dedicated_thread") / others);
        }
        if (cpu.containsKey("cluster_call") && cpu.containsKey("cluster_call_small")) {
            out.add("derived", c, "cpu_small_minus_normal_s", cpu.get("cluster_call_small") - cpu.get("cluster_call"));
        }
        for (WebServerRuns.Run r : runs) {
            WebBench.Outcome o = r.outcome();
            out.add(r.model(), c, "cpu_time_s", o.cpuTimeS());
            out.add(r.model(), c, "throughput_rps", o.throughputRps());
            out.add(r.model(), c, "syscalls", o.applicationCalls());
            out.add(r.model(), c, "kernel_crossings", o.crossings());
            out.add(r.model(), c, "batch_size", r.meanBatch());
            out.add(r.model(), c, "improvement_pct", 100.0 * (1 - (double) o.crossings() / o.applicationCalls()));
        }
    }
}
