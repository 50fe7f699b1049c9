package org.syscalllab.kernel.render;

/**
 * A renderer (or a value's own {@code toString()}) failed while showing a value. The message names the renderer and
 * the value's type; the cause is what the renderer threw. The kernel turns it into a cell error and keeps running.
 */
public final class RenderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RenderException(String what, Object value, Throwable cause) {
        super(what + " failed to show a value of type " + value.getClass().getName() + ": " + cause, cause);
    }
}
