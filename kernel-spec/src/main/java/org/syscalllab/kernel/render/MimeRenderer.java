package org.syscalllab.kernel.render;

import java.util.Map;

/**
 * Shows values of some type in a notebook. Implementations are found with {@link java.util.ServiceLoader}: list the
 * class in {@code META-INF/services/org.syscalllab.kernel.render.MimeRenderer} of any jar on the kernel's class path
 * (or added with {@code %jars}). It needs a public no-argument constructor.
 */
public interface MimeRenderer {
    /** Priority of the built-in renderers; a renderer with a higher priority wins when several handle a value. */
    int BUILT_IN = 0;

    /** Whether this renderer can show {@code value} (never null). */
    boolean handles(Object value);

    /**
     * MIME type to content, in order of preference: text types as text, binary types ({@code image/png}) as base64.
     * A {@code text/plain} entry is added by the caller when missing.
     */
    Map<String, String> render(Object value);

    /** Higher wins; added renderers default to above the built-ins so that they can override them. */
    default int priority() {
        return BUILT_IN + 100;
    }
}
