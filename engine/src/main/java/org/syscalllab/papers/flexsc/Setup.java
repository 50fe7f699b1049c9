package org.syscalllab.papers.flexsc;

import java.util.ArrayList;
import java.util.List;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.hw.MemorySystem;
import org.syscalllab.hw.Platform;
import org.syscalllab.hw.Platforms;
import org.syscalllab.workload.CallInjection;
import org.syscalllab.workload.ComputeProgram;
import org.syscalllab.workload.KernelPath;
import org.syscalllab.workload.KernelPaths;
import org.syscalllab.workload.Programs;

/** The paper's setup as parameters shared by the part-1 experiments: machine, cache sizes, program, call, footprint. */
final class Setup {
    private Setup() { }

    static List<Param> common(String defaultProgram, String defaultCall) {
        List<Param> ps = new ArrayList<>();
        ps.add(Param.ofChoice("platform", "flexsc-nehalem", Platforms.names(), "machine preset (FlexSC: 2.3 GHz Nehalem)"));
        ps.add(Param.ofChoice("fidelity", "fast", List.of("fast", "exact"), "cache model: fast analytic occupancy or exact set-associative LRU"));
        ps.add(Param.ofChoice("program", defaultProgram, List.of("xalan", "jbb"), "user program"));
        ps.add(Param.ofChoice("call", defaultCall, List.copyOf(KernelPaths.all().keySet()), "system call injected"));
        ps.add(Param.ofDouble("footprint_scale", 1.0, 0.05, 16, "x", "scales the call's code, data and TLB footprint"));
        ps.add(Param.ofInt("l1d_kb", 0, 0, 1024, "KB", "L1 data cache size (0 = the platform's)"));
        ps.add(Param.ofInt("l2_kb", 0, 0, 65536, "KB", "L2 size (0 = the platform's)"));
        ps.add(Param.ofInt("l3_kb", 0, 0, 262144, "KB", "L3 size (0 = the platform's)"));
        return ps;
    }

    static Platform platform(Params p) {
        Platform pl = Platforms.byName(p.getString("platform"));
        long l1d = p.getLong("l1d_kb");
        long l2 = p.getLong("l2_kb");
        long l3 = p.getLong("l3_kb");
        if (l1d > 0) pl = pl.withL1d(pl.l1d().withSizeBytes(l1d * 1024));
        if (l2 > 0 && pl.l2().isPresent()) pl = pl.withL2(pl.l2().get().withSizeBytes(l2 * 1024));
        if (l3 > 0 && pl.l3().isPresent()) pl = pl.withL3(pl.l3().get().withSizeBytes(l3 * 1024));
        return pl;
    }

    static MemorySystem.Fidelity fidelity(Params p) {
        return p.getString("fidelity").equals("exact") ? MemorySystem.Fidelity.EXACT : MemorySystem.Fidelity.FAST;
    }

    static ComputeProgram program(Params p, Platform pl) {
        return Programs.byName(p.getString("program"), pl.dtlb().pageBytes() / pl.lineBytes());
    }

    static KernelPath call(Params p) {
        return call(p, p.getString("call"));
    }

    static KernelPath call(Params p, String name) {
        KernelPath k = KernelPaths.byName(name);
        double f = p.getDouble("footprint_scale");
        return f == 1.0 ? k : k.withFootprintScale(f);
    }

    static CallInjection injection(Params p, long seed) {
        Platform pl = platform(p);
        Platform reference = Platforms.byName(p.getString("platform"));
        return new CallInjection(pl, reference, fidelity(p), program(p, pl), seed);
    }
}
