package org.syscalllab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.syscalllab.experiment.Catalog;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.Result;
import org.syscalllab.experiment.Runner;
import org.syscalllab.report.Claim;
import org.syscalllab.report.Datasets;
import org.syscalllab.report.Scorecard;
import org.syscalllab.sim.SimulationInterruptedException;
import org.syscalllab.sim.SimulationLimitException;

/**
 * The command line behind {@code ./lab list|run|check|warm}. Exit status: 0 success; 1 a claim failed (or the gate did not
 * hold); 2 bad usage or an invalid parameter (the message names the field and the allowed values); 3 a run failed.
 */
public final class Main {
    /** Exit statuses. */
    public static final int OK = 0, FAILED = 1, USAGE = 2, RUN_ERROR = 3;

    private final Catalog catalog;
    private final PrintStream out;
    private final PrintStream err;

    public Main(Catalog catalog, PrintStream out, PrintStream err) {
        this.catalog = catalog;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        int rc;
        try {
            rc = new Main(Catalog.load(), out, System.err).execute(args);
        } finally {
            out.flush();
        }
        System.exit(rc);
    }

    /** Runs one command; returns the exit status. */
    public int execute(String... args) {
        if (args.length == 0) return usage("no command given");
        List<String> rest = List.of(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "list" -> list(rest);
                case "run" -> run(rest);
                case "check" -> check(rest);
                case "warm" -> warm(rest);
                case "help", "-h", "--help" -> {
                    out.print(USAGE_TEXT);
                    yield OK;
                }
                default -> usage("unknown command '" + args[0] + "'");
            };
        } catch (UsageException e) {
            return usage(e.getMessage());
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return USAGE;
        } catch (SimulationInterruptedException e) {
            err.println("interrupted: " + e.getMessage());
            return RUN_ERROR;
        } catch (SimulationLimitException e) {
            err.println("run stopped: " + e.getMessage());
            return RUN_ERROR;
        } catch (RuntimeException e) {
            err.println("error: run failed: " + e);
            for (StackTraceElement s : e.getStackTrace()) err.println("    at " + s);
            return RUN_ERROR;
        } finally {
            out.flush();
        }
    }

    static final String USAGE_TEXT = """
            usage:
              list                                   every experiment, its parameters, defaults and allowed values
              run ID [--set k=v]... [--csv FILE] [--no-cache] [--threads N]
                                                     run one experiment; tidy CSV to stdout or FILE
              check [--claims FILE] [--gate KNOWN_MISSES] [--no-cache] [--threads N]
                                                     evaluate the claims; last line 'N passed, M failed'
              warm [ID]... [--jobs J] [--threads N]
                                                     run the default spec of every experiment (or of the IDs)
                                                     into the result cache, J at a time; one line per experiment
            """;

    private int usage(String problem) {
        err.println("error: " + problem);
        err.print(USAGE_TEXT);
        return USAGE;
    }

    /** A command-line syntax problem. */
    static final class UsageException extends RuntimeException {
        UsageException(String m) { super(m); }
    }

    // ---- list -------------------------------------------------------------------------------------------------

    private int list(List<String> args) {
        if (!args.isEmpty()) throw new UsageException("list takes no arguments");
        for (Experiment e : catalog.all()) {
            out.println(e.id() + "  " + e.title());
            out.println("  x: " + e.xParameter());
            for (Param p : Runner.parametersOf(e)) {
                out.println("  " + p.name() + " = " + Param.format(p.defaultValue())
                        + (p.unit().isEmpty() ? "" : " " + p.unit())
                        + "  (" + p.allowed() + ")" + (p.doc().isEmpty() ? "" : "  " + p.doc()));
            }
        }
        return OK;
    }

    // ---- run --------------------------------------------------------------------------------------------------

    private int run(List<String> args) {
        Options o = Options.parse(args, true);
        if (o.jobsGiven) throw new UsageException("--jobs is an option of warm; run takes --threads for its sweep");
        if (o.positional.size() != 1) throw new UsageException("run needs exactly one experiment id");
        String id = o.positional.get(0);
        Experiment e = catalog.get(id);
        Map<String, String> sets = Params.parseAssignments(o.sets);
        Params params = Params.resolve(Runner.parametersOf(e), sets); // validated before anything runs
        Result r = runner(o).run(e, params);
        String csv = r.toCsv();
        if (o.csv != null) {
            try {
                Path p = Path.of(o.csv);
                if (p.toAbsolutePath().getParent() != null) Files.createDirectories(p.toAbsolutePath().getParent());
                Files.writeString(p, csv, StandardCharsets.UTF_8);
            } catch (IOException ex) {
                err.println("error: cannot write " + o.csv + ": " + ex.getMessage());
                return RUN_ERROR;
            }
        } else {
            out.print(csv);
        }
        err.println(id + ": " + r.table().rowCount() + " rows; " + r.provenance());
        return OK;
    }

    // ---- check ------------------------------------------------------------------------------------------------

    private int check(List<String> args) {
        Options o = Options.parse(args, false);
        if (o.jobsGiven) throw new UsageException("--jobs is an option of warm; check takes --threads for its sweeps");
        if (!o.positional.isEmpty()) throw new UsageException("check takes no positional arguments");
        Path claimsFile = o.claims != null ? Path.of(o.claims) : Datasets.require().resolve("claims.csv");
        List<Claim> claims = Claim.readAll(claimsFile);
        Map<String, String> misses = o.gate == null ? null : Scorecard.readKnownMisses(Path.of(o.gate));
        Runner runner = runner(o);
        Scorecard card = Scorecard.evaluate(claims, id -> runner.run(id, Map.of()));
        for (Scorecard.Outcome oc : card.outcomes()) {
            String line = oc.line();
            if (misses != null && !oc.passed() && misses.containsKey(oc.claim().claimId())) {
                line += " (known miss: " + misses.get(oc.claim().claimId()) + ")";
            }
            out.println(line);
        }
        int rc = card.failed() == 0 ? OK : FAILED;
        if (misses != null) {
            Scorecard.Gate g = card.gate(misses);
            for (String p : g.problems()) out.println("gate: " + p);
            out.println("gate: " + (g.ok() ? "holds" : "does not hold") + " (" + misses.size() + " known misses)");
            rc = g.ok() ? OK : FAILED;
        }
        out.println(card.summary());
        return rc;
    }

    // ---- warm -------------------------------------------------------------------------------------------------

    /**
     * Fills the result cache with the default run of every experiment (the runs {@code check}, the scorecard and the
     * notebooks share), {@code --jobs} experiments at a time, and prints how long each took: where a cold
     * {@code ./lab reproduce} spends its time. A failing run is reported and the others go on (exit status 3).
     */
    private int warm(List<String> args) {
        Options o = Options.parse(args, false);
        if (o.claims != null || o.gate != null || o.noCache) throw new UsageException("warm takes only IDs, --jobs and --threads");
        List<String> ids = o.positional.isEmpty() ? catalog.ids() : o.positional;
        for (String id : ids) catalog.get(id); // an unknown id fails before anything runs
        Runner runner = new Runner(catalog);
        if (o.threads > 0) runner = runner.withThreads(o.threads);
        Runner r = runner;
        long t0 = System.nanoTime();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(o.jobs, t -> {
            Thread th = new Thread(t, "warm");
            th.setDaemon(true);
            return th;
        });
        List<java.util.concurrent.Future<String>> lines = new ArrayList<>();
        try {
            for (String id : ids) {
                lines.add(pool.submit(() -> {
                    long s = System.nanoTime();
                    try {
                        Result res = r.run(id, Map.of());
                        String line = String.format(java.util.Locale.ROOT, "warm %-24s %7.2f s  %s", id,
                                (System.nanoTime() - s) / 1e9, res.cached() ? "from cache" : "computed");
                        synchronized (out) {
                            out.println(line);
                            out.flush();
                        }
                        return null;
                    } catch (RuntimeException e) {
                        String line = "warm " + id + " FAILED: " + e;
                        synchronized (out) {
                            out.println(line);
                        }
                        return line;
                    }
                }));
            }
            int failed = 0;
            for (java.util.concurrent.Future<String> f : lines) {
                try {
                    if (f.get() != null) failed++;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SimulationInterruptedException("warm interrupted");
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            out.printf(java.util.Locale.ROOT, "warm: %d experiments in %.1f s, %d failed%n", ids.size(),
                    (System.nanoTime() - t0) / 1e9, failed);
            return failed == 0 ? OK : RUN_ERROR;
        } finally {
            pool.shutdownNow();
        }
    }

    private Runner runner(Options o) {
        Runner r = new Runner(catalog);
        if (System.console() != null) r = r.withProgress(org.syscalllab.experiment.Progress.console(err));
        if (o.threads > 0) r = r.withThreads(o.threads);
        if (o.noCache) r = r.withCache(false);
        return r;
    }

    /** Parsed options of run and check. */
    static final class Options {
        final List<String> positional = new ArrayList<>();
        final List<String> sets = new ArrayList<>();
        String csv, claims, gate;
        boolean noCache, jobsGiven;
        int threads;
        int jobs = 1;

        static Options parse(List<String> args, boolean forRun) {
            Options o = new Options();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--set" -> {
                        if (!forRun) throw new UsageException("--set is an option of run");
                        o.sets.add(value(args, ++i, a));
                    }
                    case "--csv" -> {
                        if (!forRun) throw new UsageException("--csv is an option of run");
                        o.csv = value(args, ++i, a);
                    }
                    case "--claims" -> {
                        if (forRun) throw new UsageException("--claims is an option of check");
                        o.claims = value(args, ++i, a);
                    }
                    case "--gate" -> {
                        if (forRun) throw new UsageException("--gate is an option of check");
                        o.gate = value(args, ++i, a);
                    }
                    case "--no-cache" -> o.noCache = true;
                    case "--jobs" -> {
                        o.jobsGiven = true;
                        String v = value(args, ++i, a);
                        try {
                            o.jobs = Integer.parseInt(v);
                        } catch (NumberFormatException e) {
                            o.jobs = -1;
                        }
                        if (o.jobs < 1 || o.jobs > 64) {
                            throw new IllegalArgumentException("jobs = " + v + " is not allowed; allowed: an integer in [1, 64]");
                        }
                    }
                    case "--threads" -> {
                        String v = value(args, ++i, a);
                        try {
                            o.threads = Integer.parseInt(v);
                        } catch (NumberFormatException e) {
                            o.threads = -1;
                        }
                        if (o.threads < 1 || o.threads > 1024) {
                            throw new IllegalArgumentException("threads = " + v + " is not allowed; allowed: an integer in [1, 1024]");
                        }
                    }
                    default -> {
                        if (a.startsWith("--set=")) o.sets.add(a.substring(6));
                        else if (a.startsWith("--")) throw new UsageException("unknown option '" + a + "'");
                        else o.positional.add(a);
                    }
                }
            }
            return o;
        }

        private static String value(List<String> args, int i, String opt) {
            if (i >= args.size()) throw new UsageException(opt + " needs a value");
            return args.get(i);
        }
    }
}
