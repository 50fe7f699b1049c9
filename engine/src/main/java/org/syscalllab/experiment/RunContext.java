package org.syscalllab.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.syscalllab.sim.Simulation;
import org.syscalllab.sim.SimulationInterruptedException;
import org.syscalllab.sim.Streams;

/**
 * What a running experiment may use: its seed and named random streams, an interrupt check, simulations whose work is
 * counted in the run's host statistics, and parallel sweeps whose results do not depend on the number of threads (each
 * point gets its own seed derived from its index).
 */
public final class RunContext {
    /** Runs one point of a sweep. */
    @FunctionalInterface
    public interface PointFunction<P, R> {
        R apply(P point, RunContext pointContext);
    }

    /** Events and simulated cycles of every simulation of a run (shared by a run and its sweep points). */
    static final class Counters {
        final AtomicLong events = new AtomicLong();
        final AtomicLong cycles = new AtomicLong();
    }

    /** Bounds applied to every simulation made by {@link #newSimulation()}. */
    public record Limits(long maxEvents, long maxCycles) {
        /** ASSUMPTION: 10^10 events is minutes of host time; no experiment needs more, a runaway one stops. */
        public static final Limits DEFAULT = new Limits(10_000_000_000L, Long.MAX_VALUE);

        public Limits {
            if (maxEvents < 1) throw new IllegalArgumentException("max_events = " + maxEvents + " is not allowed; allowed: >= 1");
            if (maxCycles < 0) throw new IllegalArgumentException("max_cycles = " + maxCycles + " is not allowed; allowed: >= 0");
        }
    }

    private final long seed;
    private final int threads;
    private final Progress progress;
    private final Counters counters;
    private final Limits limits;
    private final List<Simulation> simulations = new ArrayList<>(); // created by this context, not yet accounted
    private final PointCache pointCache; // null: sweepOver does not cache

    public RunContext(long seed, int threads, Progress progress) {
        this(seed, threads, progress, new Counters(), Limits.DEFAULT, null);
    }

    RunContext(long seed, int threads, Progress progress, Counters counters, Limits limits, PointCache pointCache) {
        if (threads < 1) throw new IllegalArgumentException("threads = " + threads + " is not allowed; allowed: >= 1");
        this.seed = seed;
        this.threads = threads;
        this.progress = progress == null ? Progress.NONE : progress;
        this.counters = counters;
        this.limits = limits == null ? Limits.DEFAULT : limits;
        this.pointCache = pointCache;
    }

    /** The bounds every simulation of this run gets. */
    public Limits limits() { return limits; }

    public long seed() { return seed; }

    public int threads() { return threads; }

    public Progress progress() { return progress; }

    /** The named random stream of this run (or sweep point). */
    public RandomGenerator stream(String name) {
        return new Streams(seed).stream(name);
    }

    /**
     * A new simulation seeded from this context and bounded by its {@link #limits()}; its events and final clock are
     * added to the run's host statistics when the run (or this sweep point) ends.
     */
    public Simulation newSimulation() {
        Simulation s = new Simulation(seed).limitEvents(limits.maxEvents()).limitTime(limits.maxCycles());
        synchronized (simulations) {
            simulations.add(s);
        }
        return s;
    }

    /** Adds work done outside {@link #newSimulation()} (e.g. a simulation built directly) to the host statistics. */
    public void account(long events, long simulatedCycles) {
        if (events < 0 || simulatedCycles < 0) {
            throw new IllegalArgumentException("events = " + events + ", simulated_cycles = " + simulatedCycles
                    + " are not allowed; allowed: >= 0");
        }
        counters.events.addAndGet(events);
        counters.cycles.addAndGet(simulatedCycles);
    }

    /** Adds a simulation's events and clock to the host statistics (do not also create it with newSimulation). */
    public void account(Simulation sim) {
        account(sim.eventsFired(), sim.now());
    }

    /** Accounts and forgets the simulations this context created. */
    void settle() {
        List<Simulation> done;
        synchronized (simulations) {
            done = new ArrayList<>(simulations);
            simulations.clear();
        }
        for (Simulation s : done) account(s);
    }

    long eventsSoFar() { return counters.events.get(); }

