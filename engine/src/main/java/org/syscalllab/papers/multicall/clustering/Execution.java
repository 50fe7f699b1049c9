package org.syscalllab.papers.multicall.clustering;

import java.util.ArrayList;
import java.util.List;

/**
 * What running a program produced: the system-call trace (what strace would print, the same whether or not the
 * program uses multi-calls), the kernel crossings with the calls each carried, and user instructions executed after
 * the last call.
 */
public record Execution(List<TraceEvent> trace, List<KernelEntry> entries, long trailingUserInstructions) {
    public Execution {
        trace = List.copyOf(trace);
        entries = List.copyOf(entries);
    }

    /** Kernel crossings made. */
    public long crossings() { return entries.size(); }

    /** Every call in order, flattened from the crossings. */
    public List<TraceEvent> calls() {
        List<TraceEvent> out = new ArrayList<>();
        for (KernelEntry e : entries) out.addAll(e.events());
        return out;
    }
}
