package org.syscalllab.papers.multicall.clustering;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Prints a program rewritten to use multi-calls (Fig. 7): each region becomes a block that fills one
 * {@code sys_params} record per call (arguments by reference through {@code set_params}, result pointer, check
 * flag), issues {@code multi_call} (or the looped variant) and dispatches to the original error handling on the
 * returned index. Indices are 1-based and success returns {@code count + 1}, as in the stub of Fig. 2. Stateless.
 */
public final class Rewriter {
    private Rewriter() { }

    public static String text(Cfg cfg, List<ClusterRegion> regions) {
        StringBuilder sb = new StringBuilder();
        int k = 0;
        for (ClusterRegion r : regions) k = Math.max(k, r.size());
        if (k > 0) sb.append("struct sys_params mcall_args[").append(k + 1).append("]; int rval;   /* records 1..").append(k).append(", as the stub of Fig. 2 */\n");
        print(cfg, regions, cfg.program().body(), 0, new HashSet<>(), sb);
        return sb.toString();
    }

    private static ClusterRegion regionOf(List<ClusterRegion> regions, int node) {
        for (ClusterRegion r : regions) if (r.contains(node)) return r;
        return null;
    }

    private static void print(Cfg cfg, List<ClusterRegion> regions, List<Stmt> stmts, int depth, Set<Integer> emitted, StringBuilder sb) {
        String ind = "    ".repeat(depth);
        for (Stmt s : stmts) {
            int node = cfg.nodeOf(s instanceof Stmt.While w && w.condCall() != null ? w.condCall().id() : s.id());
            ClusterRegion r = regionOf(regions, node);
            if (r == null && s instanceof Stmt.While w) r = regionOf(regions, cfg.nodeOf(w.id()));
            if (r != null) {
                if (emitted.add(r.id())) block(cfg, r, depth, emitted, regions, sb);
                if (s instanceof Stmt.If i) print(cfg, regions, i.otherwise(), depth, emitted, sb);
                continue;
            }
            if (s instanceof Stmt.If i) {
                sb.append(ind).append("if (").append(i.cond()).append(") {\n");
                print(cfg, regions, i.then(), depth + 1, emitted, sb);
                if (!i.otherwise().isEmpty()) {
                    sb.append(ind).append("} else {\n");
                    print(cfg, regions, i.otherwise(), depth + 1, emitted, sb);
                }
                sb.append(ind).append("}\n");
            } else if (s instanceof Stmt.While w) {
                String c = w.condCall() == null ? w.cond().toString()
                        : "(" + w.condCall() + ") " + w.cond().op().symbol + " " + w.cond().value();
                sb.append(ind).append("while (").append(c).append(") {\n");
                print(cfg, regions, w.body(), depth + 1, emitted, sb);
                sb.append(ind).append("}\n");
            } else {
                sb.append(ind).append(s).append(";\n");
            }
        }
    }

    private static void block(Cfg cfg, ClusterRegion r, int depth, Set<Integer> emitted, List<ClusterRegion> regions, StringBuilder sb) {
        String ind = "    ".repeat(depth);
        int k = r.size();
        sb.append(ind).append("/* region ").append(r.id()).append(r.looped() ? ": looped multi-call of loop " + r.loopId() : ": multi-call")
          .append(" of ").append(k).append(" calls */\n");
        Set<String> checked = new HashSet<>();
        for (int n = r.nodes().nextSetBit(0); n >= 0; n = r.nodes().nextSetBit(n + 1)) {
            Cfg.Node nd = cfg.node(n);
            if (nd.kind() == Cfg.Kind.BRANCH && ((Stmt.If) nd.stmt()).errorCheck()) checked.add(((Stmt.If) nd.stmt()).cond().var());
        }
        for (int i = 0; i < k; i++) {
            Stmt.Call c = (Stmt.Call) cfg.program().statement(r.calls().get(i));
            String p = ind + "mcall_args[" + (i + 1) + "]";
            sb.append(p).append(".sys_call_no = __NR_").append(c.name()).append("; ")
              .append(p.strip()).append(".params = set_params(")
              .append(c.args().stream().map(a -> a instanceof Arg.Const ? a.text() : "&" + a.text()).collect(Collectors.joining(", ")))
              .append(");");
            if (c.result() != null) sb.append(' ').append(p.strip()).append(".result = &").append(c.result()).append(';');
            sb.append(' ').append(p.strip()).append(".check_return_value = ").append(c.result() != null && checked.contains(c.result()) ? 1 : 0).append(";\n");
        }
        if (r.looped()) {
            Stmt.While w = (Stmt.While) cfg.program().statement(r.loopId());
            sb.append(ind).append("rval = multi_call_looped(").append(k).append(", mcall_args, /* while */ ").append(w.cond()).append(");\n");
        } else {
            sb.append(ind).append("rval = multi_call(").append(k).append(", mcall_args);\n");
        }
        boolean any = false;
        for (int n = r.nodes().nextSetBit(0); n >= 0; n = r.nodes().nextSetBit(n + 1)) {
            Cfg.Node nd = cfg.node(n);
            if (nd.kind() != Cfg.Kind.BRANCH || !((Stmt.If) nd.stmt()).errorCheck()) continue;
            Stmt.If i = (Stmt.If) nd.stmt();
            int idx = 0;
            for (int j = 0; j < k; j++) {
                Stmt.Call c = (Stmt.Call) cfg.program().statement(r.calls().get(j));
                if (i.cond().var().equals(c.result())) idx = j + 1;
            }
            sb.append(ind).append(any ? "else if" : "if").append(" (rval == ").append(idx).append(") {   /* ").append(i.cond()).append(" */\n");
            print(cfg, regions, i.then(), depth + 1, emitted, sb);
            sb.append(ind).append("}\n");
            any = true;
        }
    }
}
