package org.syscalllab.experiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs experiments: resolves and validates parameters (before anything is simulated), runs, and wraps the rows in a
 * {@link Result}. Immutable; configure with the {@code with...} methods.
 */
public final class Runner {
    /** The framework parameter every experiment has. */
    public static final Param SEED = Param.ofInt("seed", 1, 0, Long.MAX_VALUE, "", "base seed of every random stream of the run");

    private final Catalog catalog;
    private final int threads;
    private final Progress progress;

    public Runner(Catalog catalog, int threads, Progress progress) {
        if (threads < 1) throw new IllegalArgumentException("threads = " + threads + " is not allowed; allowed: >= 1");
        this.catalog = catalog;
        this.threads = threads;
        this.progress = progress == null ? Progress.NONE : progress;
    }

    public Runner(Catalog catalog) {
        this(catalog, Math.max(1, Runtime.getRuntime().availableProcessors()), Progress.NONE);
    }

    public Runner withThreads(int n) { return new Runner(catalog, n, progress); }

    public Runner withProgress(Progress p) { return new Runner(catalog, threads, p); }

    public Catalog catalog() { return catalog; }

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

    public Result run(Experiment e, Params params) {
        long t0 = System.nanoTime();
        TidyRows rows = new TidyRows(e.id());
        RunContext ctx = new RunContext(params.getLong("seed"), threads, progress);
        e.run(params, ctx, rows);
        long wall = System.nanoTime() - t0;
        return new Result(e.id(), e.title(), rows.toTable(), params, new HostStats(wall, 0, 0), false, Instant.now());
    }
}
