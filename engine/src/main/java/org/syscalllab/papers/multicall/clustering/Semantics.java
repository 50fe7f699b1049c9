package org.syscalllab.papers.multicall.clustering;

/** What the kernel does with a call, for the interpreter: the result and the bytes moved across the boundary. */
public interface Semantics {
    /** The outcome of one call. */
    record Outcome(long result, long bytes) {
        public Outcome {
            if (bytes < 0) throw new IllegalArgumentException("bytes = " + bytes + " is not allowed; allowed: >= 0");
        }
    }

    /** Executes {@code name(args)}; called once per executed call, in order. */
    Outcome call(String site, String name, long[] args);
}
