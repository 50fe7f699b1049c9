package org.syscalllab.papers.cosy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.PointCodec;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.experiment.TidyRows;
import org.syscalllab.papers.cosy.Benchmarks.BonnieTimes;
import org.syscalllab.papers.cosy.Workloads.Config;
import org.syscalllab.papers.cosy.Workloads.CosySetup;
import org.syscalllab.papers.cosy.Workloads.Os;

/**
 * {@code cosy.fig5}: Bonnie's block read ("fastread"), rewrite and block write ("fastwrite") phases for file sizes
 * from 4 to 512 MB (paper §4.3, §4.4, Figure 5 (a)-(c)). Series are {@code <config>_<phase>}; the paper compares
 * fastread and rewrite as VAN vs COSY_FAST and fastwrite as VAN vs COSY, and all three configurations are reported.
 */
public final class Fig5Bonnie implements Experiment {
    static final List<String> PHASES = List.of("fastread", "rewrite", "fastwrite");

    /**
     * Most chunks one phase may move. Each chunk is a few simulated calls, so the bound keeps a run to a minute or two of
     * host time: 2^21 chunks are 8 GB in Bonnie's 4 KB chunks, or the paper's largest file (512 MB) in 256-byte chunks.
     */
    static final long MAX_CHUNKS = 1L << 21;

    @Override public String id() { return "cosy.fig5"; }

    @Override public String title() { return "Bonnie: fastread, rewrite and fastwrite improvement over VAN vs file size"; }

    @Override
    public String description() {
        return "Bonnie's modified phases on one file: rewrite (read a 4 KB chunk, change it, seek back, write), block "
                + "write, block read; the per-character phases run untimed. Each phase is one compound under Cosy. "
                + "The page cache (RAM minus what the kernel keeps) and bdflush-style writeback make I/O dominate once "
                + "the file no longer fits.";
    }

    @Override public String xParameter() { return "file_mb"; }

    @Override
    public List<Param> parameters() {
        List<Param> ps = new ArrayList<>(List.of(
                Param.ofIntList("file_mb", List.of(4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L), 1, 1 << 20, "MB",
                        "Bonnie file sizes (paper: 4-512 MB, doubling)"),
                Param.ofInt("chunk_bytes", 4096, 1, 1 << 20, "B", "Bonnie's chunk (paper: 4096)")));
        ps.addAll(Knobs.common());
        return ps;
    }

    @Override
    public void run(Params p, RunContext ctx, TidyRows out) {
        Os os = Knobs.os(p);
        CosySetup setup = Knobs.setup(p, true);
        int chunk = p.getInt("chunk_bytes");
        long largest = p.getLongList("file_mb").stream().mapToLong(Long::longValue).max().orElse(0);
        long chunks = largest * 1024 * 1024 / chunk;
        if (chunks > MAX_CHUNKS) {
            throw new IllegalArgumentException("chunk_bytes = " + chunk + " with file_mb = " + largest + " makes " + chunks
                    + " chunks per phase; allowed: at most " + MAX_CHUNKS + " (raise chunk_bytes to at least "
                    + ((largest * 1024 * 1024 + MAX_CHUNKS - 1) / MAX_CHUNKS) + " or lower file_mb)");
        }
        List<TidyRows> rows = ctx.sweepOver("file_mb", p.getLongList("file_mb"), PointCodec.ROWS, (mb, pc) -> {
            Map<Config, BonnieTimes> t = new EnumMap<>(Config.class);
            for (Config c : Knobs.ALL) t.put(c, Benchmarks.bonnie(os, setup, c, mb * 1024 * 1024, chunk));
            TidyRows r = new TidyRows(id());
            String x = Long.toString(mb);
            for (String phase : PHASES) {
                for (Config c : Knobs.ALL) Knobs.times(r, c.series + "_" + phase, x, phase(t.get(c), phase), os.testbed(), 1);
                Times van = phase(t.get(Config.VAN), phase);
                Knobs.improvements(r, "cosy_" + phase, x, van, phase(t.get(Config.COSY), phase));
                Knobs.improvements(r, "cosy_fast_" + phase, x, van, phase(t.get(Config.COSY_FAST), phase));
            }
            return r;
        });
        rows.forEach(out::addAll);
    }

    static Times phase(BonnieTimes t, String phase) {
        switch (phase) {
            case "fastread": return t.fastread();
            case "rewrite": return t.rewrite();
            default: return t.fastwrite();
        }
    }
}
