package org.syscalllab.experiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs experiments: resolves and validates parameters (before anything is simulated), looks the spec up in the
 * {@link ResultCache} (unless bypassed), runs (reusing the cache's single points in {@link RunContext#sweepOver}),
 * and wraps the rows in a {@link Result} with host statistics. Immutable;
 * configure with the {@code with...} methods. The thread count never changes the numbers, only the wall time.
 */
public final class Runner {
    /** The framework parameter every experiment has. */
    public static final Param SEED = Param.ofInt("seed", 1, 0, Long.MAX_VALUE, "", "base seed of every random stream of the run");

    private final Catalog catalog;
    private final int threads;
    private final Progress progress;
    private final ResultCache cache; // null: no cache
    private final RunContext.Limits limits;

    private Runner(Catalog catalog, int threads, Progress progress, ResultCache cache, RunContext.Limits limits) {
        if (catalog == null) throw new IllegalArgumentException("catalog must not be null");
        if (threads < 1) throw new IllegalArgumentException("threads = " + threads + " is not allowed; allowed: >= 1");
        this.catalog = catalog;
        this.threads = threads;
        this.progress = progress == null ? Progress.NONE : progress;
        this.cache = cache;
        this.limits = limits == null ? RunContext.Limits.DEFAULT : limits;
    }

    /** A runner with the given threads and progress, using the standard result cache. */
    public Runner(Catalog catalog, int threads, Progress progress) {
        this(catalog, threads, progress, ResultCache.standard(), RunContext.Limits.DEFAULT);
    }

    /** A runner on all processors, using the standard result cache. */
    public Runner(Catalog catalog) {
        this(catalog, Math.max(1, Runtime.getRuntime().availableProcessors()), Progress.NONE);
    }

    public Runner withThreads(int n) { return new Runner(catalog, n, progress, cache, limits); }

    public Runner withProgress(Progress p) { return new Runner(catalog, threads, p, cache, limits); }

    /** With {@code false}, every run is computed afresh and nothing is stored; with {@code true}, the standard cache. */
    public Runner withCache(boolean use) {
        return new Runner(catalog, threads, progress, use ? ResultCache.standard() : null, limits);
    }

    /** Uses the given cache (e.g. a temporary directory in tests). */
    public Runner withCache(ResultCache c) { return new Runner(catalog, threads, progress, c, limits); }

    /**
     * Bounds every simulation a run makes through {@link RunContext#newSimulation()}: at most {@code maxEvents} events
     * and no event after {@code maxCycles}; hitting a bound stops the run with a message naming it.
     */
    public Runner withLimits(long maxEvents, long maxCycles) {
        return new Runner(catalog, threads, progress, cache, new RunContext.Limits(maxEvents, maxCycles));
    }

    public Catalog catalog() { return catalog; }

    public int threads() { return threads; }

    /** The cache in use, if any. */
    public Optional<ResultCache> cache() { return Optional.ofNullable(cache); }

    /** The declared parameters of an experiment plus {@link #SEED}. */
    public static List<Param> parametersOf(Experiment e) {
        List<Param> ps = new ArrayList<>(e.parameters());
        ps.add(SEED);
        return ps;
    }

    /** Resolves overrides against the experiment's parameters; throws IllegalArgumentException on a bad value. */
    public Params resolve(String id, Map<String, ?> overrides) {
        return Params.resolve(parametersOf(catalog.get(id)), overrides);
    }

    public Result run(String id, Map<String, ?> overrides) {
        Experiment e = catalog.get(id);
        return run(e, Params.resolve(parametersOf(e), overrides));
    }

    /** Runs an experiment with its defaults overridden by name/value pairs. */
    public Result run(String id, Object... nameValuePairs) {
        return run(id, Lab.pairs(nameValuePairs));
    }

    public Result run(Experiment e, Params params) {
        if (cache != null) {
            Optional<Result> hit = cache.load(e, params);
            if (hit.isPresent()) return hit.get();
        }
        long t0 = System.nanoTime();
        TidyRows rows = new TidyRows(e.id());
        RunContext ctx = new RunContext(params.getLong("seed"), threads, progress, new RunContext.Counters(), limits,
                cache == null ? null : new PointCache(cache, e.id(), params));
        try {
            e.run(params, ctx, rows);
        } finally {
            ctx.settle();
        }
        long wall = System.nanoTime() - t0;
        Result r = new Result(e.id(), e.title(), rows.toTable(), params,
                new HostStats(wall, ctx.eventsSoFar(), ctx.cyclesSoFar()), false, Instant.now(), ctx.pointReuse());
        if (cache != null) cache.store(r);
        return r;
    }
}
