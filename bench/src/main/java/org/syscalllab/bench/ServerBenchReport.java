package org.syscalllab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.syscalllab.experiment.Lab;

/** Runs {@link ServerBenchmark} and prints simulated seconds per host second against the goal of 1. */
final class ServerBenchReport {
    private ServerBenchReport() { }

    static void run(boolean quick) throws RunnerException {
        Options opt = new OptionsBuilder()
                .include(ServerBenchmark.class.getName() + "\\.")
                .warmupIterations(quick ? 3 : 6)
                .warmupTime(TimeValue.seconds(quick ? 2 : 4))
                .measurementIterations(quick ? 3 : 6)
                .measurementTime(TimeValue.seconds(quick ? 2 : 4))
                .forks(1)
                .verbosity(VerboseMode.SILENT)
                .build();
        System.err.println("[bench] FlexSC Apache server, 4 cores, 512 requests, NPTL + FlexSC, fast cache model, one thread, "
                + (quick ? "quick" : "full") + " run");
        double sim = ServerBenchmark.simulatedSeconds();
        System.out.println(String.format(Locale.ROOT, "%-22s %12s %10s %14s", "run", "ms/run", "± error", "sim-s/host-s"));
        for (RunResult r : new Runner(opt).run()) {
            double ms = r.getPrimaryResult().getScore();
            double err = r.getPrimaryResult().getScoreError();
            double rate = sim / (ms / 1e3);
            System.out.println(String.format(Locale.ROOT, "%-22s %12.1f %10.1f %14.3f %s", "apache 4 cores (" + String.format(Locale.ROOT, "%.3f", sim) + " sim-s)",
                    ms, err, rate, rate >= 1 ? "(goal >= 1: met)" : "(goal >= 1: NOT met)"));
        }
        cpuTime(sim, quick ? 8 : 16);
    }

    /**
     * The same run timed by this thread's CPU time instead of wall time (the JMH score above counts time the thread
     * waited for a core, which on a shared machine can be most of it): the median over {@code runs} runs after as
     * many warm-up runs.
     */
    private static void cpuTime(double sim, int runs) {
        ThreadMXBean tb = ManagementFactory.getThreadMXBean();
        if (!tb.isCurrentThreadCpuTimeSupported()) return;
        org.syscalllab.experiment.Runner runner = Lab.runner().withCache(false).withThreads(1);
        double[] rate = new double[runs];
        for (int i = 0; i < 2 * runs; i++) {
            long t0 = tb.getCurrentThreadCpuTime();
            runner.run(ServerBenchmark.EXPERIMENT, ServerBenchmark.SETTINGS);
            long t1 = tb.getCurrentThreadCpuTime();
            if (i >= runs) rate[i - runs] = sim / ((t1 - t0) / 1e9);
        }
        Arrays.sort(rate);
        double median = (rate[(runs - 1) / 2] + rate[runs / 2]) / 2;
        System.out.println(String.format(Locale.ROOT, "%-22s %12s %10s %14.3f %s", "same, by CPU time", "", "",
                median, String.format(Locale.ROOT, "(median of %d runs, range %.3f..%.3f)", runs, rate[0], rate[runs - 1])));
    }
}
