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
 * {@code cosy.fig4}: the database simulation's absolute elapsed, system and user times for VAN, COSY and COSY_FAST
 * (paper §4.4, Figure 4), and the same with the six million transactions shared by 2 and 4 processes (§4.4).
 */
public final class Fig4DatabaseTimes implements Experiment {
    @Override public String id() { return "cosy.fig4"; }

    @Override public String title() { return "Database simulation: elapsed, system and user times with 1, 2 and 4 processes"; }

    @Override
    public String description() {
        return "The database simulation at one file size, with the transactions split over 1, 2 or 4 processes that "
                + "share the file and the one CPU. Reports absolute times, the improvements, and the savings of "
                + "COSY_FAST against VAN and COSY.";
    }

    @Override public String xParameter() { return "processes"; }

    @Override
    public List<Param> parameters() {
        List<Param> ps = new ArrayList<>();
        ps.add(Param.ofIntList("processes", List.of(1L, 2L, 4L), 1, 64, "", "processes sharing the transactions (paper: 1, 2, 4)"));
        ps.add(Param.ofInt("file_mb", 64, 1, 1 << 20, "MB", "database file size; ASSUMPTION: the paper does not give it"));
        ps.addAll(Database.parameters());
        return ps;
    }

    @Override
    public void run(Params p, RunContext ctx, TidyRows out) {
        double scale = Database.scale(p);
        long mb = p.getLong("file_mb");
        Testbed tb = Knobs.TESTBED;
        List<TidyRows> rows = ctx.sweepOver("processes", p.getLongList("processes"), PointCodec.ROWS, (n, pc) -> {
            Map<Config, Times> t = Database.run(p, mb, n.intValue(), pc);
            TidyRows r = new TidyRows(id());
            String x = Long.toString(n);
            for (Config c : Knobs.ALL) Knobs.times(r, c.series, x, t.get(c), tb, scale);
            Knobs.comparison(r, x, t);
            Times van = t.get(Config.VAN), cosy = t.get(Config.COSY), fast = t.get(Config.COSY_FAST);
            r.add("cosy_fast", x, "saving_vs_van_s", tb.seconds(van.elapsedCycles() - fast.elapsedCycles()) * scale);
            r.add("cosy_fast", x, "saving_vs_cosy_s", tb.seconds(cosy.elapsedCycles() - fast.elapsedCycles()) * scale);
            r.add("cosy", x, "user_saving_s", tb.seconds(van.userCycles() - cosy.userCycles()) * scale);
            r.add("cosy_fast", x, "user_saving_s", tb.seconds(van.userCycles() - fast.userCycles()) * scale);
            return r;
        });
        rows.forEach(out::addAll);
    }
}
