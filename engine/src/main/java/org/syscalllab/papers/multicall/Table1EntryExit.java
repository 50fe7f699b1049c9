package org.syscalllab.papers.multicall;

import java.util.ArrayList;
import java.util.List;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.experiment.TidyRows;
import org.syscalllab.hw.Platform;
import org.syscalllab.mech.CallCost;
import org.syscalllab.mech.CallRequest;
import org.syscalllab.mech.MultiCall;
import org.syscalllab.mech.MultiCallStub;
import org.syscalllab.mech.SyncTrap;

/**
 * MC Table 1: the cycles to enter and leave the kernel against a procedure call, measured with {@code rdtscl}
 * around a dummy {@code jump_cost} call that returns the counter. The entry and exit cycles are the platform's inputs
 * (they are this table's measurement); the experiment replays the measurement (adding the rdtscl pair's cost, which
 * the paper subtracts) and derives what the paper concludes from it: the syscall/procedure ratio, and what merging
 * two calls into one multi-call saves once the mechanisms' own costs are charged.
 */
public final class Table1EntryExit implements Experiment {
    @Override public String id() { return "multicall.table1"; }

    @Override public String title() { return "CPU cycles for kernel entry and exit vs a procedure call (rdtscl)"; }

    @Override public String xParameter() { return "phase"; }

    @Override public List<Param> parameters() {
        List<Param> ps = new ArrayList<>();
        ps.add(Param.ofInt("rdtscl_pair_cycles", 33, 0, 10_000, "cycles", "cost of two consecutive rdtscl (MC §4.1: 33)"));
        ps.addAll(McParams.machine());
        ps.addAll(McParams.costs());
        return ps;
    }

    @Override public void run(Params p, RunContext ctx, TidyRows out) {
        Platform pl = McParams.platform(p);
        long rd = p.getLong("rdtscl_pair_cycles");
        out.add("sync", "entry", "cycles_per_call", pl.syscallEntryCycles());
        out.add("sync", "exit", "cycles_per_call", pl.syscallExitCycles());
        out.add("sync", "round_trip", "cycles_per_call", pl.syscallRoundTripCycles());
        out.add("sync", "entry", "cycles_measured", pl.syscallEntryCycles() + rd);
        out.add("sync", "exit", "cycles_measured", pl.syscallExitCycles() + rd);
        out.add("procedure_call", "round_trip", "cycles_per_call", pl.procedureCallCycles());
        out.add("derived", "round_trip", "syscall_to_procedure_ratio",
                pl.procedureCallCycles() == 0 ? 0 : (double) pl.syscallRoundTripCycles() / pl.procedureCallCycles());
        // Two back-to-back jump_cost calls, as traps and as one multi-call (no data streamed: block of 1 byte)
        PathCostModel costs = new PathCostModel(pl, McParams.inputs(p), 1, 0);
        long k = Linux24Paths.linux24().instructions("jump_cost", 0);
        List<CallRequest> pair = List.of(new CallRequest("jump_cost", k, 0, 0, true, false), new CallRequest("jump_cost", k, 0, 0, true, false));
        CallCost sync = new SyncTrap().execute(pair, costs);
        CallCost generic = MultiCall.generic(MultiCallStub.generic()).execute(pair, costs);
        CallCost special = MultiCall.specialised("jump_pair", MultiCallStub.specialised()).execute(pair, costs);
        out.add("sync", "pair", "cycles", sync.totalCycles());
        out.add("multicall", "pair", "cycles", generic.totalCycles());
        out.add("multicall_specialised", "pair", "cycles", special.totalCycles());
        out.add("multicall", "pair", "pair_saving_cycles", sync.totalCycles() - generic.totalCycles());
        out.add("multicall_specialised", "pair", "pair_saving_cycles", sync.totalCycles() - special.totalCycles());
    }
}
