package org.syscalllab.kernel;

import java.util.Map;
import org.syscalllab.experiment.Progress;

/**
 * What a cell can call besides the engine; the kernel imports these statically into every cell
 * ({@code import static org.syscalllab.kernel.Notebook.*}). They work only inside the syscall-lab kernel.
 */
public final class Notebook {
    private Notebook() { }

    /** Shows {@code value} now, rendered as the kernel renders a cell's value (chart, table, image, Result ...). */
    public static DisplayRef display(Object value) {
        return LabKernel.current().display(LabKernel.current().renderers().render(value));
    }

    /**
     * Shows {@code value} as one MIME type: text is taken as content of that type ({@code display("text/html",
     * "<b>hi</b>")}), bytes are base64-encoded, other objects must render to that type.
     */
    public static DisplayRef display(String mime, Object value) {
        return LabKernel.current().display(LabKernel.current().renderers().renderAs(mime, value));
    }

    /** Replaces an output shown earlier by {@code display} with {@code value}. */
    public static void updateDisplay(DisplayRef ref, Object value) {
        LabKernel.current().updateDisplay(ref, LabKernel.current().renderers().render(value));
    }

    /** Same as {@link #updateDisplay(DisplayRef, Object)} with the id as text. */
    public static void updateDisplay(String id, Object value) {
        updateDisplay(new DisplayRef(id), value);
    }

    /** Clears the cell's output so far. */
    public static void clearOutput() {
        LabKernel.current().clearOutput(false);
    }

    /** Clears the cell's output when the next output arrives (no flicker when redrawing in a loop). */
    public static void clearOutput(boolean wait) {
        LabKernel.current().clearOutput(wait);
    }

    /**
     * A live progress bar for a sweep: {@code Lab.runner().withProgress(progressBar("fig2")).run(...)} shows it
     * in the cell's output and moves it as points complete.
     */
    public static Progress progressBar(String label) {
        return new ProgressBar(label, LabKernel.current());
    }

    /** The renderers in use, for inspection ({@code renderers().list()}). */
    public static org.syscalllab.kernel.render.Renderers renderers() {
        return LabKernel.current().renderers();
    }

    /** A bundle shown as is: MIME type to content. */
    public static DisplayRef displayBundle(Map<String, String> bundle) {
        return LabKernel.current().display(bundle);
    }
}
