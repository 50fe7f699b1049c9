package org.syscalllab.kernel.eval;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Evaluates cells with one JShell whose snippets run in this JVM. Every operation runs on one evaluation thread, in
 * submission order, so JShell is never used concurrently. {@link #start()} builds the JShell and runs the startup
 * snippets on that thread in the background (the kernel calls it once its sockets are bound, so that it answers
 * {@code kernel_info} first); any operation starts it if nobody did.
 *
 * <p>An {@link #interrupt()} interrupts the thread running the cell (cooperative code, such as the engine's event loop,
 * stops with its own exception) and, if the cell is still running after {@link Options#stopGrace()}, asks JShell to
 * stop it. A cell that was interrupted always ends as an error, even when the stopped code left no exception behind.
 */
public final class CellEvaluator implements AutoCloseable {

    /**
     * @param startup   Java snippets run once before the first cell (imports); a failing one is reported on
     *                  {@code log}, not fatal
     * @param stopGrace how long an interrupted cell may take to stop by itself before JShell stops it, 0..60 s
     * @param workDir   the directory magic paths are resolved against
     */
    public record Options(String startup, Duration stopGrace, Path workDir) {
        public Options {
            if (startup == null) throw new IllegalArgumentException("startup = null, expected Java source (may be empty)");
            if (stopGrace == null || stopGrace.isNegative() || stopGrace.compareTo(Duration.ofSeconds(60)) > 0) {
                throw new IllegalArgumentException("stopGrace = " + stopGrace + ", allowed 0..60 s");
            }
            if (workDir == null) throw new IllegalArgumentException("workDir = null, expected a directory");
        }
    }

    /**
     * What a cell left behind.
     *
     * @param value    the value of its last snippet when that is an expression or a variable, else empty
     * @param implicit true when the value is an unnamed expression result (not a variable the user named)
     */
    public record Outcome(Optional<Object> value, boolean implicit) {
        public static final Outcome NONE = new Outcome(Optional.empty(), false);
    }

    private final Options options;
    private final PrintStream log;
    private final ThreadGroup cellThreads = new ThreadGroup("syscall-lab cells");
    private final ExecutorService thread;
    private Future<?> started;                   // guarded by this
    private final AtomicLong cellSeq = new AtomicLong();
    private volatile long runningCell;          // 0 when idle
    private volatile boolean interruptRequested;
    private volatile Runnable onClasspathChange = () -> { };
    private final InProcessExecution execution = new InProcessExecution();
    private JShell shell;                         // confined to the evaluation thread

    public CellEvaluator(Options options, PrintStream log) {
        this.options = options;
        this.log = log;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(cellThreads, r, "syscall-lab-eval");
            t.setDaemon(true);
            return t;
        });
    }

    /** Builds the JShell and runs the startup snippets in the background; idempotent. */
    public synchronized void start() {
        if (started == null) started = thread.submit(this::startShell);
    }

    private synchronized Future<?> started() {
        start();
        return started;
    }

    private void startShell() {
        shell = JShell.builder().executionEngine(execution, java.util.Map.of()).build();
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        for (Chunk chunk : Splitter.split(analysis, options.startup())) {
            for (SnippetEvent e : shell.eval(chunk.source())) {
                if (e.causeSnippet() == null && (e.status() == Snippet.Status.REJECTED || e.exception() != null)) {
                    log.println("[syscall-lab kernel] startup snippet failed: " + chunk.source().strip() + " : "
                            + shell.diagnostics(e.snippet()).map(d -> d.getMessage(Locale.ROOT)).collect(Collectors.joining("; ")));
                }
            }
        }
    }

    /** Called on the evaluation thread after a magic changed the class path. */
    public void onClasspathChange(Runnable r) {
        onClasspathChange = r == null ? () -> { } : r;
    }

    /** The class loader of the cells' classes (it sees jars added by magics); the system loader before any cell ran. */
    public ClassLoader snippetLoader() {
        ClassLoader l = execution.control().snippetLoader();
        return l != null ? l : ClassLoader.getSystemClassLoader();
    }

    /** Evaluates one cell: magics first, then each snippet in order; stops at the first error. */
    public Outcome eval(String cell) {
        return call(() -> {
            long seq = cellSeq.incrementAndGet();
            interruptRequested = false;
            runningCell = seq;
            try {
                return evalOnThread(cell);
            } finally {
                runningCell = 0;
            }
        });
    }

    private Outcome evalOnThread(String cell) {
        Magics.Cell parsed = Magics.parse(cell);
        for (Magics.Line line : parsed.magics()) {
            for (Path p : Magics.entries(line, options.workDir())) shell.addToClasspath(p.toString());
        }
        if (!parsed.magics().isEmpty()) onClasspathChange.run();

        Outcome outcome = Outcome.NONE;
        List<Chunk> chunks = Splitter.split(shell.sourceCodeAnalysis(), parsed.code());
        for (Chunk chunk : chunks) {
            checkInterrupted();
            List<SnippetEvent> events = shell.eval(chunk.source());
            SnippetEvent primary = null;
            for (SnippetEvent e : events) {
                if (e.causeSnippet() != null) continue;
                primary = e;
                if (e.exception() != null) throw runtimeError(e.exception());
                if (e.status() == Snippet.Status.REJECTED) throw compileError(e.snippet());
                if (e.status() == Snippet.Status.RECOVERABLE_DEFINED || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                    warnUnresolved(e.snippet());
                }
            }
            checkInterrupted();
            outcome = primary == null ? Outcome.NONE : valueOf(primary.snippet());
        }
        return outcome;
    }

    private void checkInterrupted() {
        if (interruptRequested) {
            throw new CellError("Interrupted", "the cell was interrupted", List.of("Interrupted: the cell was interrupted"));
        }
    }

    private Outcome valueOf(Snippet snippet) {
        if (snippet instanceof VarSnippet v && v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            return new Outcome(Optional.ofNullable(read(v)), true);
        }
        if (snippet instanceof ExpressionSnippet x) {  // `x` or `x = 5`: show the variable
            Optional<VarSnippet> var = shell.variables()
                    .filter(v -> v.name().equals(x.name()) && shell.status(v).isActive())
                    .reduce((a, b) -> b);
            if (var.isPresent()) return new Outcome(Optional.ofNullable(read(var.get())), false);
        }
        return Outcome.NONE;
    }

    private Object read(VarSnippet v) {
        return execution.control().capture(() -> shell.varValue(v));
    }

    private void warnUnresolved(Snippet snippet) {
        if (!(snippet instanceof jdk.jshell.DeclarationSnippet s)) return;
        String missing = String.join(", ", shell.unresolvedDependencies(s).toList());
        if (!missing.isEmpty()) System.err.println("note: this snippet refers to " + missing + ", not declared yet");
    }

    // ------------------------------------------------------------------------------------------------------ errors

    private CellError compileError(Snippet s) {
        List<Diag> diags = shell.diagnostics(s).filter(Diag::isError).toList();
        if (diags.isEmpty()) return new CellError("CompilationError", "the snippet was rejected", List.of("CompilationError: " + s.source()));
        List<String> tb = new ArrayList<>();
        String src = s.source();
        for (Diag d : diags) {
            tb.add("error: " + d.getMessage(Locale.ROOT));
            tb.addAll(excerpt(src, d));
        }
        String first = diags.get(0).getMessage(Locale.ROOT);
        return new CellError("CompilationError", first, tb);
    }

    /** The source line of a diagnostic with a caret under its position. */
    static List<String> excerpt(String src, Diag d) {
        long pos = d.getPosition() >= 0 ? d.getPosition() : d.getStartPosition();
        if (pos < 0 || pos > src.length()) return List.of();
        int p = (int) pos;
        int lineStart = src.lastIndexOf('\n', Math.max(0, p - 1)) + 1;
        if (p == 0) lineStart = 0;
        int lineEnd = src.indexOf('\n', p);
        if (lineEnd < 0) lineEnd = src.length();
        String line = src.substring(lineStart, lineEnd);
        return List.of("    " + line, "    " + " ".repeat(Math.max(0, p - lineStart)) + "^");
    }

    private CellError runtimeError(JShellException ex) {
        if (ex instanceof UnresolvedReferenceException u) {
            String missing = String.join(", ", shell.unresolvedDependencies(u.getSnippet()).toList());
            String msg = "cannot run '" + firstLine(u.getSnippet().source()) + "' until " + missing + " is declared";
            return new CellError("UnresolvedReference", msg, List.of("UnresolvedReference: " + msg));
        }
        String ename = ex instanceof EvalException ee ? simpleName(ee.getExceptionClassName()) : ex.getClass().getSimpleName();
        String evalue = ex.getMessage() == null ? "" : ex.getMessage();
        List<String> tb = new ArrayList<>();
        Throwable t = ex;
        boolean first = true;
        LinkedHashSet<Throwable> seen = new LinkedHashSet<>();
        while (t != null && seen.add(t)) {
            String name = t instanceof EvalException ee ? ee.getExceptionClassName() : t.getClass().getName();
            tb.add((first ? "" : "Caused by: ") + name + (t.getMessage() == null ? "" : ": " + t.getMessage()));
            for (StackTraceElement f : t.getStackTrace()) {
                String c = f.getClassName();
                if (c.startsWith("jdk.internal.reflect.") || c.startsWith("java.lang.reflect.") || c.startsWith("jdk.jshell.")) break;
                tb.add("\tat " + frame(f));
            }
            t = t.getCause();
            first = false;
        }
        return new CellError(ename, evalue, tb);
    }

    /** A stack frame; JShell names frames of cell code by snippet ({@code #12:3} = snippet 12, line 3). */
    static String frame(StackTraceElement f) {
        String where = f.getFileName() == null ? "" : f.getFileName() + (f.getLineNumber() >= 0 ? ":" + f.getLineNumber() : "");
        String what = (f.getClassName().isEmpty() ? "" : f.getClassName() + ".") + f.getMethodName();
        if (what.isEmpty() || what.equals(".")) return "cell snippet " + where;
        return what + "(" + where + ")";
    }

    static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
    }

    private static String firstLine(String s) {
        String line = s.strip();
        int nl = line.indexOf('\n');
        return nl < 0 ? line : line.substring(0, nl) + " ...";
    }

    // ------------------------------------------------------------------------------------------------ interrupt

    /**
     * Interrupts the running cell, if any: its threads get {@link Thread#interrupt()} now, and JShell's stop after the
     * grace period if the cell is still running then. Safe to call from any thread; a no-op when idle.
     */
    public void interrupt() {
        long cell = runningCell;
        if (cell == 0) return;
        interruptRequested = true;
        interruptSnippetThreads();
        Thread escalate = new Thread(() -> {
            try {
                Thread.sleep(options.stopGrace().toMillis());
            } catch (InterruptedException e) {
                return;
            }
            if (runningCell == cell) shell.stop();
        }, "syscall-lab-stop");
        escalate.setDaemon(true);
        escalate.start();
    }

    /** JShell runs each snippet on a new thread in a new thread group below ours; interrupt those, not ourselves. */
    private void interruptSnippetThreads() {
        ThreadGroup[] groups;
        int n;
        do {
            groups = new ThreadGroup[cellThreads.activeGroupCount() + 4];
            n = cellThreads.enumerate(groups, false);
        } while (n == groups.length);
        for (int i = 0; i < n; i++) groups[i].interrupt();
    }

    // ------------------------------------------------------------------------------------- completion and docs

    /** Completions at {@code cursor}: the replacement texts and the range of {@code code} they replace. */
    public Completions complete(String code, int cursor) {
        return call(() -> {
            Magics.Cell parsed = parseOrNull(code);
            if (parsed == null) return new Completions(List.of(), cursor, cursor);
            int local = cursor - parsed.codeOffset();
            if (local < 0) return new Completions(List.of(), cursor, cursor);
            Chunk chunk = chunkAt(parsed.code(), local);
            if (chunk == null) return new Completions(List.of(), cursor, cursor);
            String text = parsed.code().substring(chunk.start(), Math.max(chunk.start(), Math.min(chunk.end(), parsed.code().length())));
            int[] anchor = new int[1];
            List<SourceCodeAnalysis.Suggestion> s = shell.sourceCodeAnalysis().completionSuggestions(text, local - chunk.start(), anchor);
            List<String> texts = s.stream().map(SourceCodeAnalysis.Suggestion::continuation).distinct().toList();
            int base = parsed.codeOffset() + chunk.start();
            return new Completions(texts, base + anchor[0], cursor);
        });
    }

    /**
     * Completion candidates.
     *
     * @param matches the texts that may replace {@code code[start, end)}
     */
    public record Completions(List<String> matches, int start, int end) { }

    /** Signature and javadoc of what is at {@code cursor}, or the type and value of a variable; empty if unknown. */
    public Optional<String> inspect(String code, int cursor) {
        return call(() -> {
            Magics.Cell parsed = parseOrNull(code);
            if (parsed == null) return Optional.<String>empty();
            int local = cursor - parsed.codeOffset();
            if (local < 0) return Optional.<String>empty();
            String text = parsed.code();
            Chunk chunk = chunkAt(text, local);
            if (chunk == null) return Optional.<String>empty();
            int end = Math.min(local, text.length());
            while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) end++;
            String prefix = text.substring(chunk.start(), end);
            SourceCodeAnalysis sca = shell.sourceCodeAnalysis();
            List<SourceCodeAnalysis.Documentation> docs = sca.documentation(prefix, prefix.length(), true);
            if (docs.isEmpty()) docs = sca.documentation(prefix + "(", prefix.length() + 1, true);
            if (!docs.isEmpty()) {
                return Optional.of(docs.stream()
                        .map(d -> d.signature() + (d.javadoc() == null || d.javadoc().isBlank() ? "" : "\n\n" + d.javadoc().strip()))
                        .distinct().collect(Collectors.joining("\n\n")));
            }
            int begin = end;
            while (begin > chunk.start() && Character.isJavaIdentifierPart(text.charAt(begin - 1))) begin--;
            String name = text.substring(begin, end);
            return shell.variables().filter(v -> v.name().equals(name) && shell.status(v).isActive()).reduce((a, b) -> b)
                    .map(v -> v.typeName() + " " + v.name() + " = " + shell.varValue(v));
        });
    }

    /** Jupyter's {@code is_complete}: "complete", "invalid", or the indent for the next line. */
    public String isComplete(String code) {
        return call(() -> {
            try {
                Magics.Cell parsed = Magics.parse(code);
                return Splitter.completeness(shell.sourceCodeAnalysis(), parsed.code());
            } catch (CellError e) {
                return "invalid";
            }
        });
    }

    /** The cell split at its magics, or null when a magic line is malformed (nothing to complete or inspect). */
    private static Magics.Cell parseOrNull(String code) {
        try {
            return Magics.parse(code);
        } catch (CellError e) {
            return null;
        }
    }

    private Chunk chunkAt(String text, int pos) {
        Chunk found = null;
        for (Chunk c : Splitter.split(shell.sourceCodeAnalysis(), text)) {
            if (c.start() <= pos) found = c;
        }
        return found;
    }

    // ------------------------------------------------------------------------------------------------ plumbing

    /** Waits until the JShell is built and the startup snippets ran. */
    public void awaitStarted() {
        call(() -> null);
    }

    private <T> T call(Callable<T> task) {
        Future<?> ready = started();
        Future<T> f = thread.submit(task);
        try {
            ready.get();
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            throw new IllegalStateException("interrupted while waiting for the evaluation thread", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        }
    }

    @Override
    public void close() {
        try {
            thread.submit(() -> {
                if (shell != null) shell.close();
            }).get(Duration.ofSeconds(5).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // shutting down anyway
        }
        thread.shutdownNow();
    }
}
