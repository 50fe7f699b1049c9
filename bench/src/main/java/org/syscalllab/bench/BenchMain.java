package org.syscalllab.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * {@code ./lab bench [quick] [server] [N...]}: runs {@link HoldBenchmark} and prints, for each number of pending events,
 * the ns per hold of each engine with the JMH error (99.9 % confidence half-width) and the speed-up of this engine over
 * the faster of SSJ and DSOL; then the exact cache model's accesses per second ({@link CacheBenchmark}) and the FlexSC
 * Apache server's simulated seconds per host second ({@link ServerBenchmark}; {@code server} runs only that one).
 */
public final class BenchMain {
    private BenchMain() { }

    public static void main(String[] args) throws RunnerException {
        boolean quick = false;
        boolean serverOnly = false;
        List<String> sizes = new ArrayList<>();
        List<String> means = new ArrayList<>(List.of("1e9"));
        for (String a : args) {
            if (a.equals("quick")) quick = true;
            else if (a.equals("ties")) means.add("1000");
            else if (a.equals("server")) serverOnly = true;
            else if (a.matches("\\d+")) sizes.add(a);
            else {
                System.err.println("usage: ./lab bench [quick] [ties] [server] [pending-events ...]   (default 1000 10000 1000000)");
                System.err.println("  server: only the FlexSC Apache 4-core server benchmark (simulated seconds per host second)");
                System.err.println("  ties: also run the tie-heavy variant (mean increment 1000 time units instead of 1e9)");
                System.exit(2);
            }
        }
        if (serverOnly) {
            ServerBenchReport.run(quick);
            return;
        }
        if (sizes.isEmpty()) sizes = List.of("1000", "10000", "1000000");
        Options opt = new OptionsBuilder()
                .include(HoldBenchmark.class.getName() + "\\.")
                .param("pending", sizes.toArray(new String[0]))
                .param("mean", means.toArray(new String[0]))
                .warmupIterations(quick ? 2 : 4)
                .warmupTime(TimeValue.milliseconds(quick ? 500 : 1000))
                .measurementIterations(quick ? 3 : 6)
                .measurementTime(TimeValue.milliseconds(quick ? 500 : 1000))
                .forks(1)
                .verbosity(VerboseMode.SILENT)
                .build();
        System.err.println("[bench] hold model, " + (quick ? "quick" : "full") + " run: engines syscall-lab, SSJ 3.3.2, DSOL 4.2.2; N = "
                + String.join(", ", sizes) + "; mean increment " + String.join(", ", means));
        Collection<RunResult> results = new Runner(opt).run();
        Map<String, Map<String, double[]>> table = new TreeMap<>();
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark();
            String engine = method.substring(method.lastIndexOf('.') + 1);
            String key = String.format(Locale.ROOT, "%-5s %-9s", r.getParams().getParam("mean"), r.getParams().getParam("pending"));
            Result<?> p = r.getPrimaryResult();
            table.computeIfAbsent(key, k -> new TreeMap<>()).put(engine, new double[] {p.getScore(), p.getScoreError()});
        }
        System.out.println(String.format(Locale.ROOT, "%-15s %-11s %12s %10s", "mean  pending", "engine", "ns/hold", "± error"));
        for (Map.Entry<String, Map<String, double[]>> e : table.entrySet()) {
            Map<String, double[]> m = e.getValue();
            for (String engine : List.of("syscallLab", "ssj", "dsol")) {
                double[] v = m.get(engine);
                if (v == null) continue;
                System.out.println(String.format(Locale.ROOT, "%-15s %-11s %12.2f %10.2f", e.getKey(), name(engine), v[0], v[1]));
            }
            double[] ours = m.get("syscallLab"), ssj = m.get("ssj"), dsol = m.get("dsol");
            if (ours != null && ssj != null && dsol != null) {
                boolean ssjFaster = ssj[0] <= dsol[0];
                double peer = ssjFaster ? ssj[0] : dsol[0];
                System.out.println(String.format(Locale.ROOT, "%-15s ratio: faster peer (%s) / syscall-lab = %.2fx %s", e.getKey(),
                        ssjFaster ? "SSJ" : "DSOL", peer / ours[0], peer / ours[0] >= 2 ? "(goal >= 2x: met)" : "(goal >= 2x: NOT met)"));
            }
        }
        CacheBenchReport.run(quick);
        ServerBenchReport.run(quick);
    }

    private static String name(String method) {
        return switch (method) {
            case "syscallLab" -> "syscall-lab";
            case "ssj" -> "SSJ 3.3.2";
            case "dsol" -> "DSOL 4.2.2";
            default -> method;
        };
    }
}
