package org.syscalllab.papers.whatif;

import java.util.ArrayList;
import java.util.List;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.experiment.TidyRows;
import org.syscalllab.hw.Platform;

/**
 * {@code whatif.sqpoll}: an io_uring event-driven server with and without a SQPOLL kernel poller, swept over the
 * poller's idle timeout. Series: {@code io_uring} (no poller, one enter per iteration, the baseline),
 * {@code sqpoll} (the poller pinned on a spare core beside the {@code cores} loops), {@code sqpoll_scarce} (the poller
 * takes one of the {@code cores}: one loop fewer, or sharing the only core) and {@code sqpoll_unpinned} (the poller
 * shares loop 0's core). Series {@code derived} gives SQPOLL's throughput gain over io_uring under a saturating load,
 * with a spare core and with scarce cores.
 */
public final class SqpollExperiment implements Experiment {
    static final String ID = "whatif.sqpoll";

    @Override public String id() { return ID; }

    @Override public String title() { return "io_uring SQPOLL: poller idle timeout and pinning vs throughput and CPU spent"; }

    @Override public String description() {
        return "Event loops serve closed-loop connections through io_uring; a SQPOLL kernel thread polls every ring, sleeps "
                + "after its idle timeout and must then be woken by an io_uring_enter. Compares a poller on a spare core, "
                + "on one of the application's cores, and unpinned, against plain io_uring.";
    }

    @Override public String xParameter() { return "idle_timeout_us"; }

    @Override
    public List<Param> parameters() {
        List<Param> p = new ArrayList<>(Knobs.common("modern-skylake-sp-kpti"));
        p.add(Param.ofDoubleList("idle_timeout_us", List.of(1.0, 10.0, 100.0, 1000.0, 10000.0), 0, 1e7, "us",
                "the poller's idle timeout (sq_thread_idle), the x of the sweep"));
        p.add(Param.ofInt("cores", 1, 1, 64, "", "application cores available (one event loop each)"));
        p.add(Param.ofInt("connections", 8, 1, 100_000, "", "closed-loop connections in the sweep"));
        p.add(Param.ofInt("derived_connections", 64, 1, 100_000, "",
                "connections for the derived gains (enough to saturate the cores)"));
        return p;
    }

    private record Point(String series, double timeoutUs, int connections) { }

    @Override
    public void run(Params p, RunContext ctx, TidyRows out) {
        Platform platform = Knobs.platform(p.getString("platform"));
        List<Double> timeouts = p.getDoubleList("idle_timeout_us");
        int conns = p.getInt("connections");
        List<Point> points = new ArrayList<>();
        for (String s : List.of("io_uring", "sqpoll", "sqpoll_scarce", "sqpoll_unpinned")) {
            for (double t : timeouts) points.add(new Point(s, t, conns));
        }
        double longest = timeouts.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        int dc = p.getInt("derived_connections");
        for (String s : List.of("io_uring", "sqpoll", "sqpoll_scarce")) points.add(new Point(s, longest, dc));
        List<EventLoopServer.Outcome> res = ctx.sweep(points, (pt, pc) -> simulate(p, platform, pt, pc));
        int n = timeouts.size() * 4;
        for (int i = 0; i < n; i++) {
            Point pt = points.get(i);
            EventLoopServer.Outcome o = res.get(i);
            out.add(pt.series(), pt.timeoutUs(), "throughput_rps", o.throughputRps());
            out.add(pt.series(), pt.timeoutUs(), "latency_ms", o.latencyMs());
            out.add(pt.series(), pt.timeoutUs(), "cores_busy", o.coresBusy());
            out.add(pt.series(), pt.timeoutUs(), "cpu_us_per_request", o.cpuMicrosPerRequest());
            out.add(pt.series(), pt.timeoutUs(), "kernel_crossings", o.crossingsPerRequest());
            out.add(pt.series(), pt.timeoutUs(), "spin_pct", o.spinPct());
            out.add(pt.series(), pt.timeoutUs(), "poller_wakeups", o.pollerWakeups());
            out.add(pt.series(), pt.timeoutUs(), "cq_overflows", o.cqOverflows());
        }
        double base = res.get(n).throughputRps();
        out.add("derived", "spare_core", "sqpoll_gain_pct", 100 * (res.get(n + 1).throughputRps() / base - 1));
        out.add("derived", "scarce_cores", "sqpoll_gain_pct", 100 * (res.get(n + 2).throughputRps() / base - 1));
    }

    private static EventLoopServer.Outcome simulate(Params p, Platform platform, Point pt, RunContext ctx) {
        int cores = p.getInt("cores");
        UringConfig uring = Knobs.uring(p, platform, pt.timeoutUs());
        ServerSpec spec = switch (pt.series()) {
            case "io_uring" -> Knobs.spec(p, platform, Version.IO_URING, cores, pt.connections(), uring, false);
            case "sqpoll" -> Knobs.spec(p, platform, Version.SQPOLL, cores, pt.connections(), uring, false);
            case "sqpoll_scarce" -> Knobs.spec(p, platform, Version.SQPOLL, Math.max(1, cores - 1), pt.connections(), uring, cores == 1);
            case "sqpoll_unpinned" -> Knobs.spec(p, platform, Version.SQPOLL, cores, pt.connections(), uring, true);
            default -> throw new AssertionError(pt.series());
        };
        return new EventLoopServer(ctx.newSimulation(), spec, Knobs.costs(p, platform)).run();
    }
}
