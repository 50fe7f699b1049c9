package org.syscalllab.mech;

import java.util.ArrayList;
import java.util.List;

/**
 * A multi-call (Rajagopalan et al., "System Call Clustering", Fig. 2): one trap carries a list of calls, which the
 * kernel stub runs in order through the original handlers. The stub stops at the first call that fails and whose
 * {@code check_return_value} flag is set, and returns that call's 1-based index; a failure of an unchecked call is
 * stored and ignored; with no checked failure it returns {@code count + 1}. A specialised multi-call (such as
 * {@code write_read} or {@code select_time}) has the same semantics with a cheaper stub.
 */
public final class MultiCall implements Mechanism {
    /** Result stored for a failed call (ASSUMPTION: any negative errno; -EINVAL is used). */
    public static final long FAILURE_RESULT = -22;

    private final String series;
    private final MultiCallStub stub;

    private MultiCall(String series, MultiCallStub stub) {
        if (stub == null) throw new IllegalArgumentException("stub must not be null");
        this.series = series;
        this.stub = stub;
    }

    /** The generic multi-call of Fig. 2 with the given stub costs. */
    public static MultiCall generic(MultiCallStub stub) { return new MultiCall("multicall", stub); }

    /** A specialised multi-call, reported as series {@code multicall_<name>} (e.g. {@code multicall_select_time}). */
    public static MultiCall specialised(String name, MultiCallStub stub) {
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("name = " + name + " is not allowed; allowed: snake_case");
        }
        return new MultiCall("multicall_" + name, stub);
    }

    public MultiCallStub stub() { return stub; }

    @Override
    public String series() { return series; }

    @Override
    public CallCost execute(List<CallRequest> calls, CostModel costs) {
        return invoke(calls, costs).cost();
    }

    /** Runs the calls as one multi-call and returns the stub's return value, the stored results and the cost. */
    public MultiCallOutcome invoke(List<CallRequest> calls, CostModel costs) {
        return run(calls, costs, stub, 0);
    }

    /**
     * The stub's loop, shared with {@link MultiCallLooped}: one crossing, the user-side wrapper filling one record per
     * call, then each call in order until a checked failure. {@code iterations} adds the in-kernel loop step.
     */
    static MultiCallOutcome run(List<CallRequest> calls, CostModel costs, MultiCallStub stub, long iterations) {
        if (calls == null || calls.isEmpty()) throw new IllegalArgumentException("calls: a multi-call needs at least one call");
        long user = 0;
        for (CallRequest c : calls) user += costs.userCycles(c.userInstructions());
        user += stub.marshalCyclesPerCall() * calls.size();
        long kernel = stub.loopIterationCycles() * iterations;
        long copy = 0;
        List<Long> results = new ArrayList<>(calls.size());
        int returnValue = calls.size() + 1;
        for (int i = 0; i < calls.size(); i++) {
            CallRequest c = calls.get(i);
            kernel += stub.dispatchCyclesPerCall() + costs.kernelCycles(c);
            if (c.fails()) {
                results.add(FAILURE_RESULT);
                if (c.checked()) {
                    returnValue = i + 1;
                    break;
                }
            } else {
                copy += costs.copyCycles(c.bytes());
                results.add(c.bytes());
            }
        }
        CallCost cost = new CallCost(user, kernel, costs.crossingCycles(), copy, 1, results.size());
        return new MultiCallOutcome(returnValue, results, cost);
    }
}
