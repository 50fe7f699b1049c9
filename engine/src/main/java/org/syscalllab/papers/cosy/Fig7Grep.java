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
import org.syscalllab.papers.cosy.Workloads.Config;
import org.syscalllab.papers.cosy.Workloads.CosySetup;
import org.syscalllab.papers.cosy.Workloads.Os;

/**
 * {@code cosy.fig7}: grep over 8 KB files, total data from 128 KB to 2 MB (paper §4.3, §4.4, Figure 7): elapsed-time
 * improvement of COSY and COSY_FAST over VAN, with the search function moving from user to system time.
 */
public final class Fig7Grep implements Experiment {
    @Override public String id() { return "cosy.fig7"; }

    @Override public String title() { return "grep on 8 KB files: elapsed-time improvement over VAN vs data read"; }

    @Override
    public String description() {
        return "For each file: open, read 4 KB chunks and search each until a short read, close. COSY runs it all as one "
                + "compound with the search as a user function in the kernel and copies each chunk to the user; "
                + "COSY_FAST searches the kernel's page without the copy. The files are in the page cache.";
    }

    @Override public String xParameter() { return "total_kb"; }

    @Override
    public List<Param> parameters() {
        List<Param> ps = new ArrayList<>(List.of(
                Param.ofIntList("total_kb", List.of(128L, 256L, 512L, 1024L, 2048L), 1, 1 << 24, "KB",
                        "total data read (paper: 128 KB to 2 MB; ASSUMPTION: doubling steps)"),
                Param.ofInt("file_kb", 8, 1, 1 << 20, "KB", "size of each file (paper: 8 KB)"),
                Param.ofInt("chunk_bytes", 4096, 1, 1 << 20, "B", "bytes per read (paper: 4096)")));
        ps.addAll(Knobs.common());
        return ps;
    }

    @Override
    public void run(Params p, RunContext ctx, TidyRows out) {
        Os os = Knobs.os(p);
        CosySetup setup = Knobs.setup(p, true);
        long fileBytes = p.getLong("file_kb") * 1024;
        int chunk = p.getInt("chunk_bytes");
        List<TidyRows> rows = ctx.sweepOver("total_kb", p.getLongList("total_kb"), PointCodec.ROWS, (kb, pc) -> {
            int files = (int) Math.max(1, kb * 1024 / fileBytes);
            Map<Config, Times> t = new EnumMap<>(Config.class);
            for (Config c : Knobs.ALL) t.put(c, Benchmarks.grep(os, setup, c, files, fileBytes, chunk));
            TidyRows r = new TidyRows(id());
            String x = Long.toString(kb);
            for (Config c : Knobs.ALL) Knobs.times(r, c.series, x, t.get(c), os.testbed(), 1);
            Knobs.comparison(r, x, t);
            return r;
        });
        rows.forEach(out::addAll);
    }
}
