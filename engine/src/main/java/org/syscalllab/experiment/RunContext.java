package org.syscalllab.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import org.syscalllab.sim.Streams;

/**
 * What a running experiment may use: its seed and named random streams, an interrupt check, and parallel sweeps
 * whose results do not depend on the number of threads (each point gets its own seed derived from its index).
 */
public final class RunContext {
    /** Runs one point of a sweep. */
    @FunctionalInterface
    public interface PointFunction<P, R> {
        R apply(P point, RunContext pointContext);
    }

    private final long seed;
    private final int threads;
    private final Progress progress;

    public RunContext(long seed, int threads, Progress progress) {
        if (threads < 1) throw new IllegalArgumentException("threads = " + threads + " is not allowed; allowed: >= 1");
        this.seed = seed;
        this.threads = threads;
        this.progress = progress == null ? Progress.NONE : progress;
    }

    public long seed() { return seed; }

    public int threads() { return threads; }

    public Progress progress() { return progress; }

    /** The named random stream of this run (or sweep point). */
    public RandomGenerator stream(String name) {
        return new Streams(seed).stream(name);
    }

    /** Throws {@link RunInterruptedException} if this thread was interrupted; call it in long loops. */
    public static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) throw new RunInterruptedException("run interrupted");
    }

    /**
     * Runs {@code f} on every point, in parallel on up to {@link #threads()} threads, and returns the results in point
     * order. Point i runs with seed {@code derive(seed, i)}, so the result is the same on 1 thread or on many.
     */
    public <P, R> List<R> sweep(List<P> points, PointFunction<P, R> f) {
        int n = points.size();
        progress.start(n);
        List<R> out = new ArrayList<>(n);
        try {
            if (threads == 1 || n <= 1) {
                for (int i = 0; i < n; i++) {
                    checkInterrupted();
                    out.add(f.apply(points.get(i), child(i)));
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
                        R r = f.apply(points.get(idx), child(idx));
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

    private RunContext child(int index) {
        return new RunContext(Streams.derive(seed, index), 1, Progress.NONE);
    }
}
