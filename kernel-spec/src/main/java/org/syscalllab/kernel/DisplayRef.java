package org.syscalllab.kernel;

/**
 * A handle on one output of a cell, returned by {@code display(...)}; pass it to {@code updateDisplay} to replace that
 * output in place. When {@code display(...)} is the last expression of a cell its handle is not shown as a result.
 *
 * @param id the Jupyter display id
 */
public record DisplayRef(String id) {
    public DisplayRef {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("id = '" + id + "', expected a non-blank display id");
    }

    @Override
    public String toString() {
        return id;
    }
}
