package org.syscalllab.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Splitting needs only JShell's source analysis: nothing is evaluated. */
class SplitterTest {
    static JShell shell;
    static SourceCodeAnalysis analysis;

    @BeforeAll
    static void open() {
        shell = JShell.create();
        analysis = shell.sourceCodeAnalysis();
    }

    @AfterAll
    static void close() {
        shell.close();
    }

    @Test
    void aCellBecomesOneChunkPerSnippetWithOffsetsIntoTheCell() {
        String cell = "int a = 1; int b = 2;\nvoid f() {\n  a++;\n}\na + b";
        List<Chunk> chunks = Splitter.split(analysis, cell);
        assertEquals(4, chunks.size(), chunks.toString());
        assertTrue(chunks.stream().allMatch(Chunk::runnable), chunks.toString());
        assertEquals(0, chunks.get(0).start());
        for (int i = 1; i < chunks.size(); i++) assertEquals(chunks.get(i - 1).end(), chunks.get(i).start());
        assertTrue(cell.substring(chunks.get(2).start(), chunks.get(2).end()).contains("void f()"));
        assertTrue(chunks.get(3).source().strip().startsWith("a + b"), chunks.get(3).source());
        assertEquals(cell.length(), chunks.get(3).end());
    }

    @Test
    void blankAndCommentOnlyCellsHaveNoChunks() {
        assertEquals(List.of(), Splitter.split(analysis, ""));
        assertEquals(List.of(), Splitter.split(analysis, "  \n\t\n"));
        assertEquals(List.of(), Splitter.split(analysis, "// nothing to run\n"));
    }

    @Test
    void anUnclassifiableSnippetEndsTheSplitSoThatItsErrorIsReported() {
        List<Chunk> chunks = Splitter.split(analysis, "int ok = 1;\n}\nint never = 2;");
        assertEquals(2, chunks.size(), chunks.toString());
        assertTrue(chunks.get(0).runnable());
        Chunk bad = chunks.get(1);
        assertFalse(bad.runnable());
        assertFalse(bad.incomplete());
    }

    @Test
    void anUnfinishedSnippetTakesTheRestOfTheCell() {
        String cell = "int x = 1;\nfor (int i = 0; i < 3; i++) {\n  x += i;";
        List<Chunk> chunks = Splitter.split(analysis, cell);
        Chunk last = chunks.get(chunks.size() - 1);
        assertTrue(last.incomplete(), chunks.toString());
        assertEquals(cell.length(), last.end());
    }

    @Test
    void completenessUsesJupytersWordsAndIndentsByOpenBrackets() {
        assertEquals("complete", Splitter.completeness(analysis, "1 + 1"));
        assertEquals("complete", Splitter.completeness(analysis, ""));
        assertEquals("invalid", Splitter.completeness(analysis, "}"));
        assertEquals("    ", Splitter.completeness(analysis, "if (true) {"));
        assertEquals("        ", Splitter.indent("class A {\n  void f() {"));
        assertEquals("    ", Splitter.indent("f(a, b"));
    }
}
