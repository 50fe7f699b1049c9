package org.syscalllab.mech;

import java.util.List;

/**
 * A way for a program to get its system calls executed: the synchronous trap, a multi-call, a Cosy compound, a
 * cluster call, an exception-less call. Each mechanism is one class behind this interface. {@link #execute} runs a
 * sequence of calls issued by one thread on one core and accounts for every step; mechanisms whose point is
 * concurrency (syscall threads on other cores, worker pools) also drive a discrete-event model in their paper's
 * package, but keep their single-thread accounting here so that all mechanisms can be compared on one sequence.
 */
public interface Mechanism {
    /** The series name used in result tables: {@code sync}, {@code multicall}, {@code cosy_fast} ... */
    String series();

    /** Executes the calls in order and returns what they cost on the given cost model. */
    CallCost execute(List<CallRequest> calls, CostModel costs);
}
