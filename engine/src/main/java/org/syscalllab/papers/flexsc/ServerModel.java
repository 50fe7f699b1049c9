package org.syscalllab.papers.flexsc;

import java.util.List;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.hw.Platform;
import org.syscalllab.mech.ExceptionLessCosts;

/**
 * FlexSC's server model for use outside this package (the what-if experiments run Apache and MySQL on other
 * machines): the server knobs of Figures 11-16, one run of NPTL or FlexSC-Threads on a given platform, and FlexSC's
 * exception-less step costs. Everything delegates to {@link ServerSetup} and {@link ServerSim}; nothing is copied.
 */
public final class ServerModel {
    private ServerModel() { }

    /** The server knobs of FlexSC's experiments except {@code platform}, which the caller chooses. */
    public static List<Param> parameters() {
        List<Param> ps = ServerSetup.common();
        ps.removeIf(p -> p.name().equals("platform"));
        return ps;
    }

    /**
     * What one server run measured.
     *
     * @param throughputRps requests per second in the measured window
     * @param latencyMs     mean request latency
     * @param userIpc       user-mode instructions per cycle
     * @param kernelIpc     kernel-mode instructions per cycle
     * @param idlePct       share of core time idle
     */
    public record Outcome(double throughputRps, double latencyMs, double userIpc, double kernelIpc, double idlePct) { }

    /**
     * Runs one point of FlexSC's server experiments.
     *
     * @param p        values of {@link #parameters()}
     * @param ctx      the run's context (seed, simulation)
     * @param platform the machine; {@code cores} must not exceed its cores
     * @param workload {@code apache}, {@code mysql} or {@code bind}
     * @param flexsc   FlexSC-Threads (true) or NPTL with synchronous calls (false)
     * @param cores    cores used
     * @param clients  concurrent requests (closed loop)
     */
    public static Outcome run(Params p, RunContext ctx, Platform platform, String workload, boolean flexsc, int cores, int clients) {
        ServerSim.Mode mode = flexsc ? ServerSim.Mode.FLEXSC : ServerSim.Mode.SYNC;
        ServerSim.Stats s = ServerSetup.run(p, ctx, platform, ServerWorkload.byName(workload), mode, cores, clients, p.getInt("pages_per_core"));
        ServerSetup.requireCompleted(p, s, mode, cores, clients);
        return new Outcome(s.throughputRps(), s.latencyMs(), s.userIpc(), s.kernelIpc(), s.idlePct());
    }

    /** Entry write/read cycles of FlexSC's model (see {@link ServerSetup}). */
    public static long entryWriteCycles() { return ServerSetup.ENTRY_WRITE_CYCLES; }

    /** A syscall thread's per-entry dispatch cycles of FlexSC's model (see {@link ServerSetup}). */
    public static long dispatchCycles() { return ServerSetup.DISPATCH_CYCLES; }

    /** The in-kernel hand-off to or from a syscall thread of FlexSC's model (see {@link ServerSetup}). */
    public static long handoffCycles() { return ServerSetup.HANDOFF_CYCLES; }

    /** FlexSC's exception-less step costs on a machine: the model's entry, dispatch and hand-off costs, the platform's IPI and cache-to-cache transfer. */
    public static ExceptionLessCosts exceptionLessCosts(Platform platform, long entryWriteCycles, long dispatchCycles, long handoffCycles) {
        return new ExceptionLessCosts(entryWriteCycles, dispatchCycles, handoffCycles, platform.ipiCycles(), platform.cacheToCacheCycles());
    }
}
