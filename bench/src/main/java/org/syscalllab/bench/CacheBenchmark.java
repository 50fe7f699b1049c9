package org.syscalllab.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.syscalllab.hw.ExactMemorySystem;
import org.syscalllab.hw.Owner;
import org.syscalllab.hw.Platforms;

/**
 * The exact cache model's speed: nanoseconds per line access through the FlexSC Nehalem's d-TLB and L1d, and on a miss
 * L2 and L3 with their prefetchers. The addresses are pre-generated (so the generator is not timed): a share of them
 * hit a hot set that fits L1d, the rest are spread over a region far larger than L3, so every level is exercised. The
 * goal is at least 20 M line accesses per host second (at most 50 ns per access).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CacheBenchmark {
    /** Accesses per benchmark invocation. */
    static final int ACCESSES = 1 << 16;

    /** The memory system and the address trace. */
    @State(Scope.Thread)
    public static class Trace {
        /** Per cent of accesses to the hot set (the rest go to a 64 MB region). */
        @Param({"90", "50"})
        public int hotPercent;
        ExactMemorySystem mem;
        long[] lines;
        int pos;

        @Setup(Level.Trial)
        public void setup() {
            mem = new ExactMemorySystem(Platforms.flexscNehalem(), 1);
            SplittableRandom r = new SplittableRandom(42);
            lines = new long[1 << 20];
            for (int i = 0; i < lines.length; i++) {
                lines[i] = r.nextInt(100) < hotPercent ? r.nextInt(384) : 4096 + r.nextInt(1 << 20);
            }
            for (long l : lines) mem.accessData(l, Owner.USER);      // warm every level
        }
    }

    @Benchmark
    @OperationsPerInvocation(ACCESSES)
    public int exactLineAccess(Trace t) {
        int hits = 0;
        long[] lines = t.lines;
        int p = t.pos;
        for (int i = 0; i < ACCESSES; i++) {
            if (t.mem.accessData(lines[p], Owner.USER)) hits++;
            p = (p + 1) & (lines.length - 1);
        }
        t.pos = p;
        return hits;
    }
}
