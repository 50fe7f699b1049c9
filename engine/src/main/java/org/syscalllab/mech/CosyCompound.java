package org.syscalllab.mech;

import java.util.List;

/**
 * Cosy compound system calls as a {@link Mechanism}: the calls of a sequence are encoded as one compound (one
 * system-call operation each, arguments as literals), built in user space at Cosy-Lib's cost, and executed by one
 * {@code cosy_run} crossing in exit-on-first-failure mode, so a checked failure stops the rest. In
 * {@link CosyMode#COSY_FAST} the calls' buffers are in the shared data buffer and their copies are skipped.
 *
 * <p>This is the mechanism-level view used to compare Cosy with the other mechanisms on one call sequence; the Cosy
 * paper's own workloads (loops, references, user functions) use {@link CosyKernel} with a full compound.
 */
public final class CosyCompound implements Mechanism {
    private final CosyMode mode;
    private final CosySafety safety;
    private final CosyCosts costs;

    public CosyCompound(CosyMode mode, CosySafety safety, CosyCosts costs) {
        if (mode == null || safety == null || costs == null) throw new IllegalArgumentException("mode, safety and costs are required");
        this.mode = mode;
        this.safety = safety;
        this.costs = costs;
    }

    public CosyCompound(CosyMode mode) {
        this(mode, CosySafety.DATA_SEGMENT, CosyCosts.defaults());
    }

    @Override
    public String series() { return mode.series(); }

    @Override
    public CallCost execute(List<CallRequest> calls, CostModel model) {
        if (calls.isEmpty()) return CallCost.ZERO;
        CosyBuilder b = new CosyBuilder();
        long userWork = 0;
        for (int i = 0; i < calls.size(); i++) {
            CallRequest c = calls.get(i);
            userWork += model.userCycles(c.userInstructions());
            if (c.bytes() > 0) b.syscallShared(c.name(), CosyArg.lit(i));
            else b.syscall(c.name(), CosyArg.lit(i));
        }
        CosyProgram program = b.build();
        CosyServices services = new CosyServices() {
            @Override
            public CosyCallResult syscall(String call, long[] args, boolean zeroCopy) {
                CallRequest c = calls.get((int) args[0]);
                long bytes = c.bytes();
                // a checked failure reports -1 so that exit-on-first-failure stops; an unchecked one is ignored
                long value = c.fails() && c.checked() ? -1 : 0;
                return new CosyCallResult(value, model.kernelCycles(c), zeroCopy ? 0 : bytes, zeroCopy ? bytes : 0, 0);
            }

            @Override
            public CosyCallResult userFunction(String function, long[] args) {
                throw new IllegalStateException("a flat call sequence has no user functions");
            }
        };
        CosyKernel kernel = new CosyKernel(costs, model, mode, safety, true, true, Long.MAX_VALUE);
        CosyRun run = kernel.run(program, services);
        long user = userWork + CosyBuilder.buildCycles(program, costs);
        return new CallCost(user, run.kernelCycles() + run.userFnCycles() + run.safetyCycles(), run.crossingCycles(),
                run.copyCycles(), 1, run.syscalls());
    }
}
