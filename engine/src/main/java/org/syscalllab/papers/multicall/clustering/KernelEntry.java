package org.syscalllab.papers.multicall.clustering;

import java.util.List;
import org.syscalllab.mech.CallRequest;

/**
 * One kernel crossing of an executed program: either a single call (an ordinary trap, {@code region} null) or a
 * multi-call of a region with the calls it ran, and for a looped region the number of loop tests it evaluated (iterations plus the final test).
 */
public record KernelEntry(ClusterRegion region, List<CallRequest> calls, List<TraceEvent> events, long iterations) {
    public KernelEntry {
        calls = List.copyOf(calls);
        events = List.copyOf(events);
        if (calls.isEmpty()) throw new IllegalArgumentException("calls: a kernel entry runs at least one call");
        if (iterations < 0) throw new IllegalArgumentException("iterations = " + iterations + " is not allowed; allowed: >= 0");
    }

    public boolean isMultiCall() { return region != null; }

    public boolean isLooped() { return region != null && region.looped(); }
}
