package org.syscalllab.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One JShell for the class (building one takes about a second); each test uses its own names. */
class CellEvaluatorTest {
    static CellEvaluator evaluator;
    static final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        evaluator = new CellEvaluator(new CellEvaluator.Options("import java.util.*;\nimport no.such.pkg.*;", Duration.ZERO, Path.of(".")),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        evaluator.awaitStarted();
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    @Test
    void aFailingStartupSnippetIsLoggedNotFatal() {
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("no.such.pkg"), log.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(1, 2), evaluator.eval("List.of(1, 2)").value().orElseThrow());
    }

    @Test
    void theLastExpressionIsKeptAsAnObject() {
        CellEvaluator.Outcome o = evaluator.eval("int a1 = 20;\nint b1 = 22;\nnew StringBuilder().append(a1 + b1)");
        assertTrue(o.implicit());
        assertTrue(o.value().orElseThrow() instanceof StringBuilder);
        assertEquals("42", o.value().get().toString());
    }

    @Test
    void aVariableOrAnAssignmentShowsTheVariable() {
        evaluator.eval("var list2 = new ArrayList<String>();");
        CellEvaluator.Outcome o = evaluator.eval("list2");
        assertFalse(o.implicit());
        assertTrue(o.value().orElseThrow() instanceof java.util.ArrayList);
        assertEquals(7, evaluator.eval("int n2 = 1;\nn2 = 7").value().orElseThrow());
    }

    @Test
    void declarationsAndVoidCallsHaveNoValue() {
        assertTrue(evaluator.eval("int d3 = 4;").value().isEmpty());
        assertTrue(evaluator.eval("void noop3() { }").value().isEmpty());
        assertTrue(evaluator.eval("noop3()").value().isEmpty());
        assertTrue(evaluator.eval("Object nothing3 = null;\nnothing3").value().isEmpty());
    }

    @Test
    void definitionsSurviveAcrossCells() {
        evaluator.eval("record Point4(int x, int y) { int sum() { return x + y; } }");
        evaluator.eval("static int twice4(int v) { return 2 * v; }");
        assertEquals(14, evaluator.eval("twice4(new Point4(3, 4).sum())").value().orElseThrow());
    }

    @Test
    void aCompileErrorCarriesTheCompilersMessageAndACaret() {
        CellError e = assertThrows(CellError.class, () -> evaluator.eval("int z5 = \"x\";"));
        assertEquals("CompilationError", e.ename());
        assertTrue(e.evalue().contains("incompatible types"), e.evalue());
        assertTrue(e.traceback().contains("    int z5 = \"x\";"), e.traceback().toString());
        assertTrue(e.traceback().stream().anyMatch(l -> l.strip().equals("^")), e.traceback().toString());
    }

    @Test
    void aRuntimeErrorKeepsTheExceptionsNameAndMessage() {
        CellError e = assertThrows(CellError.class, () -> evaluator.eval("throw new IllegalStateException(\"boom\");"));
        assertEquals("IllegalStateException", e.ename());
        assertEquals("boom", e.evalue());
        assertEquals("java.lang.IllegalStateException: boom", e.traceback().get(0));
    }

    @Test
    void anErrorStopsTheRestOfTheCell() {
        assertThrows(CellError.class, () -> evaluator.eval("int before6 = 1;\nint bad6 = undefinedName6;\nint after6 = 3;"));
        assertEquals(1, evaluator.eval("before6").value().orElseThrow());
        CellError e = assertThrows(CellError.class, () -> evaluator.eval("after6"));
        assertEquals("CompilationError", e.ename());
    }

    @Test
    void aStrayBraceOrAnUnfinishedStatementIsAnError() {
        assertThrows(CellError.class, () -> evaluator.eval("}"));
        assertThrows(CellError.class, () -> evaluator.eval("for (int i = 0; i < 3; i++) {"));
    }

    @Test
    void usingAnUndeclaredMethodIsAnUnresolvedReference() {
        evaluator.eval("void caller7() { missing7(); }");
        CellError e = assertThrows(CellError.class, () -> evaluator.eval("caller7()"));
        assertEquals("UnresolvedReference", e.ename());
        assertTrue(e.evalue().contains("missing7"), e.evalue());
    }

