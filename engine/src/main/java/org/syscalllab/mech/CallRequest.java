package org.syscalllab.mech;

/**
 * One system call as a program issues it: which call, the kernel work it needs, the user work that precedes it, the
 * bytes it moves across the user/kernel boundary, and whether the program checks its result.
 *
 * @param name               the call's name ({@code read}, {@code getpid}, ...)
 * @param kernelInstructions instructions the kernel executes for the call's own work (excluding entry/exit)
 * @param userInstructions   instructions of user code executed just before this call (since the previous one)
 * @param bytes              bytes copied between user and kernel space by the call (0 for none)
 * @param checked            whether the program tests the result (a checked failure stops a batch)
 * @param fails              whether this call fails when executed (to exercise error paths)
 */
public record CallRequest(String name, long kernelInstructions, long userInstructions, long bytes, boolean checked,
                          boolean fails) {
    public CallRequest {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name must not be blank");
        if (kernelInstructions < 0) throw new IllegalArgumentException("kernel_instructions = " + kernelInstructions + " is not allowed; allowed: >= 0");
        if (userInstructions < 0) throw new IllegalArgumentException("user_instructions = " + userInstructions + " is not allowed; allowed: >= 0");
        if (bytes < 0) throw new IllegalArgumentException("bytes = " + bytes + " is not allowed; allowed: >= 0");
    }

    public static CallRequest of(String name, long kernelInstructions) {
        return new CallRequest(name, kernelInstructions, 0, 0, true, false);
    }
}
