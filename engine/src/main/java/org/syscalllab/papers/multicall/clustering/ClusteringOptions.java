package org.syscalllab.papers.multicall.clustering;

/**
 * The knobs of the clustering algorithm.
 *
 * @param keying             how trace events become graph nodes (the paper keys by call and selected arguments)
 * @param minEdgeWeight      edges lighter than this are not considered (the paper considers every edge, heaviest first)
 * @param maxClusterSize     the most calls one region may hold (K of Fig. 7)
 * @param relaxLinearity     drop the linearity condition, as for specialised multi-calls (§3.4)
 * @param looped             apply the looped-region rule: a region holding a whole loop body takes in the loop (§3.4)
 * @param loopRotation       unroll/rotate loops whose condition makes a call (§3.3, "shift the loop window")
 * @param codeMotion         move calls past independent, side-effect-free user statements (§3.3)
 * @param restructureHandlers rewrite {@code if (err) handler; rest} as {@code if (err) handler else rest} when the
 *                           handler never returns (§3.3, mutually exclusive statements)
 */
public record ClusteringOptions(SyscallGraph.Keying keying, long minEdgeWeight, int maxClusterSize,
                                boolean relaxLinearity, boolean looped, boolean loopRotation, boolean codeMotion,
                                boolean restructureHandlers) {
    public ClusteringOptions {
        if (keying == null) throw new IllegalArgumentException("keying must not be null");
        if (minEdgeWeight < 1) throw new IllegalArgumentException("min_edge_weight = " + minEdgeWeight + " is not allowed; allowed: >= 1");
        if (maxClusterSize < 2 || maxClusterSize > 64) {
            throw new IllegalArgumentException("max_cluster_size = " + maxClusterSize + " is not allowed; allowed: [2, 64]");
        }
    }

    /** The paper's plain algorithm: fd-keyed graph, every edge, K = 16, all transformations off. */
    public static ClusteringOptions plain() {
        return new ClusteringOptions(SyscallGraph.Keying.NAME_FIRST_ARG, 1, 16, false, false, false, false, false);
    }

    /** Every transformation of §3.3 on, looped rule off (plain multi-calls). */
    public static ClusteringOptions transformed() { return plain().withTransformations(true); }

    public ClusteringOptions withLooped(boolean on) {
        return new ClusteringOptions(keying, minEdgeWeight, maxClusterSize, relaxLinearity, on, loopRotation, codeMotion, restructureHandlers);
    }

    public ClusteringOptions withRelaxLinearity(boolean on) {
        return new ClusteringOptions(keying, minEdgeWeight, maxClusterSize, on, looped, loopRotation, codeMotion, restructureHandlers);
    }

    public ClusteringOptions withTransformations(boolean on) {
        return new ClusteringOptions(keying, minEdgeWeight, maxClusterSize, relaxLinearity, looped, on, on, on);
    }

    public ClusteringOptions withLoopRotation(boolean on) {
        return new ClusteringOptions(keying, minEdgeWeight, maxClusterSize, relaxLinearity, looped, on, codeMotion, restructureHandlers);
    }

    public ClusteringOptions withCodeMotion(boolean on) {
        return new ClusteringOptions(keying, minEdgeWeight, maxClusterSize, relaxLinearity, looped, loopRotation, on, restructureHandlers);
    }

    public ClusteringOptions withRestructureHandlers(boolean on) {
        return new ClusteringOptions(keying, minEdgeWeight, maxClusterSize, relaxLinearity, looped, loopRotation, codeMotion, on);
    }

    public ClusteringOptions withMaxClusterSize(int k) {
        return new ClusteringOptions(keying, minEdgeWeight, k, relaxLinearity, looped, loopRotation, codeMotion, restructureHandlers);
    }

    public ClusteringOptions withMinEdgeWeight(long w) {
        return new ClusteringOptions(keying, w, maxClusterSize, relaxLinearity, looped, loopRotation, codeMotion, restructureHandlers);
    }

    public ClusteringOptions withKeying(SyscallGraph.Keying k) {
        return new ClusteringOptions(k, minEdgeWeight, maxClusterSize, relaxLinearity, looped, loopRotation, codeMotion, restructureHandlers);
    }
}
