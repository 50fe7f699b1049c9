package org.syscalllab.papers.multicall.clustering;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The system-call graph of §3.1: a node per system call together with selected arguments, and a directed edge
 * s_i → s_j weighted by how often s_j immediately follows s_i in the trace. Built by {@link #build} in one pass, as
 * the GraphBuilder of Fig. 4. Each node also remembers the call sites that produced it, so that the fragment finder
 * can go from a trace edge to the program. Immutable.
 */
public final class SyscallGraph {
    /** How trace events become nodes. */
    public enum Keying {
        /** The call name only: every read is one node. */
        NAME,
        /** The call name and its first argument (the descriptor for read, write, close): the paper's read(3,…). */
        NAME_FIRST_ARG,
        /** The call site: one node per place in the program. */
        SITE
    }

    /** An edge with its weight; {@code order} is the position of its first occurrence in the trace (for ties). */
    public record Edge(String from, String to, long weight, int order) { }

    private final Map<String, Set<String>> sites;
    private final List<Edge> edges;

    private SyscallGraph(Map<String, Set<String>> sites, List<Edge> edges) {
        this.sites = sites;
        this.edges = edges;
    }

    /** GraphBuilder (Fig. 4): one pass over the trace counting immediate successions. */
    public static SyscallGraph build(List<TraceEvent> trace, Keying keying) {
        Map<String, Set<String>> sites = new LinkedHashMap<>();
        Map<String, long[]> weights = new LinkedHashMap<>(); // "from\u0000to" -> {weight, first}
        String prev = null;
        int i = 0;
        for (TraceEvent e : trace) {
            String k = key(e, keying);
            sites.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(e.site());
            if (prev != null) {
                final int at = i;
                weights.computeIfAbsent(prev + "\u0000" + k, x -> new long[] {0, at})[0]++;
            }
            prev = k;
            i++;
        }
        List<Edge> edges = new ArrayList<>();
        for (Map.Entry<String, long[]> w : weights.entrySet()) {
            String[] ft = w.getKey().split("\u0000", 2);
            edges.add(new Edge(ft[0], ft[1], w.getValue()[0], (int) w.getValue()[1]));
        }
        Map<String, Set<String>> frozen = new LinkedHashMap<>();
        sites.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
        return new SyscallGraph(frozen, List.copyOf(edges));
    }

    /** The node a trace event belongs to under a keying. */
    public static String key(TraceEvent e, Keying keying) {
        return switch (keying) {
            case NAME -> e.name();
            case NAME_FIRST_ARG -> e.args().isEmpty() ? e.name() : e.name() + "(" + e.args().get(0) + ")";
            case SITE -> e.site();
        };
    }

    /** Node names in order of first appearance. */
    public List<String> nodes() { return List.copyOf(sites.keySet()); }

    /** The call sites that produced a node. */
    public Set<String> sitesOf(String node) {
        Set<String> s = sites.get(node);
        if (s == null) throw new IllegalArgumentException("no node " + node);
        return s;
    }

    /** Edges in order of first occurrence. */
    public List<Edge> edges() { return edges; }

    /** Edges heaviest first (ties: first occurrence first), the order in which Fig. 6 visits them. */
    public List<Edge> edgesByWeight() {
        List<Edge> e = new ArrayList<>(edges);
        e.sort(Comparator.comparingLong(Edge::weight).reversed().thenComparingInt(Edge::order));
        return e;
    }

    public long weight(String from, String to) {
        for (Edge e : edges) if (e.from().equals(from) && e.to().equals(to)) return e.weight();
        return 0;
    }

    /** The edges heaviest first as a table: from, to, weight. */
    public Table toTable() {
        List<Edge> e = edgesByWeight();
        return Table.create("system-call graph",
                StringColumn.create("from", e.stream().map(Edge::from).toList()),
                StringColumn.create("to", e.stream().map(Edge::to).toList()),
                LongColumn.create("weight", e.stream().mapToLong(Edge::weight).toArray()));
    }

    /** The graph in Graphviz dot form. */
    public String toDot() {
        StringBuilder sb = new StringBuilder("digraph syscalls {\n");
        for (Edge e : edges) sb.append("  \"").append(e.from()).append("\" -> \"").append(e.to()).append("\" [label=").append(e.weight()).append("];\n");
        return sb.append("}\n").toString();
    }
}
