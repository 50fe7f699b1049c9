package org.syscalllab.kernel.eval;

import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * One snippet of a cell as JShell's source analysis splits it.
 *
 * @param start        offset of the snippet in the analysed text
 * @param end          offset just after it
 * @param source       what to evaluate (JShell may have added a semicolon)
 * @param completeness JShell's verdict on the snippet
 */
public record Chunk(int start, int end, String source, Completeness completeness) {
    /** True when JShell can run the snippet as it is. */
    public boolean runnable() {
        return completeness == Completeness.COMPLETE || completeness == Completeness.COMPLETE_WITH_SEMI;
    }

    /** True when the snippet only needs more text (an open brace, an unfinished statement). */
    public boolean incomplete() {
        return completeness == Completeness.DEFINITELY_INCOMPLETE || completeness == Completeness.CONSIDERED_INCOMPLETE;
    }
}
