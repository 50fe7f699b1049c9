package org.syscalllab.papers.flexsc;

import java.util.ArrayList;
import java.util.List;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.hw.Platform;
import org.syscalllab.mech.SyscallPages;
import org.syscalllab.sim.Simulation;

/**
 * The knobs shared by the server experiments (Figures 11-16, Tables 4-5, BIND) and the one place their direct costs
 * are set. Runs are steady-state measurements: the defaults simulate a few milliseconds after a warm-up, far shorter
 * than the paper's runs, which is enough because every point is a steady-state rate.
 */
final class ServerSetup {
    private ServerSetup() { }

    // ASSUMPTION: Linux 2.6 switch between two threads of one process (scheduler pass, register state, no address-space
    // change) ~0.65 us on a Nehalem-class core; FlexSC gives no figure.
    static final long KERNEL_SWITCH_CYCLES = 1500;
    // ASSUMPTION: a user-mode thread switch saves and restores the callee-saved registers and the stack pointer (tens
    // of instructions); FlexSC §4 describes it as a user-level switch without giving a cost.
    static final long USER_SWITCH_CYCLES = 100;
    // ASSUMPTION: polling reads one status word per outstanding entry, an L1 hit.
    static final long POLL_CYCLES_PER_ENTRY = 2;
    // ASSUMPTION: writing an entry is 7 stores to one line plus a store barrier (FlexSC §3.1); reading a result, a load.
    static final long ENTRY_WRITE_CYCLES = 10;
    // ASSUMPTION: a syscall thread finds a submitted entry, decodes it and posts the result in ~50 cycles.
    static final long DISPATCH_CYCLES = 50;
    // ASSUMPTION: the in-kernel switch between the caller's kernel-visible thread and a syscall thread (same address
    // space, no address-space or FPU switch, no scheduler pass: FlexSC §3.2 wakes one from a work-queue): register save and
    // restore plus a stack switch, ~100 cycles.
    static final long HANDOFF_CYCLES = 100;

    static ServerSim.SwitchCosts costs(Params p) {
        return new ServerSim.SwitchCosts(p.getLong("kernel_switch_cycles"), USER_SWITCH_CYCLES, POLL_CYCLES_PER_ENTRY,
                ENTRY_WRITE_CYCLES, DISPATCH_CYCLES, p.getLong("handoff_cycles"));
    }

    static List<Param> common() {
        List<Param> ps = new ArrayList<>();
        ps.add(Param.ofChoice("platform", "flexsc-nehalem", org.syscalllab.hw.Platforms.names(), "machine preset (FlexSC: 2.3 GHz Nehalem, 4 cores)"));
        ps.add(Param.ofChoice("fidelity", "fast", List.of("fast", "exact"), "cache model: fast analytic occupancy or exact set-associative LRU"));
        ps.add(Param.ofInt("pages_per_core", SyscallPages.DEFAULT_PAGES, 1, 256, "pages", "syscall pages per core (FlexSC default 8 = 512 entries)"));
        ps.add(Param.ofInt("entries_per_page", SyscallPages.DEFAULT_ENTRIES_PER_PAGE, 1, 4096, "entries", "64-byte entries per 4 KB syscall page"));
        ps.add(Param.ofText("core_list", "", "static ordered syscall core list, e.g. 3,2 (empty = 0,1,...,cores-1)"));
        ps.add(Param.ofInt("threads", 0, 0, 100_000, "", "server threads (0 = min(clients, 200 NPTL / 1000 FlexSC for Apache))"));
        ps.add(Param.ofDouble("warmup_ms", 3, 0, 1000, "ms", "simulated time before measuring (a few rounds of batches at 512 requests)"));
        ps.add(Param.ofDouble("measure_ms", 6, 0.1, 10_000, "ms", "simulated time measured (steady state; FlexSC progresses in rounds of batches, so the window must hold several)"));
        ps.add(Param.ofInt("kernel_switch_cycles", KERNEL_SWITCH_CYCLES, 0, 1_000_000, "cycles", "NPTL thread switch"));
        ps.add(Param.ofInt("handoff_cycles", HANDOFF_CYCLES, 0, 1_000_000, "cycles", "switch to and from a syscall thread"));
        return ps;
    }

    static List<Integer> coreList(Params p, int cores) {
        String s = p.getString("core_list").trim();
        List<Integer> l = new ArrayList<>();
        if (s.isEmpty()) return l;
        for (String t : s.split(",")) {
            int c = Integer.parseInt(t.trim());
            if (c < cores) l.add(c);
        }
        if (l.isEmpty()) throw new IllegalArgumentException("core_list = " + s + " has no core below cores = " + cores);
        return l;
    }

    static ServerSim.Stats run(Params p, RunContext c, ServerWorkload w, ServerSim.Mode mode, int cores, int clients) {
        return run(p, c, w, mode, cores, clients, p.getInt("pages_per_core"));
    }

    static ServerSim.Stats run(Params p, RunContext c, ServerWorkload w, ServerSim.Mode mode, int cores, int clients, int pages) {
        return run(p, c, org.syscalllab.hw.Platforms.byName(p.getString("platform")), w, mode, cores, clients, pages);
    }

    /** One run on the given machine (the what-if experiments pass presets that are not among the papers' machines). */
    static ServerSim.Stats run(Params p, RunContext c, Platform pl, ServerWorkload w, ServerSim.Mode mode, int cores, int clients, int pages) {
        double ms = pl.clockHz() / 1e3;
        ServerSim.Config cfg = new ServerSim.Config(pl, Setup.fidelity(p), w, mode, cores, clients, pages,
                p.getInt("entries_per_page"), coreList(p, cores), p.getInt("threads"),
                Math.round(p.getDouble("warmup_ms") * ms), Math.round(p.getDouble("measure_ms") * ms), costs(p));
        Simulation sim = c.newSimulation();
        return new ServerSim(cfg, sim, c.seed()).run();
    }

    /**
     * Throughput, latency and IPC ratios need a completed request on both sides; a window too short for one is a
     * parameter error, not a result (a figure of throughput alone, such as Fig. 16, may well report zero).
     */
    static void requireCompleted(Params p, ServerSim.Stats stats, ServerSim.Mode mode, int cores, int clients) {
        if (stats.throughputRps() <= 0) {
            throw new IllegalArgumentException("measure_ms = " + p.getDouble("measure_ms") + " is too short: no request of "
                    + mode + " on " + cores + " core(s) with " + clients + " clients completed in it; lengthen measure_ms");
        }
    }
}
