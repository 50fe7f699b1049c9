package org.syscalllab.bench;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs {@link CacheBenchmark} and prints line accesses per host second against the 20 M/s goal. */
final class CacheBenchReport {
    private CacheBenchReport() { }

    static void run(boolean quick) throws RunnerException {
        Options opt = new OptionsBuilder()
                .include(CacheBenchmark.class.getName() + "\\.")
                .warmupIterations(quick ? 2 : 4)
                .warmupTime(TimeValue.milliseconds(quick ? 500 : 1000))
                .measurementIterations(quick ? 3 : 6)
                .measurementTime(TimeValue.milliseconds(quick ? 500 : 1000))
                .forks(1)
                .verbosity(VerboseMode.SILENT)
                .build();
        System.err.println("[bench] exact cache model (FlexSC Nehalem: d-TLB, L1d, L2, L3 with prefetch), " + (quick ? "quick" : "full") + " run");
        Collection<RunResult> results = new Runner(opt).run();
        System.out.println(String.format(Locale.ROOT, "%-12s %12s %10s %16s", "hot share", "ns/access", "± error", "M accesses/s"));
        for (RunResult r : results) {
            double ns = r.getPrimaryResult().getScore();
            double err = r.getPrimaryResult().getScoreError();
            double rate = 1e3 / ns;
            System.out.println(String.format(Locale.ROOT, "%-12s %12.2f %10.2f %16.1f %s", r.getParams().getParam("hotPercent") + " %", ns, err,
                    rate, rate >= 20 ? "(goal >= 20 M/s: met)" : "(goal >= 20 M/s: NOT met)"));
        }
    }
}
