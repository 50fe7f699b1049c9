package org.syscalllab.papers.flexsc;

import java.util.ArrayList;
import java.util.List;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.experiment.TidyRows;

/**
 * Figure 12: where Apache's time goes on 4 cores with 512 concurrent requests: user, kernel (call paths, traps,
 * switches, syscall threads) and idle (cores with nothing runnable, mostly threads asleep on mmap_sem). Also the share
 * of kernel time each core carries, which shows FlexSC's core list concentrating kernel work.
 */
public final class Fig12Breakdown implements Experiment {
    @Override public String id() { return "flexsc.fig12"; }

    @Override public String title() { return "Apache execution-time breakdown on 4 cores (user, kernel, idle), NPTL vs FlexSC"; }

    @Override public String xParameter() { return "cores"; }

    @Override
    public List<Param> parameters() {
        List<Param> ps = ServerSetup.common();
        ps.add(Param.ofInt("cores", 4, 1, 4, "cores", "cores used"));
        ps.add(Param.ofInt("clients", 512, 1, 100_000, "requests", "concurrent requests"));
        return ps;
    }

    @Override
    public void run(Params p, RunContext ctx, TidyRows out) {
        ServerWorkload w = ServerWorkload.apache();
        int cores = p.getInt("cores");
        List<ServerSim.Mode> modes = new ArrayList<>(List.of(ServerSim.Mode.values()));
        List<ServerSim.Stats> res = ctx.sweep(modes, (m, c) -> ServerSetup.run(p, c, w, m, cores, p.getInt("clients")));
        for (int i = 0; i < modes.size(); i++) {
            String series = modes.get(i) == ServerSim.Mode.SYNC ? "sync" : "flexsc";
            ServerSim.Stats s = res.get(i);
            out.add(series, cores, "user_pct", s.userPct());
            out.add(series, cores, "kernel_pct", s.kernelPct());
            out.add(series, cores, "idle_pct", s.idlePct());
            double[] share = s.kernelShareByCore().clone();
            java.util.Arrays.sort(share);
            double top2 = 0;
            for (int k = Math.max(0, share.length - 2); k < share.length; k++) top2 += share[k];
            out.add(series, cores, "kernel_top2_cores_pct", 100 * top2);
        }
        double idleCut = res.get(0).idlePct() <= 0 ? 0 : 100 * (1 - res.get(1).idlePct() / res.get(0).idlePct());
        out.add("derived", cores, "idle_eliminated_pct", idleCut);
    }
}
