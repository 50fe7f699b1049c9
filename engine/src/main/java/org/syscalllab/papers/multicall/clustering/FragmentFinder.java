package org.syscalllab.papers.multicall.clustering;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Finds multi-call fragments (Fig. 6): visits the edges of the system-call graph heaviest first; for an edge a → b
 * takes Between(a, b) (a, b and every statement x with a dom x dom b); skips it if that violates a condition; grows
 * the region that already holds a (or else b) by it when the union still satisfies the conditions; otherwise starts a
 * new region. With the looped rule, a region that holds a whole loop body takes in the loop. The five conditions
 * (§3.2) are checked by {@link #violations}. Stateless; {@link #find} returns the regions and a log of decisions.
 */
public final class FragmentFinder {
    /** One decision of the algorithm, for display: the edge, the call sites, and what was done and why. */
    public record Decision(String edge, long weight, String sites, String action, String reason) { }

    /** Regions found and the decisions taken. */
    public record Result(List<ClusterRegion> regions, List<Decision> decisions) {
        public Result {
            regions = List.copyOf(regions);
            decisions = List.copyOf(decisions);
        }

        /** The decisions in order as a table: edge, weight, call sites, action, reason. */
        public Table toTable() {
            return Table.create("fragment finder decisions",
                    StringColumn.create("edge", decisions.stream().map(Decision::edge).toList()),
                    LongColumn.create("weight", decisions.stream().mapToLong(Decision::weight).toArray()),
                    StringColumn.create("sites", decisions.stream().map(Decision::sites).toList()),
                    StringColumn.create("action", decisions.stream().map(Decision::action).toList()),
                    StringColumn.create("reason", decisions.stream().map(Decision::reason).toList()));
        }
    }

    private FragmentFinder() { }

    public static Result find(Cfg cfg, SyscallGraph graph, ClusteringOptions opt) {
        List<BitSet> regions = new ArrayList<>();
        List<Boolean> looped = new ArrayList<>();
        List<Decision> log = new ArrayList<>();
        for (SyscallGraph.Edge e : graph.edgesByWeight()) {
            String edge = e.from() + " -> " + e.to();
            if (e.weight() < opt.minEdgeWeight()) {
                log.add(new Decision(edge, e.weight(), "", "skip", "weight below " + opt.minEdgeWeight()));
                continue;
            }
            for (String sa : graph.sitesOf(e.from())) {
                for (String sb : graph.sitesOf(e.to())) {
                    String sites = sa + " -> " + sb;
                    int a = cfg.nodeOf(sa);
                    int b = cfg.nodeOf(sb);
                    if (a == b || !cfg.dominates(a, b)) {
                        log.add(new Decision(edge, e.weight(), sites, "skip", "the first call does not dominate the second"));
                        continue;
                    }
                    BitSet between = between(cfg, a, b);
                    List<String> v = violations(cfg, between, opt);
                    if (!v.isEmpty()) {
                        log.add(new Decision(edge, e.weight(), sites, "skip", String.join("; ", v)));
                        continue;
                    }
                    int ra = regionOf(regions, a);
                    int target = ra >= 0 ? ra : regionOf(regions, b);
                    BitSet cand = (BitSet) between.clone();
                    if (target >= 0) cand.or(regions.get(target));
                    if (overlapsOther(regions, cand, target)) {
                        log.add(new Decision(edge, e.weight(), sites, "skip", "overlaps another region"));
                        continue;
                    }
                    v = violations(cfg, cand, opt);
                    if (!v.isEmpty()) {
                        log.add(new Decision(edge, e.weight(), sites, "skip", "cannot grow region " + (target + 1) + ": " + String.join("; ", v)));
                        continue;
                    }
                    if (target >= 0 && cand.equals(regions.get(target))) {
                        log.add(new Decision(edge, e.weight(), sites, "keep", "already in region " + (target + 1)));
                        continue;
                    }
                    int idx = target;
                    if (idx < 0) {
                        regions.add(cand);
                        looped.add(false);
                        idx = regions.size() - 1;
                        log.add(new Decision(edge, e.weight(), sites, "new", "region " + (idx + 1) + " = " + labels(cfg, cand)));
                    } else {
                        regions.set(idx, cand);
                        log.add(new Decision(edge, e.weight(), sites, "grow", "region " + (idx + 1) + " = " + labels(cfg, cand)));
                    }
                    if (opt.looped()) applyLoopRule(cfg, regions, looped, idx, opt, log);
                }
            }
        }
        List<ClusterRegion> out = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            BitSet r = regions.get(i);
            out.add(toRegion(cfg, i + 1, r, opt.looped() && wholeLoop(cfg, r) != null));
        }
        return new Result(out, log);
    }

    /** Between(a, b): a, b and every x with a dom x dom b, i.e. the dominator-tree path from b up to a. */
    public static BitSet between(Cfg cfg, int a, int b) {
        BitSet s = new BitSet();
        int x = b;
        while (x >= 0) {
            s.set(x);
            if (x == a) return s;
            x = cfg.idom(x);
        }
        throw new IllegalArgumentException(cfg.node(a).label() + " does not dominate " + cfg.node(b).label());
    }

    /** The conditions of §3.2 that a candidate region violates (empty when it is clusterable). */
    public static List<String> violations(Cfg cfg, BitSet r, ClusteringOptions opt) {
        List<String> v = new ArrayList<>();
        boolean looped = opt.looped() && wholeLoop(cfg, r) != null;
        int calls = 0;
        for (int n = r.nextSetBit(0); n >= 0; n = r.nextSetBit(n + 1)) if (cfg.node(n).kind() == Cfg.Kind.CALL) calls++;
        if (calls > opt.maxClusterSize()) v.add("size: " + calls + " calls exceed K = " + opt.maxClusterSize());
        int header = header(cfg, r);
        if (header < 0) {
            v.add("dominance: no statement dominates the region");
            return v;
        }
        for (int n = r.nextSetBit(0); n >= 0; n = r.nextSetBit(n + 1)) {
            Cfg.Node node = cfg.node(n);
            // 1. single entry
            if (n != header) {
                for (int p : cfg.predecessors(n)) {
                    if (!r.get(p)) v.add("dominance: " + node.label() + " is also entered from " + cfg.node(p).label());
                }
            }
            // 2. safety
            switch (node.kind()) {
                case USER -> v.add("safety: user code '" + node.label() + "' would run in the kernel");
                case ENTRY, EXIT -> v.add("safety: program " + node.label());
                case BRANCH, LOOP_TEST -> {
                    String var = node.kind() == Cfg.Kind.BRANCH ? ((Stmt.If) node.stmt()).cond().var() : ((Stmt.While) node.stmt()).cond().var();
                    if (!resultOfCallIn(cfg, r, var)) v.add("safety: " + node.label() + " tests a value no call of the region returns");
                }
                default -> { }
            }
            // 3. convexity: every node on the dominator path from n up to the header is in the region
            for (int x = cfg.idom(n); n != header && x >= 0 && x != header; x = cfg.idom(x)) {
                if (!r.get(x)) { v.add("convexity: " + cfg.node(x).label() + " lies between region statements"); break; }
            }
            // 4. argument safety: constants and variables (passed by reference) only, no expressions
            if (node.kind() == Cfg.Kind.CALL) {
                for (Arg a : ((Stmt.Call) node.stmt()).args()) {
                    if (a instanceof Arg.Expr) v.add("argument safety: '" + a.text() + "' of " + node.label() + " is an expression");
                }
            }
            // 5. linearity
            if (!opt.relaxLinearity() && node.kind() == Cfg.Kind.BRANCH && !((Stmt.If) node.stmt()).errorCheck()) {
                v.add("linearity: " + node.label() + " is a control decision inside the region");
            }
            if (node.kind() == Cfg.Kind.LOOP_TEST && !looped && !opt.relaxLinearity()) {
                v.add("linearity: " + node.label() + " is a loop test inside the region");
            }
            for (int s : cfg.successors(n)) {
                if (r.get(s) && cfg.dominates(s, n) && !looped) {
                    v.add("linearity: the loop back-edge " + node.label() + " -> " + cfg.node(s).label() + " is inside a region that is not looped");
                }
            }
        }
        return v;
    }

    private static void applyLoopRule(Cfg cfg, List<BitSet> regions, List<Boolean> looped, int idx, ClusteringOptions opt,
                                      List<Decision> log) {
        if (looped.get(idx)) return;
        BitSet r = regions.get(idx);
        for (Stmt.While w : cfg.loops()) {
            BitSet body = new BitSet();
            for (Stmt s : Stmt.flatten(w.body())) body.set(cfg.nodeOf(s.id()));
            if (body.isEmpty()) continue;
            BitSet missing = (BitSet) body.clone();
            missing.andNot(r);
            if (!missing.isEmpty()) continue;
            BitSet cand = (BitSet) r.clone();
            cand.or(cfg.loopNodes(w));
            if (overlapsOther(regions, cand, idx)) continue;
            List<String> v = violations(cfg, cand, opt);
            if (v.isEmpty()) {
                regions.set(idx, cand);
                looped.set(idx, true);
                log.add(new Decision("", 0, "", "loop", "region " + (idx + 1) + " holds the whole body of " + w.id()
                        + ": the loop runs in the kernel (looped multi-call)"));
                return;
            }
            log.add(new Decision("", 0, "", "skip", "region " + (idx + 1) + " cannot take in loop " + w.id() + ": " + String.join("; ", v)));
        }
    }

    /** A loop all of whose nodes (condition call, test, body) are in r, or null. */
    static Stmt.While wholeLoop(Cfg cfg, BitSet r) {
        for (Stmt.While w : cfg.loops()) {
            BitSet l = cfg.loopNodes(w);
            l.andNot(r);
            if (l.isEmpty()) return w;
        }
        return null;
    }

    private static boolean resultOfCallIn(Cfg cfg, BitSet r, String var) {
        for (int n = r.nextSetBit(0); n >= 0; n = r.nextSetBit(n + 1)) {
            Cfg.Node node = cfg.node(n);
            if (node.kind() == Cfg.Kind.CALL && var.equals(((Stmt.Call) node.stmt()).result())) return true;
        }
        return false;
    }

    /** The node of r that dominates every node of r, or -1. */
    static int header(Cfg cfg, BitSet r) {
        outer:
        for (int h = r.nextSetBit(0); h >= 0; h = r.nextSetBit(h + 1)) {
            for (int n = r.nextSetBit(0); n >= 0; n = r.nextSetBit(n + 1)) if (!cfg.dominates(h, n)) continue outer;
            return h;
        }
        return -1;
    }

    private static int regionOf(List<BitSet> regions, int node) {
        for (int i = 0; i < regions.size(); i++) if (regions.get(i).get(node)) return i;
        return -1;
    }

    private static boolean overlapsOther(List<BitSet> regions, BitSet cand, int except) {
        for (int i = 0; i < regions.size(); i++) if (i != except && regions.get(i).intersects(cand)) return true;
        return false;
    }

    private static ClusterRegion toRegion(Cfg cfg, int id, BitSet nodes, boolean looped) {
        List<String> calls = new ArrayList<>();
        // program order: the order statements appear in the program text
        for (Stmt s : cfg.program().statements()) {
            if (s instanceof Stmt.Call && nodes.get(cfg.nodeOf(s.id()))) calls.add(s.id());
        }
        String loop = looped ? wholeLoop(cfg, nodes).id() : null;
        return new ClusterRegion(id, nodes, header(cfg, nodes), calls, looped, loop);
    }

    static String labels(Cfg cfg, BitSet r) {
        List<String> l = new ArrayList<>();
        for (int n = r.nextSetBit(0); n >= 0; n = r.nextSetBit(n + 1)) l.add(cfg.node(n).label());
        return "{" + String.join(", ", l) + "}";
    }
}
