package org.syscalllab.papers.whatif;

import java.util.ArrayList;
import java.util.List;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.hw.Platform;
import org.syscalllab.hw.Platforms;
import org.syscalllab.mech.SyscallPages;
import org.syscalllab.papers.flexsc.ServerModel;

/**
 * The parameters the what-if experiments share, with their defaults and sources (one home each), and the
 * translation from parameters to the model's records.
 */
final class Knobs {
    private Knobs() { }

    /** Machines a what-if run can use: FlexSC's, and the modern core without and with the Meltdown mitigations. */
    static final List<String> PLATFORMS = List.of("flexsc-nehalem", "modern-skylake-sp", "modern-skylake-sp-kpti");

    static Platform platform(String name) {
        return switch (name) {
            case "modern-skylake-sp" -> Platforms.modernServerCore(false);
            case "modern-skylake-sp-kpti" -> Platforms.modernServerCore(true);
            default -> Platforms.byName(name);
        };
    }

    /** Parameters of the server and the rings (everything but the sweeps). */
    static List<Param> common(String platformDefault) {
        List<Param> p = new ArrayList<>();
        p.add(Param.ofChoice("platform", platformDefault, PLATFORMS, "the machine (hw.Platforms presets)"));
        p.add(Param.ofChoice("workload", "memcached", List.of("memcached", "nginx"),
                "request shape: memcached-like small gets or nginx-like 4 KB static files (Workload presets)"));
        p.add(Param.ofDouble("think_us", 20, 0, 1e6, "us",
                "ASSUMPTION: mean network round trip plus client time between a reply and the next request (10 GbE LAN)"));
        p.add(Param.ofDouble("wakeup_us", 5, 0, 1e4, "us",
                "ASSUMPTION: interrupt plus scheduler wake-up of a blocked thread on Linux, a few microseconds"));
        p.add(Param.ofInt("epoll_kernel_cycles", 1_500, 0, 1_000_000, "cycles",
                "ASSUMPTION: kernel work of an epoll_wait that returns ready events"));
        p.add(Param.ofInt("max_events", 64, 1, 4096, "", "ASSUMPTION: epoll_wait maxevents / CQEs reaped per iteration (a common server setting)"));
        p.add(Param.ofDouble("user_cpi", 1.0, 0.1, 20, "", "ASSUMPTION: user cycles per instruction without pollution"));
        p.add(Param.ofDouble("kernel_cpi", 1.5, 0.1, 20, "",
                "ASSUMPTION: kernel cycles per instruction (kernel code runs at lower IPC than user code, cf. FlexSC Fig. 1)"));
        p.add(Param.ofDouble("copy_bytes_per_cycle", 16, 0.1, 1024, "bytes", "ASSUMPTION: user/kernel copy bandwidth"));
        p.add(Param.ofBool("flush_tlb", false,
                "whether each crossing flushes the TLB (page-table isolation without PCID; with PCID, the default, it does not)"));
        p.add(Param.ofInt("sq_entries", 256, 1, 32768, "", "submission ring entries (a power of two; ASSUMPTION: a common setting)"));
        p.add(Param.ofInt("cq_entries", 512, 1, 65536, "", "completion ring entries (a power of two; liburing's default is twice the SQ)"));
        p.add(Param.ofInt("sqe_user_cycles", 30, 0, 100_000, "cycles", "ASSUMPTION: filling one SQE and reading its CQE"));
        p.add(Param.ofInt("sqe_kernel_cycles", 300, 0, 100_000, "cycles",
                "ASSUMPTION: kernel fetch, dispatch and completion of one SQE besides the call's own work"));
        p.add(Param.ofInt("sqe_shared_lines", 2, 0, 64, "lines",
                "ASSUMPTION: cache lines per SQE that move between a loop's core and the poller's (SQE/CQE, request data)"));
        p.add(Param.ofInt("scan_cycles_per_ring", 100, 1, 100_000, "cycles", "ASSUMPTION: one poll of one ring's tail by the poller"));
        p.add(Param.ofInt("per_ring_cap", 8, 1, 4096, "",
                "SQEs the poller takes from one ring per pass when rings share it (Linux's IORING_SQPOLL_CAP_ENTRIES_VALUE is 8)"));
        p.add(Param.ofInt("pages_per_loop", SyscallPages.DEFAULT_PAGES, 1, 256, "pages",
                "exception-less: syscall pages per event loop (FlexSC §5: 8 per core)"));
        p.add(Param.ofInt("entries_per_page", SyscallPages.DEFAULT_ENTRIES_PER_PAGE, 1, 4096, "entries",
                "exception-less: 64-byte entries per 4 KB syscall page (FlexSC Fig. 16 caption)"));
        p.add(Param.ofInt("entry_write_cycles", ServerModel.entryWriteCycles(), 0, 100_000, "cycles",
                "exception-less: writing an entry or reading its result (FlexSC model's ASSUMPTION, papers.flexsc)"));
        p.add(Param.ofInt("dispatch_cycles", ServerModel.dispatchCycles(), 0, 100_000, "cycles",
                "exception-less: a syscall thread picking up an entry and posting its result (FlexSC model's ASSUMPTION)"));
        p.add(Param.ofInt("handoff_cycles", ServerModel.handoffCycles(), 0, 1_000_000, "cycles",
                "exception-less: in-kernel switch to or from a syscall thread (FlexSC model's ASSUMPTION)"));
        p.add(Param.ofInt("syscall_cores", 0, 0, 64, "cores",
                "exception-less: 0 = syscall threads on each loop's own core (flexsc_wait batching); k = k dedicated syscall cores"));
        p.add(Param.ofInt("warmup_requests", 2_000, 0, 100_000_000, "", "requests before statistics start"));
        p.add(Param.ofInt("measured_requests", 20_000, 1, 100_000_000, "", "requests measured per point"));
        return p;
    }

