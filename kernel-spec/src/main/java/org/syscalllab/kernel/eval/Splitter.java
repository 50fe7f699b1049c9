package org.syscalllab.kernel.eval;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/**
 * Splits a cell into snippets with JShell's {@code analyzeCompletion}. Stops at the first snippet that is not
 * runnable: an incomplete one takes the rest of the text, and one JShell cannot classify ({@code UNKNOWN}, e.g. a stray
 * {@code "}"}) is kept as the last snippet so that evaluating it reports the compiler's error. ({@code UNKNOWN} counts
 * as "complete" in the JDK's {@code Completeness.isComplete()}, so a loop that only asks that would run past it.)
 */
public final class Splitter {
    private Splitter() { }

    public static List<Chunk> split(SourceCodeAnalysis analysis, String text) {
        List<Chunk> chunks = new ArrayList<>();
        int offset = 0;
        String remaining = text;
        while (!remaining.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            Completeness c = info.completeness();
            if (c == Completeness.EMPTY) break;
            if (c == Completeness.COMPLETE || c == Completeness.COMPLETE_WITH_SEMI) {
                int consumed = remaining.length() - info.remaining().length();
                chunks.add(new Chunk(offset, offset + consumed, info.source(), c));
                offset += consumed;
                remaining = info.remaining();
                if (consumed == 0) break; // defensive: never loop without progress
            } else {
                // UNKNOWN, DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE: the rest of the cell is one bad snippet
                chunks.add(new Chunk(offset, text.length(), remaining, c));
                break;
            }
        }
        return chunks;
    }

    /**
     * The Jupyter {@code is_complete} verdict: {@code "complete"}, {@code "invalid"}, or the indent of the next line
     * when the code is unfinished.
     */
    public static String completeness(SourceCodeAnalysis analysis, String text) {
        List<Chunk> chunks = split(analysis, text);
        if (chunks.isEmpty()) return "complete";
        Chunk last = chunks.get(chunks.size() - 1);
        if (last.runnable()) return "complete";
        if (last.incomplete()) return indent(text);
        return "invalid";
    }

    static String indent(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '{' || ch == '(') depth++;
            else if ((ch == '}' || ch == ')') && depth > 0) depth--;
        }
        return "    ".repeat(Math.max(1, depth));
    }
}