    long cyclesSoFar() { return counters.cycles.get(); }

    /** Throws {@link RunInterruptedException} if this thread was interrupted; call it in long loops. */
    public static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) throw new RunInterruptedException("run interrupted");
    }

    /**
     * Runs {@code f} on every point, in parallel on up to {@link #threads()} threads, and returns the results in point
     * order. Point i runs with seed {@code derive(seed, i)}, so the result is the same on 1 thread or on many.
     * An interrupt of the calling thread stops every worker and throws {@link RunInterruptedException}.
     */
    public <P, R> List<R> sweep(List<P> points, PointFunction<P, R> f) {
        return sweepPoints(points, (point, i) -> runPoint(point, i, f));
    }

    /**
     * Like {@link #sweep}, and each point's result is kept in the run's result cache, so that editing one value of
     * {@code parameter} recomputes only that point. A point's key is (experiment id, this sweep's ordinal in the run,
     * {@code parameter}, every other parameter of the run, the point's index and canonical value, engine version).
     * <p>The caller promises that {@code f}'s result depends only on the point, its context, and the parameters other
     * than {@code parameter} (so {@code f} must not read {@code parameter} itself, only the point) and that the run
     * makes the same sweeps in the same order for the same other parameters. {@code codec} must round-trip exactly.
     * Without a cache (bypassed, or a context made directly) this is {@link #sweep}.
     */
    public <P, R> List<R> sweepOver(String parameter, List<P> points, PointCodec<R> codec, PointFunction<P, R> f) {
        if (codec == null) throw new IllegalArgumentException("codec must not be null");
        if (pointCache == null) return sweep(points, f);
        String sweepKey = pointCache.sweepKey(parameter);
        List<String> keys = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) keys.add(PointCache.pointKey(sweepKey, i, points.get(i)));
        pointCache.counted(points.size());
        return sweepPoints(points, (point, i) -> {
            Optional<R> hit = pointCache.load(keys.get(i), codec);
            if (hit.isPresent()) return hit.get();
            R r = runPoint(point, i, f);
            pointCache.store(keys.get(i), codec, r);
            return r;
        });
    }

    /** How many points of this run's {@link #sweepOver} sweeps came from the cache. */
    PointReuse pointReuse() { return pointCache == null ? PointReuse.NONE : pointCache.reuse(); }

    /** One point of a sweep, given its index. */
    private interface PointBody<P, R> {
        R run(P point, int index);
    }

    private <P, R> List<R> sweepPoints(List<P> points, PointBody<P, R> body) {
        int n = points.size();
        progress.start(n);
        List<R> out = new ArrayList<>(n);
        try {
            if (threads == 1 || n <= 1) {
                for (int i = 0; i < n; i++) {
                    checkInterrupted();
                    out.add(body.run(points.get(i), i));
                    progress.pointDone();
                }
                return out;
            }
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, n), r -> {
                Thread t = new Thread(r, "sweep-worker");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<R>> futures = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    final int idx = i;
                    futures.add(pool.submit(() -> {
                        R r = body.run(points.get(idx), idx);
                        progress.pointDone();
                        return r;
                    }));
                }
                for (Future<R> fu : futures) {
                    try {
                        out.add(fu.get());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new RunInterruptedException("sweep interrupted after " + out.size() + " of " + n + " points");
                    } catch (ExecutionException e) {
                        Throwable c = e.getCause();
                        if (c instanceof SimulationInterruptedException) {
                            throw new RunInterruptedException("sweep interrupted after " + out.size() + " of " + n + " points");
                        }
                        if (c instanceof RuntimeException re) throw re;
                        if (c instanceof Error er) throw er;
                        throw new IllegalStateException(c);
                    }
                }
                return out;
            } finally {
                pool.shutdownNow();
            }
        } finally {
            progress.finish();
        }
    }

    private <P, R> R runPoint(P point, int index, PointFunction<P, R> f) {
        RunContext c = child(index);
        try {
            return f.apply(point, c);
        } finally {
            c.settle();
        }
    }

    private RunContext child(int index) {
        return new RunContext(Streams.derive(seed, index), 1, Progress.NONE, counters, limits, null);
    }
}
