package org.syscalllab.papers.multicall;

/**
 * The paper-specific inputs of the cost model that are not machine properties (those come from the platform preset).
 * None is given by the paper; each is an ASSUMPTION, editable.
 *
 * @param wrapperInstructions  user instructions of the libc wrapper around one trap (glibc 2.2 on i386: save
 *                             registers, load arguments, {@code int $0x80}, restore, test for an error): ~10
 * @param userCpi              cycles per user instruction (simple integer code on a P6 core): 1.0
 * @param kernelCpi            cycles per kernel instruction on the call paths (more branches and cold data): 1.5
 * @param crossingPathLines    data cache lines the trap path itself touches (the saved registers on the kernel
 *                             stack, the task structure, the system-call table, the user stack): 6
 * @param copyBytesPerCycle    bytes {@code rep movsl} moves per cycle when both lines are in L1 (one dword): 4
 * @param branchInstructions   user instructions of one branch or loop test: 2
 */
public record CostInputs(long wrapperInstructions, double userCpi, double kernelCpi, int crossingPathLines,
                         double copyBytesPerCycle, long branchInstructions) {
    public CostInputs {
        if (wrapperInstructions < 0 || wrapperInstructions > 100_000) throw bad("wrapper_instructions", wrapperInstructions, "[0, 100000]");
        if (!(userCpi > 0 && userCpi <= 100)) throw bad("user_cpi", userCpi, "(0, 100]");
        if (!(kernelCpi > 0 && kernelCpi <= 100)) throw bad("kernel_cpi", kernelCpi, "(0, 100]");
        if (crossingPathLines < 0 || crossingPathLines > 10_000) throw bad("crossing_path_lines", crossingPathLines, "[0, 10000]");
        if (!(copyBytesPerCycle > 0 && copyBytesPerCycle <= 64)) throw bad("copy_bytes_per_cycle", copyBytesPerCycle, "(0, 64]");
        if (branchInstructions < 0 || branchInstructions > 1000) throw bad("branch_instructions", branchInstructions, "[0, 1000]");
    }

    private static IllegalArgumentException bad(String f, Object v, String allowed) {
        return new IllegalArgumentException(f + " = " + v + " is not allowed; allowed: " + allowed);
    }

    /** The defaults listed above. */
    public static CostInputs defaults() { return new CostInputs(10, 1.0, 1.5, 6, 4.0, 2); }

    public CostInputs withWrapperInstructions(long v) { return new CostInputs(v, userCpi, kernelCpi, crossingPathLines, copyBytesPerCycle, branchInstructions); }

    public CostInputs withCrossingPathLines(int v) { return new CostInputs(wrapperInstructions, userCpi, kernelCpi, v, copyBytesPerCycle, branchInstructions); }

    public CostInputs withKernelCpi(double v) { return new CostInputs(wrapperInstructions, userCpi, v, crossingPathLines, copyBytesPerCycle, branchInstructions); }
}
