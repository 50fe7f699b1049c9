package org.syscalllab.kernel.eval;

/**
 * Thrown in place of a cell's {@code System.exit}: ending the JVM would end the kernel and the notebook's session. An
 * {@code Error}, so that a cell's {@code catch (Exception e)} does not swallow it and carry on as if the exit returned.
 */
public final class ExitRefusedError extends Error {
    private static final long serialVersionUID = 1L;

    ExitRefusedError(String call) {
        super(call + " refused: a cell cannot end the kernel (it would end the notebook's session); "
                + "throw an exception to stop a cell, or restart the kernel from the notebook's Kernel menu");
    }
}
