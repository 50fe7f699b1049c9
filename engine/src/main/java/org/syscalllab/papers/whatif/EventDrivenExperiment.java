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
 * {@code whatif.eventdriven}: an epoll-style event-driven server (memcached-like or nginx-like), one event loop per
 * core, with synchronous calls, exception-less calls (a libflexsc-style library over FlexSC's syscall pages) or
 * io_uring, swept over the number of concurrent connections for 1-8 cores. Series are {@code <version>_<n>core}.
 * Series {@code derived} gives the exception-less and io_uring throughput gains over synchronous calls at a saturating
 * load on FlexSC's machine and on the modern core without and with the Meltdown mitigations, and how much the
 * mitigations grow them.
 */
public final class EventDrivenExperiment implements Experiment {
    static final String ID = "whatif.eventdriven";

    @Override public String id() { return ID; }

    @Override public String title() { return "Event-driven server: throughput and latency vs concurrency, sync vs exception-less vs io_uring, 1-8 cores"; }

    @Override public String description() {
        return "One event loop per core serves closed-loop connections; each request runs a handler and makes the "
                + "workload's system calls, each as a trap (sync, after one epoll_wait per iteration), posted to syscall "
                + "pages and run by syscall threads after one flexsc_wait (flexsc), or batched per io_uring_enter (io_uring). Throughput, latency and crossings come out of the simulation.";
    }

    @Override public String xParameter() { return "connections"; }

    @Override
    public List<Param> parameters() {
        List<Param> p = new ArrayList<>(Knobs.common("modern-skylake-sp-kpti"));
        p.add(Param.ofIntList("connections", List.of(1L, 4L, 16L, 64L, 256L), 1, 100_000, "",
                "concurrent closed-loop connections, the x of the sweep"));
        p.add(Param.ofIntList("cores", List.of(1L, 2L, 4L, 8L), 1, 64, "", "cores (one event loop each)"));
        p.add(Param.ofInt("gain_cores", 4, 1, 64, "", "cores of the derived gain comparison"));
        p.add(Param.ofInt("gain_connections", 256, 1, 100_000, "", "connections of the derived gain comparison (saturating)"));
        return p;
    }

    private record Point(String platform, Version version, int cores, int connections) { }

    @Override
    public void run(Params p, RunContext ctx, TidyRows out) {
        String plat = p.getString("platform");
        List<Point> points = new ArrayList<>();
        for (int c : p.getIntArray("cores")) {
            for (Version v : List.of(Version.SYNC, Version.FLEXSC, Version.IO_URING)) {
                for (int n : p.getIntArray("connections")) points.add(new Point(plat, v, c, n));
            }
        }
        int sweep = points.size();
        for (String pl : Knobs.PLATFORMS) {
            for (Version v : List.of(Version.SYNC, Version.FLEXSC, Version.IO_URING)) {
                points.add(new Point(pl, v, p.getInt("gain_cores"), p.getInt("gain_connections")));
            }
        }
        List<EventLoopServer.Outcome> res = ctx.sweep(points, (pt, pc) -> simulate(p, pt, pc));
        for (int i = 0; i < sweep; i++) {
            Point pt = points.get(i);
            EventLoopServer.Outcome o = res.get(i);
            String s = pt.version().series() + "_" + pt.cores() + "core";
            out.add(s, pt.connections(), "throughput_rps", o.throughputRps());
            out.add(s, pt.connections(), "latency_ms", o.latencyMs());
            out.add(s, pt.connections(), "kernel_crossings", o.crossingsPerRequest());
            out.add(s, pt.connections(), "cpu_us_per_request", o.cpuMicrosPerRequest());
            out.add(s, pt.connections(), "cq_overflows", o.cqOverflows());
        }
        double[] gain = new double[Knobs.PLATFORMS.size()];
        double[] fxGain = new double[Knobs.PLATFORMS.size()];
        for (int k = 0; k < gain.length; k++) {
            double sync = res.get(sweep + 3 * k).throughputRps();
            double flexsc = res.get(sweep + 3 * k + 1).throughputRps();
            double uring = res.get(sweep + 3 * k + 2).throughputRps();
            fxGain[k] = 100 * (flexsc / sync - 1);
            gain[k] = 100 * (uring / sync - 1);
            out.add("derived", Knobs.PLATFORMS.get(k), "flexsc_gain_pct", fxGain[k]);
            out.add("derived", Knobs.PLATFORMS.get(k), "uring_gain_pct", gain[k]);
        }
        out.add("derived", "kpti_minus_unmitigated", "flexsc_gain_growth_pct", fxGain[2] - fxGain[1]);
        out.add("derived", "kpti_minus_unmitigated", "uring_gain_growth_pct", gain[2] - gain[1]);
    }

    private static EventLoopServer.Outcome simulate(Params p, Point pt, RunContext ctx) {
        Platform platform = Knobs.platform(pt.platform());
        UringConfig uring = Knobs.uring(p, platform, 1000);
        ServerSpec spec = Knobs.spec(p, platform, pt.version(), pt.cores(), pt.connections(), uring, false);
        return new EventLoopServer(ctx.newSimulation(), spec, Knobs.costs(p, platform)).run();
    }
}
