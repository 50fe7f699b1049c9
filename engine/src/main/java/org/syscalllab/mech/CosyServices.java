package org.syscalllab.mech;

/**
 * The kernel as the Cosy extension sees it: the system-call table and the user-supplied functions of the process.
 * Implementations hold the OS state (files, page cache, devices) and say what each call costs.
 */
public interface CosyServices {

    /**
     * Executes one system call.
     *
     * @param call     the call's name
     * @param args     the resolved argument values
     * @param zeroCopy whether the buffer is in the shared data buffer and the copy across the boundary is skipped
     *                 (only under {@link CosyMode#COSY_FAST}); the call still validates its arguments
     */
    CosyCallResult syscall(String call, long[] args, boolean zeroCopy);

    /** Runs a user-supplied function (in the kernel under Cosy, in user mode otherwise). */
    CosyCallResult userFunction(String function, long[] args);

    /**
     * Reports time that passed outside the calls themselves (the crossing, decoding, dispatch, boundary copies), so
     * that a stateful OS model keeps its clock; the work and waits a call returns are already its own.
     */
    default void elapse(long cycles) { }
}
