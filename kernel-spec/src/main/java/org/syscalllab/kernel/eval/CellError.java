package org.syscalllab.kernel.eval;

import java.util.List;

/**
 * A cell that failed: the error's name (an exception's simple class name, {@code CompilationError},
 * {@code Interrupted}, {@code MagicError}), its message, and the traceback lines shown in the notebook.
 */
public final class CellError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String ename;
    private final List<String> traceback;

    public CellError(String ename, String evalue, List<String> traceback) {
        super(evalue);
        this.ename = ename;
        this.traceback = List.copyOf(traceback);
    }

    public String ename() {
        return ename;
    }

    public String evalue() {
        return getMessage() == null ? "" : getMessage();
    }

    public List<String> traceback() {
        return traceback;
    }
}
