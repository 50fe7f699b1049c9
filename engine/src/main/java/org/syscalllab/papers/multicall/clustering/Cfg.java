package org.syscalllab.papers.multicall.clustering;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The control-flow graph of a {@link Program}, one node per simple statement (a call, a user statement, the test of
 * an if, the test of a loop) plus an entry and an exit, with dominators computed by the iterative data-flow
 * algorithm. The analysis sees user code as the compiler does: a handler that calls {@code exit()} still falls
 * through (that it never returns is programmer knowledge, used only by the restructuring transformation).
 */
public final class Cfg {
    /** What a node is. */
    public enum Kind { ENTRY, EXIT, CALL, USER, BRANCH, LOOP_TEST }

    /** One node: its kind and the statement it stands for (null for entry and exit). */
    public record Node(int index, Kind kind, Stmt stmt) {
        public String label() {
            return switch (kind) {
                case ENTRY -> "ENTRY";
                case EXIT -> "EXIT";
                case BRANCH -> "if (" + ((Stmt.If) stmt).cond() + ")";
                case LOOP_TEST -> "while-test (" + ((Stmt.While) stmt).cond() + ")";
                default -> stmt.toString();
            };
        }
    }

    private final Program program;
    private final List<Node> nodes = new ArrayList<>();
    private final List<List<Integer>> succ = new ArrayList<>();
    private final List<List<Integer>> pred = new ArrayList<>();
    private final Map<String, Integer> byStmt = new HashMap<>();
    private final Map<Integer, Stmt.While> loopOfTest = new HashMap<>();
    private BitSet[] dom;
    private int[] idom;

    public Cfg(Program program) {
        this.program = program;
        int entry = add(Kind.ENTRY, null);
        List<Integer> out = build(program.body(), List.of(entry));
        int exit = add(Kind.EXIT, null);
        link(out, exit);
        computeDominators();
    }

    public Program program() { return program; }

    public List<Node> nodes() { return List.copyOf(nodes); }

    public Node node(int i) { return nodes.get(i); }

    public int entry() { return 0; }

    public List<Integer> successors(int n) { return List.copyOf(succ.get(n)); }

    public List<Integer> predecessors(int n) { return List.copyOf(pred.get(n)); }

    /** The node of a statement (for a loop, its test). */
    public int nodeOf(String stmtId) {
        Integer n = byStmt.get(stmtId);
        if (n == null) throw new IllegalArgumentException("no node for statement " + stmtId);
        return n;
    }

    /** Whether a dominates b (every path from the entry to b passes through a; a node dominates itself). */
    public boolean dominates(int a, int b) { return dom[b].get(a); }

    /** The immediate dominator of n (-1 for the entry). */
    public int idom(int n) { return idom[n]; }

    /** The loop whose test is node n, or null. */
    public Stmt.While loopOfTest(int n) { return loopOfTest.get(n); }

    /** The nodes of a loop: its condition call (if any), its test and every node of its body. */
    public BitSet loopNodes(Stmt.While w) {
        BitSet b = new BitSet();
        if (w.condCall() != null) b.set(nodeOf(w.condCall().id()));
        b.set(nodeOf(w.id()));
        for (Stmt s : Stmt.flatten(w.body())) b.set(nodeOf(s.id()));
        return b;
    }

    /** The loops of the program, outermost first. */
    public List<Stmt.While> loops() {
        List<Stmt.While> out = new ArrayList<>();
        for (Stmt s : program.statements()) if (s instanceof Stmt.While w) out.add(w);
        return out;
    }

    private int add(Kind k, Stmt s) {
        int i = nodes.size();
        nodes.add(new Node(i, k, s));
        succ.add(new ArrayList<>());
        pred.add(new ArrayList<>());
        if (s != null) byStmt.put(s.id(), i);
        return i;
    }

    private void link(List<Integer> from, int to) {
        for (int f : from) {
            if (!succ.get(f).contains(to)) {
                succ.get(f).add(to);
                pred.get(to).add(f);
            }
        }
    }

    private List<Integer> build(List<Stmt> stmts, List<Integer> in) {
        List<Integer> cur = in;
        for (Stmt s : stmts) cur = buildOne(s, cur);
        return cur;
    }

    private List<Integer> buildOne(Stmt s, List<Integer> in) {
        if (s instanceof Stmt.Call c) {
            int n = add(Kind.CALL, c);
            link(in, n);
            return List.of(n);
        }
        if (s instanceof Stmt.User u) {
            int n = add(Kind.USER, u);
            link(in, n);
            return List.of(n);
        }
        if (s instanceof Stmt.If i) {
            int b = add(Kind.BRANCH, i);
            link(in, b);
            List<Integer> out = new ArrayList<>(build(i.then(), List.of(b)));
            for (int x : build(i.otherwise(), List.of(b))) if (!out.contains(x)) out.add(x);
            return out;
        }
        Stmt.While w = (Stmt.While) s;
        int first = -1;
        if (w.condCall() != null) {
            first = add(Kind.CALL, w.condCall());
            link(in, first);
        }
        int t = add(Kind.LOOP_TEST, w);
        loopOfTest.put(t, w);
        if (first >= 0) link(List.of(first), t);
        else link(in, t);
        List<Integer> bodyOut = build(w.body(), List.of(t));
        link(bodyOut, first >= 0 ? first : t);
        return List.of(t);
    }

    private void computeDominators() {
        int n = nodes.size();
        dom = new BitSet[n];
        for (int i = 0; i < n; i++) {
            dom[i] = new BitSet(n);
            if (i == 0) dom[i].set(0);
            else dom[i].set(0, n);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 1; i < n; i++) {
                BitSet d = new BitSet(n);
                boolean first = true;
                for (int p : pred.get(i)) {
                    if (first) { d.or(dom[p]); first = false; } else d.and(dom[p]);
                }
                if (first) d.clear(); // unreachable
                d.set(i);
                if (!d.equals(dom[i])) { dom[i] = d; changed = true; }
            }
        }
        idom = new int[n];
        for (int i = 0; i < n; i++) {
            idom[i] = -1;
            if (i == 0) continue;
            // the strict dominator that every other strict dominator dominates
            for (int d = dom[i].nextSetBit(0); d >= 0; d = dom[i].nextSetBit(d + 1)) {
                if (d == i) continue;
                if (dom[d].cardinality() == dom[i].cardinality() - 1) { idom[i] = d; break; }
            }
        }
    }
}
