package org.syscalllab.bench;

import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

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
    }
}
