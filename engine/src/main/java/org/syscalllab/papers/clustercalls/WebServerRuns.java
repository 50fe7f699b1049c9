package org.syscalllab.papers.clustercalls;

import java.util.ArrayList;
import java.util.List;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.mech.ClusterCallCosts;
import org.syscalllab.mech.ClusterCallPoolSpec;

/**
 * The web-server configurations of Tables 6.3 and 6.4 as parameters, and runs of the five models (dedicated thread,
 * thread pool, completion port, cluster calls with the normal and with the small WaitSome setting) at several
 * concurrency levels, in parallel with per-point seeds.
 */
final class WebServerRuns {
    static final List<String> MODELS = List.of("dedicated_thread", "thread_pool", "completion_port", "cluster_call", "cluster_call_small");

    private WebServerRuns() { }

    static List<Param> modelParams() {
        List<Param> ps = new ArrayList<>();
        ps.add(Param.ofText("models", String.join(",", MODELS), "models to run, comma-separated: " + String.join(", ", MODELS)));
        ps.add(Param.ofInt("pool_threads", 200, 1, 10_000, "threads", "thread-pool size (Table 6.3)"));
        ps.add(Param.ofInt("iocp_threads", 20, 1, 10_000, "threads", "completion-port model threads (Table 6.3)"));
        ps.add(Param.ofInt("port_concurrency", 3, 1, 64, "", "receive-port concurrency of the conventional models (Table 6.3)"));
        ps.add(Param.ofInt("fibers", 1024, 1, ClusterCallPoolSpec.MAX_PENDING, "", "fibers of the cluster-call client (Table 6.3)"));
        ps.add(Param.ofInt("accept_pool_workers", 10, 1, 64, "", "pool 1 (NtRemoveIoCompletion) workers (Table 6.4)"));
        ps.add(Param.ofInt("io_pool_workers", 40, 1, 64, "", "pool 2 (file and network calls) workers (Table 6.4)"));
        ps.add(Param.ofInt("pool_concurrency", 1, 1, 64, "", "concurrency of both pools (Table 6.4)"));
        ps.add(Param.ofIntList("accept_pool_cores", List.of(2L), 1, 4, "", "pool 1 affinity (Table 6.4: core 2)"));
        ps.add(Param.ofIntList("io_pool_cores", List.of(3L), 1, 4, "", "pool 2 affinity (Table 6.4: core 3)"));
        ps.add(Param.ofInt("wait_limit", 1000, 1, 1024, "calls", "WaitSome limit, normal setting (§6.3.2)"));
        ps.add(Param.ofDouble("wait_timeout_ms", 14, 0.001, 10_000, "ms", "WaitSome timeout, normal setting (§6.3.2)"));
        ps.add(Param.ofInt("small_wait_limit", 400, 1, 1024, "calls", "WaitSome limit, small setting (§6.3.2)"));
        ps.add(Param.ofDouble("small_wait_timeout_ms", 4, 0.001, 10_000, "ms", "WaitSome timeout, small setting (§6.3.2)"));
        ps.add(Param.ofDouble("timer_tick_ms", ThesisInputs.NT_CLOCK_TICK_MS, 0, 100, "ms", "ASSUMPTION: timeout granularity, NT's default clock tick (0 = exact)"));
        ps.add(Param.ofChoice("wait_count", ThesisInputs.WAIT_COUNTS_CLIENT_WIDE ? "client" : "pool", List.of("pool", "client"), "ASSUMPTION: what a WaitSome limit counts: every finished call of the client (its reply queue) or only the pool's own"));
        ps.addAll(WebCosts.declare());
        return ps;
    }

    /** What one run measured, with the cluster-call batch statistics where they apply. */
    record Run(String model, int concurrency, WebBench.Outcome outcome, double meanBatch) { }

    static List<String> models(Params p) {
        List<String> out = new ArrayList<>();
        for (String m : p.getString("models").split("[,\\s]+")) {
            if (m.isEmpty()) continue;
            if (!MODELS.contains(m)) throw new IllegalArgumentException("models: '" + m + "' is not a model; allowed: " + String.join(", ", MODELS));
            out.add(m);
        }
        if (out.isEmpty()) throw new IllegalArgumentException("models: name at least one of " + String.join(", ", MODELS));
        return out;
    }

    static List<Run> sweep(Params p, RunContext ctx, List<String> models, List<Integer> concurrency, long requests) {
        record Point(String model, int c) { }
        List<Point> pts = new ArrayList<>();
        for (String m : models) for (int c : concurrency) pts.add(new Point(m, c));
        return ctx.sweep(pts, (pt, pc) -> run(p, pt.model(), pt.c(), requests, pc));
    }

    static Run run(Params p, String model, int concurrency, long requests, RunContext ctx) {
        ClusterCallCosts k = CostParams.costs(p);
        double ghz = p.getDouble("clock_ghz");
        WebCosts w = WebCosts.of(p);
        boolean cluster = model.startsWith("cluster_call");
        WebBench b = new WebBench(ctx.newSimulation(), k, ghz, w, concurrency, requests,
                cluster ? Integer.MAX_VALUE / 2 : p.getInt("port_concurrency"), cluster ? List.of(1) : List.of(1, 2, 3));
        WebBench.IoModel m;
        ClusterCallServer cs = null;
        switch (model) {
            case "dedicated_thread" -> m = new DedicatedThreadServer();
            case "thread_pool" -> m = new ThreadPoolServer(p.getInt("pool_threads"));
            case "completion_port" -> m = new CompletionPortServer(p.getInt("iocp_threads"));
            case "cluster_call", "cluster_call_small" -> {
                boolean small = model.equals("cluster_call_small");
                int limit = p.getInt(small ? "small_wait_limit" : "wait_limit");
                long timeoutNs = Math.round(p.getDouble(small ? "small_wait_timeout_ms" : "wait_timeout_ms") * 1e6);
                int conc = p.getInt("pool_concurrency");
                int aw = p.getInt("accept_pool_workers"), iw = p.getInt("io_pool_workers");
                List<ClusterCallPoolSpec> pools = List.of(
                        ClusterCallPoolSpec.waitSome(aw, ints(p.getLongList("accept_pool_cores")), Math.min(conc, aw), limit, timeoutNs),
                        ClusterCallPoolSpec.waitSome(iw, ints(p.getLongList("io_pool_cores")), Math.min(conc, iw), limit, timeoutNs));
                cs = new ClusterCallServer(model, p.getInt("fibers"), pools, Math.round(p.getDouble("timer_tick_ms") * 1e6 * ghz),
                        p.getString("wait_count").equals("client"));
                m = cs;
            }
            default -> throw new IllegalArgumentException("unknown model " + model);
        }
        WebBench.Outcome o = b.run(m);
        double batch = cs == null || cs.batches() == 0 ? 1 : (double) o.applicationCalls() / Math.max(1, o.crossings());
        return new Run(model, concurrency, o, batch);
    }

    static List<Integer> ints(List<Long> l) {
        List<Integer> out = new ArrayList<>();
        for (long v : l) out.add((int) v);
        return out;
    }
}
