package org.syscalllab.workload;

/**
 * Compute programs with working sets, as stand-ins for the SPEC benchmarks FlexSC measured. The base IPCs are the
 * paper's; the working-set shapes are assumptions (SPEC working sets are not given in the paper) and are the knobs a
 * reader turns to ask "how sensitive is this program to system-call pollution".
 */
public final class Programs {
    private Programs() { }

    /**
     * Xalan (SPEC CPU2006 483.xalancbmk), an XSLT processor in C++: base user IPC 1.46 (FlexSC §2.3).
     * ASSUMPTION (working set, not in the paper): a pointer-heavy C++ program whose hot data (20 KB in 1 KB clusters on
     * 20 pages) takes 93% of data references, a warm set of 160 KB takes 6%, and a 16 MB cold DOM takes 1%; 0.4 data
     * references and 0.12 new instruction-line fetches per instruction (typical integer-code rates); 12 KB of hot code
     * takes 95% of fetches, 64 KB of warm code the rest.
     */
    public static ComputeProgram xalan(int pageLines) {
        ComputeProgram.Layout l = new ComputeProgram.Layout("xalan", pageLines)
                .data("hot_data", 320, 16, 0.93)
                .data("warm_data", 2560, 64, 0.06)
                .data("cold_data", 262144, 64, 0.01)
                .code("hot_code", 192, 16, 0.95)
                .code("warm_code", 1024, 64, 0.05);
        return new ComputeProgram("xalan", 1.46, 0.4, 0.12, l.streams, l.shares);
    }

    /**
     * SPEC JBB (Java server business logic): base user IPC 0.97 (FlexSC §2.3). ASSUMPTION (working set, not in the
     * paper): a managed-heap program with a smaller hot set (16 KB, 84% of data references), a larger warm set
     * (224 KB, 14%) and a 32 MB cold heap (1.5%); a bigger code footprint than Xalan (16 KB hot, 128 KB warm, 10%).
     */
    public static ComputeProgram jbb(int pageLines) {
        ComputeProgram.Layout l = new ComputeProgram.Layout("jbb", pageLines)
                .data("hot_data", 256, 16, 0.845)
                .data("warm_data", 3584, 64, 0.14)
                .data("cold_data", 524288, 64, 0.015)
                .code("hot_code", 256, 16, 0.90)
                .code("warm_code", 2048, 64, 0.10);
        return new ComputeProgram("jbb", 0.97, 0.4, 0.12, l.streams, l.shares);
    }

    /** By name: {@code xalan} or {@code jbb}. */
    public static ComputeProgram byName(String name, int pageLines) {
        return switch (name) {
            case "xalan" -> xalan(pageLines);
            case "jbb" -> jbb(pageLines);
            default -> throw new IllegalArgumentException("program = " + name + " is not allowed; allowed: xalan, jbb");
        };
    }
}
