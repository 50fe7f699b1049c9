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
 * {@code cosy.fig6}: {@code ls -l} of 5,000 and 50,000 files with a cold cache (paper §4.3, §4.4, Figure 6): elapsed,
 * system and user times of VAN, COSY and COSY_FAST (which uses the zero-copy {@code cosy_stat}).
 */
public final class Fig6Ls implements Experiment {
    @Override public String id() { return "cosy.fig6"; }

    @Override public String title() { return "ls -l with a cold cache: elapsed, system and user times"; }

    @Override
    public String description() {
        return "getdents and a stat per entry over one directory after a remount (cold dentry, inode and page caches), "
                + "then ls's formatting in user space. COSY runs the getdents/stat loop as one compound; COSY_FAST also "
                + "fills the stat structures and directory entries straight into the shared buffer.";
    }

    @Override public String xParameter() { return "files"; }

    @Override
    public List<Param> parameters() {
        List<Param> ps = new ArrayList<>(List.of(
                Param.ofIntList("files", List.of(5_000L, 50_000L), 1, 10_000_000, "", "files in the directory (paper: 5,000 and 50,000)"),
                Param.ofInt("getdents_buffer_bytes", 8192, 64, 1 << 20, "B",
                        "readdir's getdents buffer; ASSUMPTION: glibc's max(BUFSIZ, st_blksize) = 8 KB")));
        ps.addAll(Knobs.common());
        return ps;
    }

    @Override
    public void run(Params p, RunContext ctx, TidyRows out) {
        Os os = Knobs.os(p);
        CosySetup setup = Knobs.setup(p, true);
        int buffer = p.getInt("getdents_buffer_bytes");
        List<TidyRows> rows = ctx.sweepOver("files", p.getLongList("files"), PointCodec.ROWS, (n, pc) -> {
            Map<Config, Times> t = new EnumMap<>(Config.class);
            for (Config c : Knobs.ALL) t.put(c, Benchmarks.ls(os, setup, c, n.intValue(), buffer));
            TidyRows r = new TidyRows(id());
            String x = Long.toString(n);
            for (Config c : Knobs.ALL) Knobs.times(r, c.series, x, t.get(c), os.testbed(), 1);
            Knobs.comparison(r, x, t);
            return r;
        });
        rows.forEach(out::addAll);
    }
}
