package org.syscalllab.papers.multicall;

import org.syscalllab.mech.CallCost;
import org.syscalllab.mech.CostModel;
import org.syscalllab.mech.Mechanism;
import org.syscalllab.mech.MultiCall;
import org.syscalllab.mech.MultiCallLooped;
import org.syscalllab.mech.MultiCallStub;
import org.syscalllab.mech.SyncTrap;
import org.syscalllab.papers.multicall.clustering.Execution;
import org.syscalllab.papers.multicall.clustering.KernelEntry;
import org.syscalllab.papers.multicall.clustering.Program;
import org.syscalllab.papers.multicall.clustering.Stmt;

/**
 * Prices an executed program crossing by crossing: a lone call through {@link SyncTrap}, a region through a
 * {@link MultiCall} (generic, or specialised when a name is given), a looped region through {@link MultiCallLooped};
 * user work after the last call is added. Stateless.
 */
public final class Pricing {
    private Pricing() { }

    /**
     * @param program        the program that ran (for the loop body of looped regions)
     * @param e              its execution
     * @param costs          the cost model
     * @param stub           multi-call stub costs
     * @param specialisedAs  null for the generic stub of Fig. 2, else the specialised call's name (e.g. write_read)
     */
    public static CallCost price(Program program, Execution e, CostModel costs, MultiCallStub stub, String specialisedAs) {
        Mechanism trap = new SyncTrap();
        MultiCall multi = specialisedAs == null ? MultiCall.generic(stub) : MultiCall.specialised(specialisedAs, stub);
        CallCost total = CallCost.ZERO;
        for (KernelEntry k : e.entries()) {
            if (!k.isMultiCall()) {
                total = total.plus(trap.execute(k.calls(), costs));
            } else if (k.isLooped()) {
                Stmt.While w = (Stmt.While) program.statement(k.region().loopId());
                int body = (w.condCall() == null ? 0 : 1);
                for (Stmt s : program.statements()) {
                    if (s instanceof Stmt.Call && k.region().calls().contains(s.id()) && isIn(w, s)) body++;
                }
                total = total.plus(new MultiCallLooped(stub, Math.max(1, body)).execute(k.calls(), costs));
            } else {
                total = total.plus(multi.execute(k.calls(), costs));
            }
        }
        return total.plus(new CallCost(costs.userCycles(e.trailingUserInstructions()), 0, 0, 0, 0, 0));
    }

    private static boolean isIn(Stmt.While w, Stmt s) {
        for (Stmt b : Stmt.flatten(w.body())) if (b.id().equals(s.id())) return true;
        return false;
    }
}
