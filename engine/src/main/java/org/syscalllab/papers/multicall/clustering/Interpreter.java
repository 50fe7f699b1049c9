package org.syscalllab.papers.multicall.clustering;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.mech.CallRequest;

/**
 * Executes a {@link Program} against a {@link Semantics} and records its trace and kernel crossings. Without regions
 * every call is its own trap (the original program). With regions, the same program runs as rewritten: a crossing
 * opens when control enters a region and carries every call of the region until control leaves it (for a linear
 * region, also when its header is reached again: the next multi-call). So a checked failure inside a region ends the
 * multi-call exactly where the stub of Fig. 2 stops, because control then goes to the handler outside the region.
 * Mutable while running; one instance per run.
 */
public final class Interpreter {
    /** The kernel instructions of a call's own work, from its name and the bytes it moved. */
    @FunctionalInterface
    public interface KernelWork {
        long instructions(String name, long bytes);
    }

    /** Raised when a program runs longer than the step limit (a loop that does not end). */
    public static final class StepLimitException extends RuntimeException {
        StepLimitException(String m) { super(m); }
    }

    private final Cfg cfg;
    private final ClusterRegion[] regionOf;
    private final Semantics kernel;
    private final KernelWork kernelInstructions;
    private final long branchInstructions;
    private final long maxSteps;

    private final Map<String, Long> env = new HashMap<>();
    private final List<TraceEvent> trace = new ArrayList<>();
    private final List<KernelEntry> entries = new ArrayList<>();
    private long pendingUser;
    private long steps;
    private boolean halted;

    private ClusterRegion openRegion;
    private List<CallRequest> openCalls;
    private List<TraceEvent> openEvents;
    private long openIterations;

    /**
     * @param cfg                the program's control-flow graph
     * @param regions            the regions that run as multi-calls (empty for the original program)
     * @param kernel             call semantics
     * @param kernelInstructions kernel instructions of each call's own work
     * @param branchInstructions user instructions of one branch or loop test outside a region
     * @param maxSteps           statements executed before {@link StepLimitException}
     */
    public Interpreter(Cfg cfg, List<ClusterRegion> regions, Semantics kernel, KernelWork kernelInstructions,
                       long branchInstructions, long maxSteps) {
        if (branchInstructions < 0) throw new IllegalArgumentException("branch_instructions = " + branchInstructions + " is not allowed; allowed: >= 0");
        if (maxSteps < 1) throw new IllegalArgumentException("max_steps = " + maxSteps + " is not allowed; allowed: >= 1");
        this.cfg = cfg;
        this.regionOf = new ClusterRegion[cfg.nodes().size()];
        for (ClusterRegion r : regions) {
            for (int n = r.nodes().nextSetBit(0); n >= 0; n = r.nodes().nextSetBit(n + 1)) {
                if (regionOf[n] != null) throw new IllegalArgumentException("node " + cfg.node(n).label() + " is in two regions");
                regionOf[n] = r;
            }
        }
        this.kernel = kernel;
        this.kernelInstructions = kernelInstructions;
        this.branchInstructions = branchInstructions;
        this.maxSteps = maxSteps;
    }

    /** Runs the program once from the start. */
    public Execution run() {
        exec(cfg.program().body());
        close();
        return new Execution(trace, entries, pendingUser);
    }

    private void exec(List<Stmt> stmts) {
        for (Stmt s : stmts) {
            if (halted) return;
            execOne(s);
        }
    }

    private void execOne(Stmt s) {
        if (++steps > maxSteps) throw new StepLimitException("program " + cfg.program().name() + " ran more than " + maxSteps + " steps");
        if (s instanceof Stmt.Call c) {
            call(c);
        } else if (s instanceof Stmt.User u) {
            visit(cfg.nodeOf(u.id()));
            pendingUser += u.instructions();
            if (u.noReturn()) halted = true;
        } else if (s instanceof Stmt.If i) {
            int n = cfg.nodeOf(i.id());
            visit(n);
            if (regionOf[n] == null) pendingUser += branchInstructions;
            exec(i.cond().test(env) ? i.then() : i.otherwise());
        } else {
            Stmt.While w = (Stmt.While) s;
            int t = cfg.nodeOf(w.id());
            while (!halted) {
                if (++steps > maxSteps) throw new StepLimitException("program " + cfg.program().name() + " ran more than " + maxSteps + " steps");
                RunContext.checkInterrupted();      // a small block size makes a long trace: honour Jupyter's interrupt
                if (w.condCall() != null) call(w.condCall());
                visit(t);
                if (regionOf[t] == null) pendingUser += branchInstructions;
                else if (openRegion == regionOf[t]) openIterations++;
                if (!w.cond().test(env)) break;
                exec(w.body());
            }
        }
    }

    private void call(Stmt.Call c) {
        int n = cfg.nodeOf(c.id());
        visit(n);
        long[] a = new long[c.args().size()];
        for (int i = 0; i < a.length; i++) a[i] = value(c.args().get(i));
        Semantics.Outcome o = kernel.call(c.id(), c.name(), a);
        List<Long> args = new ArrayList<>(a.length);
        for (long x : a) args.add(x);
        TraceEvent ev = new TraceEvent(c.id(), c.name(), args, o.result(), o.bytes());
        trace.add(ev);
        if (c.result() != null) env.put(c.result(), o.result());
        CallRequest req = new CallRequest(c.name(), kernelInstructions.instructions(c.name(), o.bytes()), pendingUser, o.bytes(),
                isChecked(c, n), o.result() < 0);
        pendingUser = 0;
        if (openRegion != null) {
            openCalls.add(req);
            openEvents.add(ev);
        } else {
            entries.add(new KernelEntry(null, List.of(req), List.of(ev), 0));
        }
    }

    /** A call is checked when an error check of its result sits in its region (or always, for a plain trap). */
    private boolean isChecked(Stmt.Call c, int node) {
        ClusterRegion r = regionOf[node];
        if (r == null || c.result() == null) return true;
        for (int m = r.nodes().nextSetBit(0); m >= 0; m = r.nodes().nextSetBit(m + 1)) {
            Cfg.Node nd = cfg.node(m);
            if (nd.kind() == Cfg.Kind.BRANCH && ((Stmt.If) nd.stmt()).errorCheck()
                    && ((Stmt.If) nd.stmt()).cond().var().equals(c.result())) return true;
        }
        return false;
    }

    private void visit(int node) {
        ClusterRegion r = regionOf[node];
        if (openRegion != null && (r != openRegion || (!openRegion.looped() && node == openRegion.header()))) close();
        if (r != null && openRegion == null) {
            openRegion = r;
            openCalls = new ArrayList<>();
            openEvents = new ArrayList<>();
            openIterations = 0;
        }
    }

    private void close() {
        if (openRegion != null && !openCalls.isEmpty()) {
            entries.add(new KernelEntry(openRegion, openCalls, openEvents, openIterations));
        }
        openRegion = null;
        openCalls = null;
        openEvents = null;
    }

    private long value(Arg a) {
        if (a instanceof Arg.Const k) return k.value();
        String name = a instanceof Arg.Var v ? v.name() : ((Arg.Expr) a).value();
        Long x = env.get(name);
        return x == null ? 0 : x;
    }
}
