package org.syscalllab.papers.cosy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.PointCodec;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.experiment.TidyRows;
import org.syscalllab.papers.cosy.Workloads.Config;

/**
 * {@code cosy.fig3}: the database simulation's elapsed-time improvement of COSY and COSY_FAST over VAN for growing
 * file sizes (paper §4.3, §4.4, Figure 3), one process.
 */
public final class Fig3Database implements Experiment {
    @Override public String id() { return "cosy.fig3"; }

    @Override public String title() { return "Database simulation: improvement of COSY and COSY_FAST over VAN vs file size"; }

    @Override
    public String description() {
        return "Random lseek + read with a write on every other iteration, 6 M reads and writes, one process; VAN makes "
                + "each call, COSY runs the loop (with a random-offset user function) as compounds, COSY_FAST also avoids "
                + "the boundary copies through the shared buffer. Swept over the file size; the file starts in the page "
                + "cache as far as it fits.";
    }

    @Override public String xParameter() { return "file_mb"; }

    @Override
    public List<Param> parameters() {
        List<Param> ps = new ArrayList<>();
        ps.add(Param.ofIntList("file_mb", List.of(16L, 32L, 64L, 128L, 256L), 1, 1 << 20, "MB",
                "database file sizes; ASSUMPTION: the paper gives none, only that some exceed RAM"));
        ps.addAll(Database.parameters());
        return ps;
    }

    @Override
    public void run(Params p, RunContext ctx, TidyRows out) {
        double scale = Database.scale(p);
        List<TidyRows> rows = ctx.sweepOver("file_mb", p.getLongList("file_mb"), PointCodec.ROWS, (mb, pc) -> {
            Map<Config, Times> t = Database.run(p, mb, 1, pc);
            TidyRows r = new TidyRows(id());
            String x = Long.toString(mb);
            for (Config c : Knobs.ALL) Knobs.times(r, c.series, x, t.get(c), Knobs.TESTBED, scale);
            Knobs.comparison(r, x, t);
            return r;
        });
        rows.forEach(out::addAll);
    }
}
