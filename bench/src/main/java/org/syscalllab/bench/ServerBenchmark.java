package org.syscalllab.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.syscalllab.experiment.Lab;
import org.syscalllab.experiment.Result;
import org.syscalllab.experiment.Runner;

/**
 * The FlexSC Apache server on 4 cores with 512 concurrent requests, NPTL and FlexSC-Threads one after the other, with
 * the fast (occupancy) cache model, on one host thread and without the result cache: {@code flexsc.fig11} with
 * {@code cores=4 clients=512}, a 3 ms warm-up and a 30 ms window per mode. The score is host milliseconds per run;
 * {@link ServerBenchReport} turns it into simulated seconds per host second (goal: at least 1).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ServerBenchmark {
    /** The experiment run by each invocation. */
    static final String EXPERIMENT = "flexsc.fig11";
    static final Map<String, String> SETTINGS = Map.of("cores", "4", "clients", "512", "warmup_ms", "3", "measure_ms", "30");

    /** A runner with one thread and no cache. */
    @State(Scope.Thread)
    public static class Lab4 {
        Runner runner;

        @Setup(Level.Trial)
        public void setup() { runner = Lab.runner().withCache(false).withThreads(1); }
    }

    @Benchmark
    public Result apache4Core(Lab4 st) { return st.runner.run(EXPERIMENT, SETTINGS); }

    /** Simulated seconds one invocation covers (both modes). */
    static double simulatedSeconds() {
        Result r = Lab.runner().withCache(false).withThreads(1).run(EXPERIMENT, SETTINGS);
        return r.host().simulatedCycles() / org.syscalllab.hw.Platforms.flexscNehalem().clockHz();
    }
}
