package org.syscalllab.papers.multicall.clustering;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compiler transformations of §3.3 that bring system calls together so that larger regions become clusterable.
 * Each one is semantics-preserving on the statement language; {@link #apply} runs the enabled ones to a fixpoint.
 * Function inlining is assumed done (programs are single procedures).
 */
public final class Transformations {
    private static final int MAX_ROUNDS = 32;

    private Transformations() { }

    /** Applies the transformations that the options enable until the program stops changing. */
    public static Program apply(Program p, ClusteringOptions opt) {
        Program cur = p;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Program next = cur;
            if (opt.loopRotation()) next = rotateLoops(next);
            if (opt.restructureHandlers()) next = restructureHandlers(next);
            if (opt.codeMotion()) next = moveCalls(next);
            if (next.equals(cur)) return cur;
            cur = next;
        }
        return cur;
    }

    /**
     * Loop rotation ("shift the loop window by half the loop length"): {@code while ((x = c()) op k) body} becomes
     * {@code x = c(); while (x op k) { body; x = c(); }}. The call before the loop gets the id {@code <id>_0}. The
     * read → test → write grouping of a copy loop, which holds a control decision, becomes a straight-line write → read.
     */
    public static Program rotateLoops(Program p) {
        return new Program(p.name(), rotate(p.body()));
    }

    private static List<Stmt> rotate(List<Stmt> stmts) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : stmts) {
            if (s instanceof Stmt.While w) {
                List<Stmt> body = rotate(w.body());
                if (w.condCall() != null) {
                    Stmt.Call c = w.condCall();
                    out.add(new Stmt.Call(c.id() + "_0", c.result(), c.name(), c.args()));
                    List<Stmt> nb = new ArrayList<>(body);
                    nb.add(c);
                    out.add(new Stmt.While(w.id(), null, w.cond(), nb));
                } else {
                    out.add(new Stmt.While(w.id(), null, w.cond(), body));
                }
            } else if (s instanceof Stmt.If i) {
                out.add(new Stmt.If(i.id(), i.cond(), rotate(i.then()), rotate(i.otherwise()), i.errorCheck()));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Restructuring mutually exclusive statements: {@code if (err) handler; rest} becomes
     * {@code if (err) handler else rest} when the handler ends in a statement that never returns, so that the handler
     * no longer flows into the next call.
     */
    public static Program restructureHandlers(Program p) {
        return new Program(p.name(), restructure(p.body()));
    }

    private static List<Stmt> restructure(List<Stmt> stmts) {
        List<Stmt> out = new ArrayList<>();
        for (int k = 0; k < stmts.size(); k++) {
            Stmt s = stmts.get(k);
            if (s instanceof Stmt.If i) {
                List<Stmt> then = restructure(i.then());
                List<Stmt> otherwise = restructure(i.otherwise());
                boolean exits = !then.isEmpty() && then.get(then.size() - 1) instanceof Stmt.User u && u.noReturn();
                if (i.errorCheck() && exits && otherwise.isEmpty() && k + 1 < stmts.size()) {
                    out.add(new Stmt.If(i.id(), i.cond(), then, restructure(stmts.subList(k + 1, stmts.size())), true));
                    return out;
                }
                out.add(new Stmt.If(i.id(), i.cond(), then, otherwise, i.errorCheck()));
            } else if (s instanceof Stmt.While w) {
                out.add(new Stmt.While(w.id(), w.condCall(), w.cond(), restructure(w.body())));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Interchanging independent statements: a call moves up past user statements that have no side effects and that
     * neither read nor write what the call reads or writes (its variable arguments, passed by reference, and its
     * result), so that it comes right after the previous call. It moves only when a call precedes those statements.
     */
    public static Program moveCalls(Program p) {
        return new Program(p.name(), move(p.body()));
    }

    private static List<Stmt> move(List<Stmt> stmts) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : stmts) {
            if (s instanceof Stmt.If i) out.add(new Stmt.If(i.id(), i.cond(), move(i.then()), move(i.otherwise()), i.errorCheck()));
            else if (s instanceof Stmt.While w) out.add(new Stmt.While(w.id(), w.condCall(), w.cond(), move(w.body())));
            else out.add(s);
        }
        for (int k = 0; k < out.size(); k++) {
            if (!(out.get(k) instanceof Stmt.Call c)) continue;
            int j = k;
            while (j > 0 && out.get(j - 1) instanceof Stmt.User u && independent(u, c)) j--;
            if (j < k && j > 0 && out.get(j - 1) instanceof Stmt.Call) {
                out.remove(k);
                out.add(j, c);
            }
        }
        return out;
    }

    /**
     * The arguments (0-based) through which a call writes user memory; every other argument is only read. From the
     * calls' manual pages: read and recvfrom fill their buffer, gettimeofday its timeval and timezone, select its
     * descriptor sets and (on Linux) its timeout.
     */
    static final Map<String, Set<Integer>> OUTPUT_ARGS = Map.of(
            "read", Set.of(1), "recvfrom", Set.of(1), "gettimeofday", Set.of(0, 1), "select", Set.of(1, 2, 3, 4));

    static boolean independent(Stmt.User u, Stmt.Call c) {
        if (u.sideEffects() || u.noReturn()) return false;
        Set<String> reads = new HashSet<>();
        Set<String> writes = new HashSet<>();
        Set<Integer> out = OUTPUT_ARGS.getOrDefault(c.name(), Set.of());
        for (int i = 0; i < c.args().size(); i++) {
            Arg a = c.args().get(i);
            if (a instanceof Arg.Var v) {
                reads.add(v.name());
                if (out.contains(i)) writes.add(v.name());
            }
            if (a instanceof Arg.Expr e) reads.addAll(e.reads());
        }
        if (c.result() != null) writes.add(c.result());
        for (String x : u.writes()) if (reads.contains(x) || writes.contains(x)) return false;
        for (String x : u.reads()) if (writes.contains(x)) return false;
        return true;
    }
}
