package org.syscalllab.papers.multicall;

import java.util.List;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.hw.Platform;
import org.syscalllab.hw.Platforms;
import org.syscalllab.mech.MultiCallStub;
import org.syscalllab.papers.multicall.clustering.ClusteringOptions;

/**
 * The parameters the multi-call experiments share (machine, cost inputs, stub costs, algorithm switches) and how they
 * become model objects. Defaults are the paper's setup and the documented assumptions of {@link CostInputs},
 * {@link MultiCallStub} and {@link Linux24Paths}.
 */
final class McParams {
    private McParams() { }

    static final String LAPTOP = "mc-pentium2-266-laptop";

    /** The machine: a preset and optional overrides of its trap entry and exit. */
    static List<Param> machine() {
        return List.of(
                Param.ofChoice("platform", LAPTOP, Platforms.names(), "machine preset (MC §4.1: Pentium II 266 MHz laptop)"),
                Param.ofInt("entry_cycles", -1, -1, 100_000, "cycles", "override the preset's trap entry (-1: keep; MC Table 1: 140)"),
                Param.ofInt("exit_cycles", -1, -1, 100_000, "cycles", "override the preset's trap exit (-1: keep; MC Table 1: 189)"));
    }

    /** The paper-specific cost inputs of {@link CostInputs}. */
    static List<Param> costs() {
        CostInputs d = CostInputs.defaults();
        return List.of(
                Param.ofInt("wrapper_instructions", d.wrapperInstructions(), 0, 100_000, "instructions", "libc wrapper per trap (ASSUMPTION)"),
                Param.ofDouble("kernel_cpi", d.kernelCpi(), 0.1, 100, "cycles/instruction", "CPI of the kernel call paths (ASSUMPTION)"),
                Param.ofInt("crossing_path_lines", d.crossingPathLines(), 0, 10_000, "lines", "L1 lines the trap path touches (ASSUMPTION)"));
    }

    /** The multi-call stub. */
    static Param stubParam() {
        return Param.ofChoice("stub", "specialised", List.of("specialised", "generic"),
                "multi-call stub: specialised write_read / select_time (the paper's runs) or the generic Fig. 2 stub");
    }

    /** The clustering algorithm's knobs. */
    static List<Param> algorithm() {
        return List.of(
                Param.ofInt("max_cluster_size", 16, 2, 64, "calls", "K: the most calls in one multi-call"),
                Param.ofBool("transformations", true, "apply loop rotation, code motion and handler restructuring (§3.3)"));
    }

    /** Everything a program-level experiment (copy, mpeg_play) takes. */
    static List<Param> common() {
        List<Param> ps = new java.util.ArrayList<>(machine());
        ps.add(stubParam());
        ps.addAll(costs());
        ps.addAll(algorithm());
        return ps;
    }

    static Platform platform(Params p) {
        Platform pl = Platforms.byName(p.getString("platform"));
        int entry = p.getInt("entry_cycles");
        int exit = p.getInt("exit_cycles");
        if (entry >= 0 || exit >= 0) {
            pl = pl.withSyscallCycles(entry >= 0 ? entry : pl.syscallEntryCycles(), exit >= 0 ? exit : pl.syscallExitCycles());
        }
        return pl;
    }

    static CostInputs inputs(Params p) {
        CostInputs d = CostInputs.defaults();
        return new CostInputs(p.getLong("wrapper_instructions"), d.userCpi(), p.getDouble("kernel_cpi"),
                p.getInt("crossing_path_lines"), d.copyBytesPerCycle(), d.branchInstructions());
    }

    static boolean specialised(Params p) { return p.getString("stub").equals("specialised"); }

    static MultiCallStub stub(Params p) { return specialised(p) ? MultiCallStub.specialised() : MultiCallStub.generic(); }

    static ClusteringOptions options(Params p) {
        return ClusteringOptions.plain().withTransformations(p.getBool("transformations")).withMaxClusterSize(p.getInt("max_cluster_size"));
    }
}
