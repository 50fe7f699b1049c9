package org.syscalllab.papers.multicall.clustering;

import java.util.BitSet;
import java.util.List;

/**
 * A clusterable region: a set of control-flow nodes that becomes one multi-call. {@code header} is the node that
 * dominates the others (where the multi-call is issued); {@code calls} are its call sites in program order; a looped
 * region contains a whole loop, which then runs in the kernel.
 */
public record ClusterRegion(int id, BitSet nodes, int header, List<String> calls, boolean looped, String loopId) {
    public ClusterRegion {
        if (id < 1) throw new IllegalArgumentException("id = " + id + " is not allowed; allowed: >= 1");
        nodes = (BitSet) nodes.clone();
        calls = List.copyOf(calls);
        if (calls.isEmpty()) throw new IllegalArgumentException("calls: a region needs at least one call");
        if (looped && loopId == null) throw new IllegalArgumentException("loopId: a looped region needs its loop");
    }

    @Override
    public BitSet nodes() { return (BitSet) nodes.clone(); }

    public boolean contains(int node) { return nodes.get(node); }

    public int size() { return calls.size(); }
}
