package org.syscalllab.papers.multicall.clustering;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.syscalllab.report.Displayable;

/**
 * The whole profile-directed optimisation of §3 on one program: apply the enabled transformations, run the program
 * to record its trace (the profile), build the system-call graph, find the clusterable regions, rewrite, and run the
 * rewritten program. Also runs the untouched original, whose trace must equal the rewritten one's. Stateless.
 */
public final class Clustering {
    private Clustering() { }

    /**
     * Every stage's output.
     *
     * @param original    the program as written
     * @param transformed after the §3.3 transformations
     * @param cfg         control-flow graph of the transformed program
     * @param baseline    the original program run with a trap per call
     * @param graph       the system-call graph of the profile run
     * @param found       regions and the finder's decisions
     * @param rewritten   the transformed program run with its regions as multi-calls
     * @param rewrittenText the rewritten program as text (Fig. 7)
     */
    public record Report(Program original, Program transformed, Cfg cfg, Execution baseline, SyscallGraph graph,
                         FragmentFinder.Result found, Execution rewritten, String rewrittenText) implements Displayable {

        public List<ClusterRegion> regions() { return found.regions(); }

        /** The program as written, after the transformations, and rewritten, side by side with the summary. */
        @Override
        public Map<String, String> mimeBundle() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("text/html", "<p><b>" + esc(summary()).replace("\n", "<br>") + "</b></p><table><tr><th>as written</th><th>transformed (§3.3)</th>"
                    + "<th>rewritten with multi-calls (Fig. 7)</th></tr><tr><td style='vertical-align:top'><pre>" + esc(original.text())
                    + "</pre></td><td style='vertical-align:top'><pre>" + esc(transformed.text()) + "</pre></td><td style='vertical-align:top'><pre>"
                    + esc(rewrittenText) + "</pre></td></tr></table>");
            m.put("text/plain", summary() + "\n" + rewrittenText);
            return m;
        }

        private static String esc(String s) { return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"); }

        /** A short text: crossings before and after and each region. */
        public String summary() {
            StringBuilder sb = new StringBuilder();
            sb.append(original.name()).append(": ").append(baseline.trace().size()).append(" calls, ")
              .append(baseline.crossings()).append(" crossings before, ").append(rewritten.crossings()).append(" after\n");
            for (ClusterRegion r : regions()) {
                sb.append("  region ").append(r.id()).append(r.looped() ? " (looped)" : "").append(": ")
                  .append(String.join(", ", r.calls())).append('\n');
            }
            return sb.toString();
        }
    }

    /**
     * @param program            the program
     * @param opt                algorithm options
     * @param kernel             a fresh call semantics for each run (runs must not share file state)
     * @param kernelInstructions kernel instructions per call name
     * @param branchInstructions user instructions per branch outside a region
     */
    public static Report run(Program program, ClusteringOptions opt, Supplier<Semantics> kernel,
                             Interpreter.KernelWork kernelInstructions, long branchInstructions) {
        long maxSteps = 50_000_000L;
        Execution baseline = new Interpreter(new Cfg(program), List.of(), kernel.get(), kernelInstructions, branchInstructions, maxSteps).run();
        Program transformed = Transformations.apply(program, opt);
        Cfg cfg = new Cfg(transformed);
        Execution profile = new Interpreter(cfg, List.of(), kernel.get(), kernelInstructions, branchInstructions, maxSteps).run();
        SyscallGraph graph = SyscallGraph.build(profile.trace(), opt.keying());
        FragmentFinder.Result found = FragmentFinder.find(cfg, graph, opt);
        Execution rewritten = new Interpreter(cfg, found.regions(), kernel.get(), kernelInstructions, branchInstructions, maxSteps).run();
        return new Report(program, transformed, cfg, baseline, graph, found, rewritten, Rewriter.text(cfg, found.regions()));
    }
}
