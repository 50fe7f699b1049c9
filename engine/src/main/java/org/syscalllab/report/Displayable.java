package org.syscalllab.report;

import java.util.Map;

/**
 * An object that knows how to show itself in a notebook. The Jupyter kernel renders any {@code Displayable} shown as a
 * cell's value or passed to {@code display(...)} through this bundle; the engine itself has no Jupyter dependency.
 */
public interface Displayable {
    /**
     * MIME type to content: {@code text/plain} and {@code text/html} as text, {@code image/png} as base64, {@code
     * image/svg+xml} as SVG text. Insertion order is the order of preference.
     */
    Map<String, String> mimeBundle();
}