    @Test
    void isCompleteFollowsJupytersVocabulary() {
        assertEquals("complete", evaluator.isComplete("1 + 1"));
        assertEquals("complete", evaluator.isComplete("int x = 1;\nx"));
        assertEquals("complete", evaluator.isComplete(""));
        assertEquals("invalid", evaluator.isComplete("}"));
        assertEquals("invalid", evaluator.isComplete("int x = );"));
        assertEquals("invalid", evaluator.isComplete("%nosuchmagic"));
        assertEquals("        ", evaluator.isComplete("void f() {\n  if (true) {"));
    }

    @Test
    void completionReplacesTheWordAtTheCursor() {
        String code = "int k8 = 1;\nSyste";
        CellEvaluator.Completions c = evaluator.complete(code, code.length());
        assertEquals(List.of("System"), c.matches());
        assertEquals(code.length() - "Syste".length(), c.start());
        assertEquals(code.length(), c.end());
    }

    @Test
    void completionAfterMagicsCountsFromTheCellStart() {
        String code = "%jars /x.jar\nMath.ab";
        CellEvaluator.Completions c = evaluator.complete(code, code.length());
        assertTrue(c.matches().contains("abs("), c.matches().toString());
        assertEquals(code.length() - 2, c.start());
    }

    @Test
    void aMalformedMagicGivesNoCompletionsRatherThanAnError() {
        assertEquals(List.of(), evaluator.complete("%nosuch\nSyste", 13).matches());
        assertTrue(evaluator.inspect("%nosuch\nMath.abs", 16).isEmpty());
    }

    @Test
    void inspectionGivesSignaturesOrAVariablesValue() {
        String doc = evaluator.inspect("Math.abs", 8).orElseThrow();
        assertTrue(doc.contains("abs(int"), doc);
        evaluator.eval("String greeting9 = \"hello\";");
        String var = evaluator.inspect("greeting9", 3).orElseThrow();
        assertTrue(var.contains("greeting9") && var.contains("String"), var);
        assertTrue(evaluator.inspect("   ", 1).isEmpty());
    }

    @Test
    void anInterruptWhileIdleIsHarmless() {
        evaluator.interrupt();
        assertEquals(3, evaluator.eval("1 + 2").value().orElseThrow());
    }

    @Test
    void optionsAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CellEvaluator.Options("", Duration.ofSeconds(61), Path.of(".")));
        assertTrue(e.getMessage().contains("stopGrace"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CellEvaluator.Options(null, Duration.ZERO, Path.of(".")));
    }

    @Test
    void anExitInACellIsRefusedWithAClearErrorAndTheNextCellRuns() {
        evaluator.eval("void quit9() { System.exit(9); }");
        List<String> exits = List.of("System.exit(3);", "Runtime.getRuntime().exit(4);", "Runtime.getRuntime().halt(5);",
                "java.util.function.IntConsumer ex6 = System::exit;\nex6.accept(6);",
                "try { System.exit(7); } catch (Exception e) { }\nint after7 = 1;", "quit9();");
        for (String cell : exits) {
            CellError e = assertThrows(CellError.class, () -> evaluator.eval(cell), cell);
            assertEquals("ExitRefusedError", e.ename(), cell);
            assertTrue(e.evalue().contains("refused: a cell cannot end the kernel"), e.evalue());
        }
        // the refusal is not swallowed by catch (Exception): the cell stopped before declaring after7
        assertEquals("CompilationError", assertThrows(CellError.class, () -> evaluator.eval("after7")).ename());
        assertEquals(2, evaluator.eval("1 + 1").value().orElseThrow());
    }

    @Test
    void classesWithoutExitCallsLoadUnchanged() throws Exception {
        byte[] own;
        try (var in = CellEvaluatorTest.class.getResourceAsStream("CellEvaluatorTest.class")) {
            own = in.readAllBytes();
        }
        assertTrue(ExitGuard.rewrite(own) == own);
        assertEquals("exit", ExitGuard.target("java/lang/System", "exit", "(I)V"));
        assertEquals("halt", ExitGuard.target("java/lang/Runtime", "halt", "(I)V"));
        assertEquals(null, ExitGuard.target("java/lang/System", "exit", "(J)V"));
        assertEquals(null, ExitGuard.target("my/App", "exit", "(I)V"));
    }
}
