package org.syscalllab.bench;

import java.util.concurrent.TimeUnit;
import nl.tudelft.simulation.dsol.eventlists.RedBlackTree;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.LambdaSimEvent;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;
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
import org.syscalllab.sim.Simulation;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;

/**
 * The hold model on three engines. Each benchmark invocation performs {@link #HOLDS} holds through the engine's own
 * event loop, so the score is nanoseconds per hold (pop the earliest event, advance the clock, run its action, which
 * schedules the next event at now + increment).
 *
 * <ul>
 *   <li>syscall-lab: {@link Simulation#run()} with one shared action; the batch ends with {@code stop()}.</li>
 *   <li>SSJ: {@code Simulator.start()} with its default event list (a splay tree); each event is an {@code Event}
 *       that reschedules itself; the batch ends with {@code Simulator.stop()}.</li>
 *   <li>DSOL: its event list ({@code RedBlackTree}) driven by the same three steps as its DEVS simulator's step (remove
 *       first, set the clock, execute); each action schedules a new {@code LambdaSimEvent}, as
 *       {@code scheduleEventRel} does. DSOL's simulator thread, listeners and replication machinery are left out,
 *       which can only favour DSOL.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class HoldBenchmark {
    /** Holds per benchmark invocation. */
    static final int HOLDS = 1 << 16;

    /** This engine. */
    @State(Scope.Thread)
    public static class Ours {
        @Param({"1000", "10000", "1000000"})
        public int pending;
        @Param({"1e9"})
        public double mean;
        Simulation sim;
        Hold hold;

        @Setup(Level.Trial)
        public void setup() {
            sim = new Simulation(1);
            hold = new Hold(Increments.table(mean));
            for (int i = 0; i < pending; i++) sim.schedule(hold.inc[hold.next++ & Increments.MASK], hold);
        }
    }

    static final class Hold implements Simulation.Action {
        final long[] inc;
        int next;
        long fired;
        long target;

        Hold(long[] inc) { this.inc = inc; }

        @Override
        public void fire(Simulation s) {
            s.schedule(inc[next++ & Increments.MASK], this);
            if (++fired == target) s.stop();
        }
    }

    @Benchmark
    @OperationsPerInvocation(HOLDS)
    public long syscallLab(Ours st) {
        st.hold.target = st.hold.fired + HOLDS;
        st.sim.run();
        return st.sim.now();
    }

    /** SSJ 3.3.2. */
    @State(Scope.Thread)
    public static class Ssj {
        @Param({"1000", "10000", "1000000"})
        public int pending;
        @Param({"1e9"})
        public double mean;
        Simulator sim;
        long[] inc;
        final int[] next = new int[1];
        final long[] fired = new long[1];
        long target;

        @Setup(Level.Trial)
        public void setup() {
            inc = Increments.table(mean);
            sim = new Simulator();
            sim.init();
            for (int i = 0; i < pending; i++) new SsjHold(this).schedule(inc[next[0]++ & Increments.MASK]);
        }
    }

    static final class SsjHold extends Event {
        private final Ssj st;

        SsjHold(Ssj st) {
            super(st.sim);
            this.st = st;
        }

        @Override
        public void actions() {
            schedule(st.inc[st.next[0]++ & Increments.MASK]);
            if (++st.fired[0] == st.target) sim.stop();
        }
    }

    @Benchmark
    @OperationsPerInvocation(HOLDS)
    public double ssj(Ssj st) {
        st.target = st.fired[0] + HOLDS;
        st.sim.start();
        return st.sim.time();
    }

    /** DSOL 4.2.2. */
    @State(Scope.Thread)
    public static class Dsol {
        @Param({"1000", "10000", "1000000"})
        public int pending;
        @Param({"1e9"})
        public double mean;
        RedBlackTree<Double> list;
        long[] inc;
        double now;
        int next;

        @Setup(Level.Trial)
        public void setup() {
            inc = Increments.table(mean);
            list = new RedBlackTree<>();
            now = 0;
            for (int i = 0; i < pending; i++) list.add(event());
        }

        SimEventInterface<Double> event() {
            return new LambdaSimEvent<Double>(now + inc[next++ & Increments.MASK], () -> list.add(event()));
        }
    }

    @Benchmark
    @OperationsPerInvocation(HOLDS)
    public double dsol(Dsol st) throws Exception {
        RedBlackTree<Double> list = st.list;
        for (int i = 0; i < HOLDS; i++) {
            SimEventInterface<Double> e = list.removeFirst();
            st.now = e.getAbsoluteExecutionTime();
            e.execute();
        }
        return st.now;
    }
}
