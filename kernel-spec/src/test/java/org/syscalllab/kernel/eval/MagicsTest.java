package org.syscalllab.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MagicsTest {

    @Test
    void magicLinesAtTheTopAreSeparatedFromTheCode() {
        Magics.Cell c = Magics.parse("%classpath a b\n// a comment\n%jars x.jar\nint x = 1;\nx");
        assertEquals(List.of(new Magics.Line("classpath", List.of("a", "b")), new Magics.Line("jars", List.of("x.jar"))), c.magics());
        assertEquals("int x = 1;\nx", c.code());
        assertEquals("%classpath a b\n// a comment\n%jars x.jar\n".length(), c.codeOffset());
    }

    @Test
    void aCellWithoutMagicsIsAllCode() {
        Magics.Cell c = Magics.parse("int a = 10 % 3;\na");
        assertTrue(c.magics().isEmpty());
        assertEquals("int a = 10 % 3;\na", c.code());
        assertEquals(0, c.codeOffset());
    }

    @Test
    void quotedArgumentsKeepBlanks() {
        assertEquals(List.of("my dir/a.jar", "b.jar", "it's"), Magics.tokenize("\"my dir/a.jar\"  b.jar \"it's\""));
        assertEquals(List.of("x y"), Magics.tokenize("'x y'"));
        CellError e = assertThrows(CellError.class, () -> Magics.tokenize("\"open"));
        assertTrue(e.getMessage().contains("unclosed quote"), e.getMessage());
    }

    @Test
    void unknownOrEmptyMagicsAreErrorsNamingTheKnownOnes() {
        CellError unknown = assertThrows(CellError.class, () -> Magics.parse("%dependency foo"));
        assertEquals("MagicError", unknown.ename());
        assertTrue(unknown.getMessage().contains("%classpath, %jars"), unknown.getMessage());
        assertThrows(CellError.class, () -> Magics.parse("%jars"));
        assertThrows(CellError.class, () -> Magics.parse("%"));
    }

    @Test
    void aKnownMagicBelowCodeIsRejected() {
        CellError e = assertThrows(CellError.class, () -> Magics.parse("int x = 1;\n%jars a.jar"));
        assertTrue(e.getMessage().contains("before any Java code"), e.getMessage());
    }

    @Test
    void missingPathsAreErrorsNamingThePath(@TempDir Path dir) {
        CellError e = assertThrows(CellError.class,
                () -> Magics.entries(new Magics.Line("classpath", List.of("nope")), dir));
        assertTrue(e.getMessage().contains("nope") && e.getMessage().contains(dir.toString()), e.getMessage());
        assertThrows(CellError.class, () -> Magics.entries(new Magics.Line("jars", List.of("lib/*.jar")), dir));
    }

    @Test
    void jarsTakesFilesDirectoriesAndGlobsInNameOrder(@TempDir Path dir) throws IOException {
        Path lib = Files.createDirectory(dir.resolve("lib"));
        Path b = Files.createFile(lib.resolve("b.jar"));
        Path a = Files.createFile(lib.resolve("a.jar"));
        Files.createFile(lib.resolve("notes.txt"));
        assertEquals(List.of(a, b), Magics.entries(new Magics.Line("jars", List.of("lib")), dir));
        assertEquals(List.of(a, b), Magics.entries(new Magics.Line("jars", List.of("lib/*.jar")), dir));
        assertEquals(List.of(b), Magics.entries(new Magics.Line("jars", List.of(b.toString())), dir));
        CellError notJar = assertThrows(CellError.class, () -> Magics.entries(new Magics.Line("jars", List.of("lib/notes.txt")), dir));
        assertTrue(notJar.getMessage().contains("not a .jar"), notJar.getMessage());
    }

    @Test
    void classpathTakesDirectoriesAndJars(@TempDir Path dir) throws IOException {
        Path classes = Files.createDirectory(dir.resolve("classes"));
        Path jar = Files.createFile(dir.resolve("x.jar"));
        assertEquals(List.of(classes, jar), Magics.entries(new Magics.Line("classpath", List.of("classes", "x.jar")), dir));
    }
}
