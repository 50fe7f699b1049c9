package org.syscalllab.papers.clustercalls;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.syscalllab.mech.ClusterCallCosts;
import org.syscalllab.sim.Simulation;

/**
 * A small multi-core machine with non-preemptive threads, as the cluster-call experiments need it: cores that run one
 * thread at a time, run queues served by one or more cores (a thread's affinity is the set of cores serving its queue),
 * priorities, a context-switch cost when a core changes thread, and a wake-up latency (IPI plus idle exit) when a
 * thread readied from another core lands on an idle core. Threads are written as continuations: a running thread
 * {@link SimThread#compute computes} for some cycles and then continues, or {@link SimThread#block blocks} until
 * someone {@link SimThread#wake wakes} it. CPU time is accounted per core and per thread.
 */
final class Machine {
    final Simulation sim;
    final ClusterCallCosts costs;
    /** Core clock in GHz (cycles per ns). */
    final double ghz;
    private final Core[] cores;
    private long readySeq;

    Machine(Simulation sim, int cores, ClusterCallCosts costs, double ghz) {
        if (!(ghz > 0)) throw new IllegalArgumentException("clock = " + ghz + " GHz is not allowed; allowed: > 0");
        this.ghz = ghz;
        if (cores < 1 || cores > 64) throw new IllegalArgumentException("cores = " + cores + " is not allowed; allowed: 1..64");
        this.sim = sim;
        this.costs = costs;
        this.cores = new Core[cores + 1];
        for (int i = 1; i <= cores; i++) this.cores[i] = new Core(i);
    }

    long nsToCycles(double ns) { return Math.round(ns * ghz); }

    double cyclesToNs(double cycles) { return cycles / ghz; }

    int coreCount() { return cores.length - 1; }

    Core core(int id) {
        if (id < 1 || id >= cores.length) throw new IllegalArgumentException("core " + id + " does not exist; allowed: 1.." + (cores.length - 1));
        return cores[id];
    }

    /** A run queue served by the given cores (each core serves exactly one queue; a later call re-assigns it). */
    RunQueue queue(List<Integer> coreIds) {
        RunQueue q = new RunQueue();
        for (int id : coreIds) {
            Core c = core(id);
            c.queue = q;
            q.cores.add(c);
        }
        return q;
    }

    /** Cycles all cores spent running threads (including switches). */
    long busyCycles() {
        long b = 0;
        for (int i = 1; i < cores.length; i++) b += cores[i].busy;
        return b;
    }

    /** Threads waiting to run on a set of cores, highest priority first, then in the order they became ready. */
    final class RunQueue {
        final List<Core> cores = new ArrayList<>();
        private final PriorityQueue<SimThread> ready = new PriorityQueue<>((a, b) -> a.priority != b.priority
                ? Integer.compare(b.priority, a.priority) : Long.compare(a.readyAt, b.readyAt));

        void add(SimThread t, int fromCore) {
            t.readyAt = readySeq++;
            ready.add(t);
            Core idle = null;
            for (Core c : cores) {
                if (c.isIdle()) {
                    if (idle == null || c.id == fromCore) idle = c;
                }
            }
            if (idle != null) idle.kick(fromCore);
        }

        int size() { return ready.size(); }
    }

    /** One core. */
    final class Core {
        final int id;
        RunQueue queue;
        SimThread current;
        SimThread last;
        boolean waking;
        long busy;
        long switches;

        Core(int id) { this.id = id; }

        boolean isIdle() { return current == null && !waking; }

        /** Wakes this idle core; a core woken from another core pays the IPI and the idle exit. */
        void kick(int fromCore) {
            waking = true;
            long latency = fromCore == id ? 0 : fromCore < 0 ? costs.idleExit() : costs.remoteWake();
            sim.schedule(latency, s -> {
                waking = false;
                dispatch();
            });
        }

        void dispatch() {
            if (current != null || waking || queue == null) return;
            SimThread t = queue.ready.poll();
            if (t == null) return;
            current = t;
            t.core = this;
            long sw = t == last ? 0 : costs.threadSwitch();
            if (sw > 0) switches++;
            last = t;
            busy += sw;
            t.cpuCycles += sw;
            Runnable cont = t.cont;
            t.cont = null;
            sim.schedule(sw, s -> cont.run());
        }
    }

    /** A thread: runs on one of its queue's cores, written as continuations. */
    class SimThread {
        final String name;
        final int priority;
        final RunQueue queue;
        Core core;
        Runnable cont;
        Runnable pendingWake;
        boolean blocked = true;
        long readyAt;
        long cpuCycles;

        SimThread(String name, int priority, RunQueue queue) {
            this.name = name;
            this.priority = priority;
            this.queue = queue;
        }

        /** Runs for {@code cycles} on the current core, then {@code then} (still on the core). */
        void compute(long cycles, Runnable then) {
            if (core == null || core.current != this) throw new IllegalStateException(name + " computes while not running");
            core.busy += cycles;
            cpuCycles += cycles;
            sim.schedule(cycles, s -> then.run());
        }

        /** Gives up the core until {@link #wake}; if a wake already arrived while running, re-queues at once. */
        void block() {
            Core c = core;
            if (c == null || c.current != this) throw new IllegalStateException(name + " blocks while not running");
            c.current = null;
            core = null;
            blocked = true;
            if (pendingWake != null) {
                Runnable w = pendingWake;
                pendingWake = null;
                wake(w, c.id);
            }
            c.dispatch();
        }

        /** Makes the thread ready to continue with {@code next}; {@code fromCore} is the waking core (-1: a device). */
        void wake(Runnable next, int fromCore) {
            if (!blocked) {
                if (pendingWake != null) throw new IllegalStateException(name + " woken twice");
                pendingWake = next;
                return;
            }
            blocked = false;
            cont = next;
            queue.add(this, fromCore);
        }

        /** The core this thread runs on (while running). */
        int coreId() { return core == null ? -1 : core.id; }
    }
}
