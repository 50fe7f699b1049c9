package org.syscalllab.mech;

import java.util.List;

/**
 * What one multi-call returned and cost, following the stub of the paper's Fig. 2: the return value is the 1-based
 * index of the first call that failed and whose result was to be checked, or {@code count + 1} when no checked call
 * failed; {@code results} holds the result written back for every call that ran (in order), so the caller can read
 * the failing call's error code.
 *
 * @param returnValue 1-based index of the first checked failure, or count + 1
 * @param results     the result of each executed call: bytes moved (or 0) on success, a negative error on failure
 * @param cost        cycles and crossings
 */
public record MultiCallOutcome(int returnValue, List<Long> results, CallCost cost) {
    public MultiCallOutcome {
        if (returnValue < 1) throw new IllegalArgumentException("return_value = " + returnValue + " is not allowed; allowed: >= 1");
        results = List.copyOf(results);
        if (cost == null) throw new IllegalArgumentException("cost must not be null");
    }

    /** Whether every call ran and no checked call failed. */
    public boolean succeeded() { return returnValue == results.size() + 1; }
}
