package org.syscalllab.papers.multicall;

import java.util.ArrayList;
import java.util.List;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.experiment.TidyRows;
import org.syscalllab.hw.Platform;

/**
 * MC Figure 8: the copy program's cycles and the multi-call savings as the block size goes from 512 bytes to 16 KB.
 * The figure's data did not survive; the file size is not given (ASSUMPTION: the 2.28 MB file of Table 3). Derived
 * rows carry the paper's two statements: the relative improvement grows as blocks shrink, and 4096 is the best block
 * for both the original and the optimised program.
 */
public final class Fig8BlockSize implements Experiment {
    @Override public String id() { return "multicall.fig8"; }

    @Override public String title() { return "Copy program vs block size: cycles and multi-call savings"; }

    @Override public String xParameter() { return "block_bytes"; }

    @Override public List<Param> parameters() {
        List<Param> ps = new ArrayList<>();
        ps.add(Param.ofIntList("block_sizes", List.of(512L, 1024L, 2048L, 4096L, 8192L, 16384L), 1, 1 << 20, "bytes",
                "copy blocks (MC §4.3: 512 bytes to 16 KB)"));
        ps.add(Param.ofInt("file_bytes", 557L * 4096, 1, 1L << 31, "bytes", "file to copy (ASSUMPTION: Table 3's 2.28 MB)"));
        ps.addAll(McParams.common());
        return ps;
    }

    @Override public void run(Params p, RunContext ctx, TidyRows out) {
        Platform pl = McParams.platform(p);
        CostInputs in = McParams.inputs(p);
        long file = p.getLong("file_bytes");
        List<Long> blocks = p.getLongList("block_sizes");
        List<List<CopyStudy.Outcome>> all = ctx.sweep(blocks, (b, c) -> {
            return CopyStudy.runAll(pl, in, Linux24Paths.linux24(), McParams.stub(p), McParams.specialised(p), McParams.options(p), file, b);
        });
        double[] best = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        long[] bestBlock = new long[3];
        boolean mcFalls = true;
        boolean loopedFalls = true;
        double prevMc = Double.POSITIVE_INFINITY;
        double prevLooped = Double.POSITIVE_INFINITY;
        for (int i = 0; i < blocks.size(); i++) {
            List<CopyStudy.Outcome> l = all.get(i);
            double x = blocks.get(i);
            for (int s = 0; s < 3; s++) {
                CopyStudy.Outcome o = l.get(s);
                out.add(o.series(), x, "cycles", o.cost().totalCycles());
                if (o.cost().totalCycles() < best[s]) { best[s] = o.cost().totalCycles(); bestBlock[s] = blocks.get(i); }
            }
            double mc = CopyStudy.savingPct(l.get(0), l.get(1));
            double looped = CopyStudy.savingPct(l.get(0), l.get(2));
            out.add("multicall", x, "improvement_pct", mc);
            out.add("multicall_looped", x, "improvement_pct", looped);
            // blocks are swept in the given order; "falls" means each larger block saves less
            if (i > 0 && blocks.get(i) > blocks.get(i - 1)) {
                mcFalls &= mc < prevMc;
                loopedFalls &= looped < prevLooped;
            }
            prevMc = mc;
            prevLooped = looped;
        }
        out.add("derived", "all", "improvement_falls_with_block", mcFalls && loopedFalls ? 1 : 0);
        for (int s = 0; s < 3; s++) out.add(CopyStudy.SERIES.get(s), "best", "optimal_block_bytes", bestBlock[s]);
    }
}