    static ServerCosts costs(Params p, Platform platform) {
        return new ServerCosts(platform, Workload.byName(p.getString("workload")), p.getDouble("user_cpi"),
                p.getDouble("kernel_cpi"), p.getDouble("copy_bytes_per_cycle"), p.getBool("flush_tlb"));
    }

    static UringConfig uring(Params p, Platform platform, double idleTimeoutUs) {
        return new UringConfig(p.getInt("sq_entries"), p.getInt("cq_entries"), p.getLong("sqe_user_cycles"),
                p.getLong("sqe_kernel_cycles"), p.getInt("sqe_shared_lines"), cycles(platform, idleTimeoutUs),
                p.getLong("scan_cycles_per_ring"), p.getInt("per_ring_cap"));
    }

    static FlexscConfig flexsc(Params p, Platform platform, int syscallCores) {
        return new FlexscConfig(p.getInt("pages_per_loop"), p.getInt("entries_per_page"),
                ServerModel.exceptionLessCosts(platform, p.getLong("entry_write_cycles"), p.getLong("dispatch_cycles"),
                        p.getLong("handoff_cycles")), syscallCores);
    }

    static ServerSpec spec(Params p, Platform platform, Version v, int loops, int connections, UringConfig uring,
                           boolean pollerSharesCore) {
        return spec(p, platform, v, loops, connections, uring, pollerSharesCore, p.getInt("syscall_cores"));
    }

    static ServerSpec spec(Params p, Platform platform, Version v, int loops, int connections, UringConfig uring,
                           boolean pollerSharesCore, int syscallCores) {
        return new ServerSpec(v, loops, connections, cycles(platform, p.getDouble("think_us")),
                cycles(platform, p.getDouble("wakeup_us")), p.getLong("epoll_kernel_cycles"), p.getInt("max_events"),
                uring, pollerSharesCore, p.getLong("warmup_requests"), p.getLong("measured_requests"),
                flexsc(p, platform, syscallCores));
    }

    static long cycles(Platform platform, double micros) {
        return Math.round(micros * 1e-6 * platform.clockHz());
    }
}
