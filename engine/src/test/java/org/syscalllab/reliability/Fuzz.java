package org.syscalllab.reliability;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import org.syscalllab.experiment.Catalog;
import org.syscalllab.experiment.Result;
import org.syscalllab.experiment.Runner;
import org.syscalllab.sim.SimulationLimitException;

/**
 * Runs fuzzed specs with tight bounds and classifies what happened. A run may finish (with finite metrics), or stop with
 * an {@link IllegalArgumentException} or {@link SimulationLimitException} whose message says what was wrong; anything
 * else — an internal exception, a non-finite metric, no rows, or no answer within the wall-clock guard — is a bug.
 */
final class Fuzz {
    /** Events per simulation of one fuzzed run: enough for the small sizes, low enough to stop a runaway quickly. */
    static final long MAX_EVENTS = 2_000_000L;
    /** Simulated cycles per simulation of one fuzzed run (about 10 s at 3 GHz). */
    static final long MAX_CYCLES = 30_000_000_000L;
    /** Wall-clock guard per run; far above any bounded small run even on a loaded machine. A hit is reported as a hang. */
    static final long GUARD_SECONDS = Long.getLong("fuzz.guardSeconds", 60);

    static final Catalog CATALOG = Catalog.load();

    /** What one run did. */
    enum Outcome { FINISHED, REJECTED, LIMITED }

    /** Per experiment: outcomes and host time, for the closing summary. */
    static final class Tally {
        final LongAdder finished = new LongAdder(), rejected = new LongAdder(), limited = new LongAdder(),
                invalid = new LongAdder(), nanos = new LongAdder();
        /** A few distinct messages of valid specs refused by an experiment (printed, to review their wording). */
        final Set<String> messages = ConcurrentHashMap.newKeySet();
    }

    static final Map<String, Tally> TALLY = new ConcurrentHashMap<>();

    /** With {@code -Dfuzz.collect=true}, failures are gathered here and printed instead of stopping the property. */
    static final java.util.Queue<String> FAILURES = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private static final ExecutorService EXEC = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fuzz-run");
        t.setDaemon(true);
        return t;
    });

    private Fuzz() { }

    static Runner runner() {
        return new Runner(CATALOG).withThreads(1).withCache(false).withLimits(MAX_EVENTS, MAX_CYCLES);
    }

    static Tally tally(String id) { return TALLY.computeIfAbsent(id, k -> new Tally()); }

    /** Runs one valid spec under the guard; returns the outcome or throws AssertionError describing the bug. */
    static Outcome runValid(String id, Map<String, Object> overrides) {
        String spec = id + " " + overrides;
        long t0 = System.nanoTime();
        Future<Result> f = EXEC.submit(() -> runner().run(id, overrides));
        try {
            Result r = f.get(GUARD_SECONDS, TimeUnit.SECONDS);
            if (r.table().rowCount() == 0) throw new AssertionError("no rows: " + spec);
            for (int i = 0; i < r.table().rowCount(); i++) {
                double v = r.table().doubleColumn("value").getDouble(i);
                if (!Double.isFinite(v)) throw new AssertionError("non-finite value in row " + i + ": " + spec);
            }
            Invariants.check(r, spec);
            tally(id).finished.increment();
            return Outcome.FINISHED;
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError("no answer within " + GUARD_SECONDS + " s (hang or unbounded loop): " + spec);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + spec);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IllegalArgumentException && clear(c.getMessage())) {
                tally(id).rejected.increment();
                Set<String> seen = tally(id).messages;
                if (seen.size() < 4) seen.add(c.getMessage().length() > 160 ? c.getMessage().substring(0, 160) : c.getMessage());
                return Outcome.REJECTED;
            }
            if (c instanceof SimulationLimitException && clear(c.getMessage())) {
                tally(id).limited.increment();
                return Outcome.LIMITED;
            }
            throw new AssertionError("internal failure " + c + " for " + spec, c);
        } finally {
            tally(id).nanos.add(System.nanoTime() - t0);
        }
    }

    private static boolean clear(String message) {
        return message != null && !message.isBlank() && message.length() < 2000;
    }

    /**
     * The summary printed after the fuzz properties: per experiment outcomes and mean host time per valid spec, then one
     * closing line (starting {@code fuzz:}) with the count and the wall time, for the CI log.
     */
    static String summary(long wallNanos) {
        StringBuilder sb = new StringBuilder("fuzz summary (experiment: finished/rejected/limited valid, invalid, ms per valid spec)\n");
        long finished = 0, rejected = 0, limited = 0, invalid = 0;
        for (Map.Entry<String, Tally> e : new TreeMap<>(TALLY).entrySet()) {
            Tally t = e.getValue();
            long valid = t.finished.sum() + t.rejected.sum() + t.limited.sum();
            finished += t.finished.sum();
            rejected += t.rejected.sum();
            limited += t.limited.sum();
            invalid += t.invalid.sum();
            sb.append(String.format("  %-24s %5d/%d/%d  %6d  %8.1f%n", e.getKey(), t.finished.sum(), t.rejected.sum(),
                    t.limited.sum(), t.invalid.sum(), valid == 0 ? 0.0 : t.nanos.sum() / 1e6 / valid));
            for (String m : t.messages) sb.append("      refused: ").append(m).append('\n');
        }
        for (String f : FAILURES) sb.append("  FAILURE ").append(f).append('\n');
        sb.append(closingLine(finished + rejected + limited + invalid, finished, rejected, limited, invalid, TALLY.size(),
                FAILURES.size(), wallNanos));
        return sb.toString();
    }

    /** Specs counted so far, valid and invalid. */
    static long specsCounted() {
        long n = 0;
        for (Tally t : TALLY.values()) n += t.finished.sum() + t.rejected.sum() + t.limited.sum() + t.invalid.sum();
        return n;
    }

    static String closingLine(long specs, long finished, long rejected, long limited, long invalid, int experiments,
                              int failures, long wallNanos) {
        return String.format("fuzz: %,d specs over %d experiments in %.1f s wall (%,d valid: %,d finished, %,d refused "
                        + "with a message, %,d stopped at a run limit; %,d invalid, each refused naming its field); "
                        + "%d internal exceptions", specs, experiments, wallNanos / 1e9, finished + rejected + limited,
                finished, rejected, limited, invalid, failures);
    }
}
