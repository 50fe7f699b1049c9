package org.syscalllab.papers.multicall.clustering;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One system call as a tracer records it (strace): the call site that issued it, its name, argument values and
 * result, plus the bytes it moved between user and kernel space.
 */
public record TraceEvent(String site, String name, List<Long> args, long result, long bytes) {
    public TraceEvent {
        if (site == null || site.isBlank()) throw new IllegalArgumentException("site must not be blank");
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name must not be blank");
        args = List.copyOf(args);
        if (bytes < 0) throw new IllegalArgumentException("bytes = " + bytes + " is not allowed; allowed: >= 0");
    }

    @Override
    public String toString() {
        return name + "(" + args.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ") = " + result;
    }
}
