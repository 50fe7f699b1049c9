package org.syscalllab.papers.multicall;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.experiment.TidyRows;
import org.syscalllab.hw.Platform;
import org.syscalllab.hw.Platforms;
import org.syscalllab.mech.CallRequest;
import org.syscalllab.mech.SyncTrap;

/**
 * MC Table 2: getpid, gettimeofday, and read and write with null parameters on five platforms, each call bracketed by
 * two gettimeofday calls of 1 µs resolution (the overhead, two back-to-back gettimeofday, is not deducted). Each call
 * is priced on the platform's preset (entry, exit, clock) with the Linux 2.4 path lengths; the measurement is
 * replayed: the interval read from a 1 µs clock, with the start's phase inside the tick drawn from a seeded stream,
 * averaged over the repetitions. Derived rows rank the platforms by their mean over the four calls (1 = fastest).
 */
public final class Table2Platforms implements Experiment {
    static final List<String> PLATFORMS = List.of("mc-sun-e450", "mc-ipaq-strongarm", "mc-skiff-strongarm",
            "mc-pentium2-266-laptop", "mc-pentium3-650-desktop");
    static final List<String> CALLS = List.of("getpid", "gettimeofday", "read", "write");
    /** ASSUMPTION: read/write with null parameters fail early (bad descriptor or buffer): a short path. */
    static final long NULL_IO_INSTRUCTIONS = 120;

    @Override public String id() { return "multicall.table2"; }

    @Override public String title() { return "System call timing across platforms (µs, gettimeofday bracketing)"; }

    @Override public String xParameter() { return "platform"; }

    @Override public List<Param> parameters() {
        List<Param> ps = new ArrayList<>();
        ps.add(Param.ofInt("repetitions", 1000, 1, 10_000_000, "", "measurements averaged per call"));
        ps.add(Param.ofDouble("clock_resolution_us", 1.0, 0.001, 1000, "µs", "gettimeofday resolution (MC: microseconds)"));
        ps.addAll(McParams.costs());
        return ps;
    }

    @Override public void run(Params p, RunContext ctx, TidyRows out) {
        CostInputs in = McParams.inputs(p);
        Linux24Paths paths = Linux24Paths.linux24();
        int reps = p.getInt("repetitions");
        double res = p.getDouble("clock_resolution_us");
        double[] mean = new double[PLATFORMS.size()];
        RandomGenerator rng = ctx.stream("tick-phase");
        for (int i = 0; i < PLATFORMS.size(); i++) {
            Platform pl = Platforms.byName(PLATFORMS.get(i));
            PathCostModel costs = new PathCostModel(pl, in, 1, 0);
            double gtodUs = us(pl, costs, new CallRequest("gettimeofday", paths.instructions("gettimeofday", 0), 0, 8, true, false));
            double sum = 0;
            for (String call : CALLS) {
                long k = call.equals("read") || call.equals("write") ? NULL_IO_INSTRUCTIONS : paths.instructions(call, 0);
                long bytes = call.equals("gettimeofday") ? 8 : 0;
                double callUs = us(pl, costs, new CallRequest(call, k, 0, bytes, true, false));
                double m = measure(callUs + gtodUs, res, reps, rng);
                out.add("sync", PLATFORMS.get(i) + ":" + call, "time_ns_per_call", 1000 * m);
                sum += m;
            }
            out.add("sync", PLATFORMS.get(i) + ":overhead", "time_ns_per_call", 1000 * measure(gtodUs, res, reps, rng));
            mean[i] = sum / CALLS.size();
        }
        for (int i = 0; i < PLATFORMS.size(); i++) {
            int rank = 1;
            for (int j = 0; j < PLATFORMS.size(); j++) if (mean[j] < mean[i] || (mean[j] == mean[i] && j < i)) rank++;
            out.add("derived", PLATFORMS.get(i), "mean_time_rank", rank);
        }
    }

    private static double us(Platform pl, PathCostModel costs, CallRequest c) {
        return pl.seconds(new SyncTrap().execute(List.of(c), costs).totalCycles()) * 1e6;
    }

    /** Mean interval read from a clock of the given resolution when the true interval is d (µs). */
    static double measure(double d, double res, int reps, RandomGenerator rng) {
        double sum = 0;
        for (int r = 0; r < reps; r++) {
            double start = rng.nextDouble() * res;
            sum += (Math.floor((start + d) / res) - Math.floor(start / res)) * res;
        }
        return sum / reps;
    }
}
