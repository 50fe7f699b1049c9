package org.syscalllab.papers.flexsc;

import java.util.ArrayList;
import java.util.List;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.experiment.TidyRows;
import org.syscalllab.hw.Structure;

/**
 * Tables 4 (Apache) and 5 (MySQL): user and kernel IPC and misses per thousand instructions in each structure, NPTL
 * and FlexSC, on 1 and 4 cores with 512 concurrent requests. The counts are the memory model's demand misses per mode
 * over the measured window (kernel = the call paths, whether run by the caller or a syscall thread). The model has no
 * branch predictor, so the branch column is not reproduced.
 */
public final class MicroArchTable implements Experiment {
    private final String id;
    private final String workload;

    MicroArchTable(String id, String workload) {
        this.id = id;
        this.workload = workload;
    }

    @Override public String id() { return id; }

    @Override public String title() { return workload + " micro-architectural breakdown (IPC, MPKI), NPTL vs FlexSC, 1 and 4 cores"; }

    @Override public String xParameter() { return "cores"; }

    @Override
    public List<Param> parameters() {
        List<Param> ps = ServerSetup.common();
        ps.add(Param.ofIntList("cores", List.of(1L, 4L), 1, 4, "cores", "core counts"));
        ps.add(Param.ofInt("clients", 512, 1, 100_000, "requests", "concurrent requests"));
        return ps;
    }

    @Override
    public void run(Params p, RunContext ctx, TidyRows out) {
        ServerWorkload w = ServerWorkload.byName(workload);
        List<int[]> pts = new ArrayList<>();
        for (long c : p.getLongList("cores")) for (ServerSim.Mode m : ServerSim.Mode.values()) pts.add(new int[] {(int) c, m.ordinal()});
        int clients = p.getInt("clients");
        List<ServerSim.Stats> res = ctx.sweep(pts, (pt, c) -> ServerSetup.run(p, c, w, ServerSim.Mode.values()[pt[1]], pt[0], clients));
        for (int i = 0; i < pts.size(); i++) {
            int cores = pts.get(i)[0];
            String series = ServerSim.Mode.values()[pts.get(i)[1]] == ServerSim.Mode.SYNC ? "sync" : "flexsc";
            ServerSim.Stats s = res.get(i);
            out.add(series, cores, "user_ipc", s.userIpc());
            out.add(series, cores, "kernel_ipc", s.kernelIpc());
            for (Structure st : List.of(Structure.L3, Structure.L2, Structure.L1D, Structure.L1I, Structure.DTLB)) {
                out.add(series, cores, "mpki_" + st.suffix() + "_user", s.mpkiUser(st));
                out.add(series, cores, "mpki_" + st.suffix() + "_kernel", s.mpkiKernel(st));
            }
        }
        for (int i = 0; i < pts.size(); i++) {
            ServerSim.Stats s = res.get(i);
            if (s.userIpc() <= 0 || s.kernelIpc() <= 0) {
                throw new IllegalArgumentException("measure_ms = " + p.getDouble("measure_ms") + " is too short: "
                        + ServerSim.Mode.values()[pts.get(i)[1]] + " on " + pts.get(i)[0] + " core(s) ran no user or no kernel"
                        + " instruction in it, so no IPC ratio can be measured; lengthen measure_ms");
            }
        }
        for (int i = 0; i < pts.size(); i += 2) {
            int cores = pts.get(i)[0];
            out.add("derived", cores, "user_ipc_ratio", res.get(i + 1).userIpc() / res.get(i).userIpc());
            out.add("derived", cores, "kernel_ipc_ratio", res.get(i + 1).kernelIpc() / res.get(i).kernelIpc());
        }
    }

    static List<MicroArchTable> all() {
        return List.of(new MicroArchTable("flexsc.table4", "apache"), new MicroArchTable("flexsc.table5", "mysql"));
    }
}
