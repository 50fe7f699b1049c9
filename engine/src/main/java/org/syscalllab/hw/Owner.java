package org.syscalllab.hw;

/**
 * Who brought a line into a structure. The memory models count, per structure, how many lines of one owner another
 * owner evicted (FlexSC Table 1 counts the application lines a system call evicts). Owners are small integers so the
 * exact model can keep them in a byte per line; {@link #MAX} bounds them.
 */
public final class Owner {
    private Owner() { }

    /** The application in user mode. */
    public static final int USER = 0;
    /** Kernel code and data run on behalf of the application's system calls. */
    public static final int KERNEL = 1;
    /** A FlexSC syscall thread (kernel mode on a core of its own). */
    public static final int SYSCALL_THREAD = 2;
    /** Number of distinct owners the models can track. */
    public static final int MAX = 8;

    public static String name(int owner) {
        return switch (owner) {
            case USER -> "user";
            case KERNEL -> "kernel";
            case SYSCALL_THREAD -> "syscall_thread";
            default -> "owner" + owner;
        };
    }

    static int check(int owner) {
        if (owner < 0 || owner >= MAX) throw new IllegalArgumentException("owner = " + owner + " is not allowed; allowed: [0, " + (MAX - 1) + "]");
        return owner;
    }
}
