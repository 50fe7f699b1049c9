package org.syscalllab.mech;

import java.util.List;

/** The baseline: every call traps into the kernel on its own, copying its data across the boundary. */
public final class SyncTrap implements Mechanism {
    @Override
    public String series() { return "sync"; }

    @Override
    public CallCost execute(List<CallRequest> calls, CostModel costs) {
        CallCost total = CallCost.ZERO;
        for (CallRequest c : calls) {
            total = total.plus(new CallCost(costs.userCycles(c.userInstructions()), costs.kernelCycles(c),
                    costs.crossingCycles(), costs.copyCycles(c.bytes()), 1, 1));
        }
        return total;
    }
}
