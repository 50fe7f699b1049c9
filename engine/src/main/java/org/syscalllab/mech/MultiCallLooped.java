package org.syscalllab.mech;

import java.util.List;

/**
 * A looped multi-call (System Call Clustering, §3.4): when a clusterable region is the whole body of a loop, the loop
 * itself runs in the kernel, so a whole loop costs one crossing instead of one per iteration. The calls given to
 * {@link #execute} are the executed calls of every iteration in order; {@code bodyLength} calls make one iteration,
 * and each iteration pays the stub's loop step. Error semantics are those of {@link MultiCall}.
 */
public final class MultiCallLooped implements Mechanism {
    private final MultiCallStub stub;
    private final int bodyLength;

    public MultiCallLooped(MultiCallStub stub, int bodyLength) {
        if (stub == null) throw new IllegalArgumentException("stub must not be null");
        if (bodyLength < 1) throw new IllegalArgumentException("body_length = " + bodyLength + " is not allowed; allowed: >= 1");
        this.stub = stub;
        this.bodyLength = bodyLength;
    }

    public int bodyLength() { return bodyLength; }

    @Override
    public String series() { return "multicall_looped"; }

    @Override
    public CallCost execute(List<CallRequest> calls, CostModel costs) {
        return invoke(calls, costs).cost();
    }

    /** Runs the loop in one crossing; iterations are counted from the calls given (a partial last one counts). */
    public MultiCallOutcome invoke(List<CallRequest> calls, CostModel costs) {
        long iterations = (calls.size() + bodyLength - 1) / bodyLength;
        return MultiCall.run(calls, costs, stub, iterations);
    }
}
