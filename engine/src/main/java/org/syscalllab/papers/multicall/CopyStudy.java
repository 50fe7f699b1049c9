package org.syscalllab.papers.multicall;

import org.syscalllab.hw.Platform;
import org.syscalllab.mech.CallCost;
import org.syscalllab.mech.MultiCallStub;
import org.syscalllab.papers.multicall.clustering.Clustering;
import org.syscalllab.papers.multicall.clustering.ClusteringOptions;
import org.syscalllab.papers.multicall.clustering.Execution;
import org.syscalllab.papers.multicall.clustering.Program;

/**
 * The copy experiment of §4.3: the copy program of Fig. 5 is profiled, clustered and rewritten by the algorithm, and
 * each version is priced crossing by crossing. {@code sync} is the original; {@code multicall} uses every §3.3
 * transformation (loop rotation gives the write → read cluster) without the looped rule; {@code multicall_looped}
 * adds the looped rule. The paper used the specialised {@code write_read} call for both. Stateless.
 */
public final class CopyStudy {
    private CopyStudy() { }

    /** The three versions of the program. */
    public static final java.util.List<String> SERIES = java.util.List.of("sync", "multicall", "multicall_looped");

    /** One priced run. */
    public record Outcome(String series, long fileBytes, long blockBytes, CallCost cost, long crossings, Clustering.Report report) { }

    /**
     * Runs the three versions on one file and block size: the algorithm runs twice (without and with the looped rule);
     * {@code sync} is the original program of the first run.
     *
     * @param specialised use the specialised write_read stub (the paper's) rather than the generic one
     * @return outcomes in the order of {@link #SERIES}
     */
    public static java.util.List<Outcome> runAll(Platform platform, CostInputs in, Linux24Paths paths, MultiCallStub stub,
                                                 boolean specialised, ClusteringOptions base, long fileBytes, long blockBytes) {
        PathCostModel costs = new PathCostModel(platform, in, blockBytes, 2 * fileBytes);
        String name = specialised ? "write_read" : null;
        Clustering.Report plain = cluster(base.withLooped(false), paths, in, fileBytes, blockBytes);
        Clustering.Report looped = cluster(base.withLooped(true), paths, in, fileBytes, blockBytes);
        return java.util.List.of(
                outcome("sync", plain.original(), plain.baseline(), costs, stub, name, fileBytes, blockBytes, plain),
                outcome("multicall", plain.transformed(), plain.rewritten(), costs, stub, name, fileBytes, blockBytes, plain),
                outcome("multicall_looped", looped.transformed(), looped.rewritten(), costs, stub, name, fileBytes, blockBytes, looped));
    }

    private static Clustering.Report cluster(ClusteringOptions opt, Linux24Paths paths, CostInputs in, long fileBytes, long blockBytes) {
        return Clustering.run(PaperPrograms.copy(blockBytes), opt, () -> PaperPrograms.files(fileBytes), paths::instructions, in.branchInstructions());
    }

    private static Outcome outcome(String series, Program p, Execution e, PathCostModel costs, MultiCallStub stub, String name,
                                   long fileBytes, long blockBytes, Clustering.Report r) {
        CallCost c = Pricing.price(p, e, costs, stub, name);
        return new Outcome(series, fileBytes, blockBytes, c, e.crossings(), r);
    }

    /** Saving of {@code opt} over {@code orig} in percent of the original cycles. */
    public static double savingPct(Outcome orig, Outcome opt) {
        double o = orig.cost().totalCycles();
        return 100.0 * (o - opt.cost().totalCycles()) / o;
    }
}
