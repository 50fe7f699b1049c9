package org.syscalllab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;
import org.syscalllab.kernel.eval.Chunk;
import org.syscalllab.kernel.eval.Splitter;

/** The imports every cell starts with must all resolve, and must not make a common simple name ambiguous. */
class StartupImportsTest {

    @Test
    void everyStartupSnippetCompiles() throws IOException {
        String startup = Main.startup();
        try (JShell shell = JShell.create()) {
            List<String> failed = new ArrayList<>();
            for (Chunk c : Splitter.split(shell.sourceCodeAnalysis(), startup)) {
                for (SnippetEvent e : shell.eval(c.source())) {
                    if (e.status() == Snippet.Status.REJECTED) failed.add(c.source().strip());
                }
            }
            assertEquals(List.of(), failed);
        }
    }

    /**
     * Two on-demand imports that both hold a public top-level class of the same name make that name unusable in a cell
     * (java.lang is imported on demand too). This lists every such name; add a single-type import to settle one.
     */
    @Test
    void noSimpleNameIsAmbiguous() throws IOException {
        List<String> packages = new ArrayList<>(List.of("java.lang"));
        List<String> singles = new ArrayList<>();
        for (String line : Main.startup().split("\n")) {
            String l = line.strip();
            if (l.startsWith("import static")) continue;
            if (l.startsWith("import ") && l.endsWith(".*;")) packages.add(l.substring(7, l.length() - 3));
            else if (l.startsWith("import ")) singles.add(l.substring(l.lastIndexOf('.') + 1, l.length() - 1));
        }
        Map<String, TreeSet<String>> owners = new TreeMap<>();
        for (String pkg : packages) {
            for (String name : publicTopLevelClasses(pkg)) owners.computeIfAbsent(name, k -> new TreeSet<>()).add(pkg);
        }
        Map<String, TreeSet<String>> ambiguous = new TreeMap<>();
        owners.forEach((name, pkgs) -> {
            if (pkgs.size() > 1 && !singles.contains(name)) ambiguous.put(name, pkgs);
        });
        assertEquals(Map.of(), ambiguous);
    }

    @Test
    void theClassListingSeesAKnownClash() throws IOException {
        assertTrue(publicTopLevelClasses("java.util").contains("List"));
        assertTrue(publicTopLevelClasses("java.awt").contains("List"));
        assertTrue(publicTopLevelClasses("tech.tablesaw.api").contains("Table"));
    }

    /** Public top-level classes of a package, from the JDK image or the test class path. */
    static List<String> publicTopLevelClasses(String pkg) throws IOException {
        String dir = pkg.replace('.', '/');
        List<String> names = new ArrayList<>();
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        try (Stream<Path> modules = Files.list(jrt.getPath("/modules"))) {
            for (Path m : modules.toList()) collect(m.resolve(dir), pkg, names);
        }
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p)) {
                collect(p.resolve(dir), pkg, names);
            } else if (entry.endsWith(".jar") && Files.exists(p)) {
                try (FileSystem zip = FileSystems.newFileSystem(p)) {
                    collect(zip.getPath(dir), pkg, names);
                }
            }
        }
        assertTrue(!names.isEmpty(), "no classes found for imported package " + pkg);
        return names;
    }

    private static void collect(Path dir, String pkg, List<String> names) throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (!n.endsWith(".class") || n.contains("$") || n.equals("package-info.class") || n.equals("module-info.class")) continue;
                String simple = n.substring(0, n.length() - 6);
                try {
                    Class<?> c = Class.forName(pkg + "." + simple, false, StartupImportsTest.class.getClassLoader());
                    if (Modifier.isPublic(c.getModifiers())) names.add(simple);
                } catch (ClassNotFoundException | LinkageError e) {
                    // not loadable here (a missing optional dependency): a cell could not use it either
                }
            }
        }
    }
}
