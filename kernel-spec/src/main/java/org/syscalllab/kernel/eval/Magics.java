package org.syscalllab.kernel.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The line magics: lines at the top of a cell that start with {@code %}, before any Java code.
 * <ul>
 *   <li>{@code %classpath <dir-or-jar>...} adds directories of classes or jars;</li>
 *   <li>{@code %jars <jar-or-dir-or-glob>...} adds jars: a jar, every jar of a directory, or a glob in the last path
 *       element such as {@code lib/*.jar} (sorted by name).</li>
 * </ul>
 * Relative paths are resolved against the kernel's working directory (the notebook's folder under nbconvert).
 * Arguments are separated by blanks; quote a path that contains blanks.
 */
public final class Magics {
    /** The magic names this kernel knows. */
    public static final Set<String> NAMES = Set.of("classpath", "jars");

    private Magics() { }

    /** One magic line. */
    public record Line(String name, List<String> args) {
        public Line {
            args = List.copyOf(args);
        }
    }

    /**
     * A cell split into its magic lines and the Java code after them.
     *
     * @param magics     the magic lines, in order
     * @param code       the rest of the cell
     * @param codeOffset where {@code code} starts in the cell
     */
    public record Cell(List<Line> magics, String code, int codeOffset) {
        public Cell {
            magics = List.copyOf(magics);
        }
    }

    /**
     * Splits a cell.
     *
     * @throws CellError for an unknown magic, or a known magic below the first line of code
     */
    public static Cell parse(String cell) {
        List<Line> magics = new ArrayList<>();
        int pos = 0;
        while (pos < cell.length()) {
            int eol = cell.indexOf('\n', pos);
            int next = eol < 0 ? cell.length() : eol + 1;
            String line = cell.substring(pos, eol < 0 ? cell.length() : eol).strip();
            if (line.isEmpty() || line.startsWith("//")) {
                pos = next;
                continue;
            }
            if (!line.startsWith("%")) break;
            magics.add(parseLine(line));
            pos = next;
        }
        String code = cell.substring(pos);
        for (String line : code.split("\n", -1)) {
            String s = line.strip();
            if (s.startsWith("%")) {
                String name = s.substring(1).split("\\s+", 2)[0];
                if (NAMES.contains(name)) {
                    throw magicError("%" + name + " must come before any Java code in a cell (move it to the top, or to a cell of its own)");
                }
            }
        }
        return new Cell(magics, code, pos);
    }

    static Line parseLine(String line) {
        List<String> words = tokenize(line.substring(1));
        if (words.isEmpty()) throw magicError("a lone '%' is not a magic; known magics: " + known());
        String name = words.get(0);
        if (!NAMES.contains(name)) throw magicError("unknown magic %" + name + "; known magics: " + known());
        if (words.size() < 2) throw magicError("%" + name + " needs at least one path");
        return new Line(name, words.subList(1, words.size()));
    }

    /** The known magics as a reader types them: "%classpath, %jars". */
    static String known() {
        return String.join(", ", NAMES.stream().sorted().map(n -> "%" + n).toList());
    }

    /** Blank-separated words; "double" or 'single' quotes keep blanks inside a word. */
    static List<String> tokenize(String s) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else cur.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (quote != 0) throw magicError("unclosed quote " + quote + " in: %" + s);
        if (inWord) words.add(cur.toString());
        return words;
    }

    /**
     * The class-path entries one magic line adds, as absolute paths, checked to exist.
     *
     * @param workDir the directory relative paths are resolved against
     * @throws CellError naming the missing path
     */
    public static List<Path> entries(Line line, Path workDir) {
        List<Path> out = new ArrayList<>();
        for (String arg : line.args()) {
            switch (line.name()) {
                case "classpath" -> out.add(existing(arg, workDir));
                case "jars" -> out.addAll(jars(arg, workDir));
                default -> throw magicError("unknown magic %" + line.name());
            }
        }
        return out;
    }

    private static Path existing(String arg, Path workDir) {
        Path p = workDir.resolve(arg).toAbsolutePath().normalize();
        if (!Files.exists(p)) throw magicError("no such file or directory: " + arg + (arg.equals(p.toString()) ? "" : " (" + p + ")"));
        return p;
    }

    private static List<Path> jars(String arg, Path workDir) {
        String last = Path.of(arg).getFileName() == null ? arg : Path.of(arg).getFileName().toString();
        if (last.contains("*") || last.contains("?") || last.contains("[")) {
            Path parent = Path.of(arg).getParent();
            Path dir = existing(parent == null ? "." : parent.toString(), workDir);
            List<Path> matched = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, last)) {
                ds.forEach(p -> matched.add(p.toAbsolutePath().normalize()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (matched.isEmpty()) throw magicError("no file matches " + arg + " (in " + dir + ")");
            matched.sort(null);
            return matched;
        }
        Path p = existing(arg, workDir);
        if (Files.isDirectory(p)) {
            try (Stream<Path> s = Files.list(p)) {
                List<Path> found = s.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
                if (found.isEmpty()) throw magicError("no .jar file in directory " + p);
                return found;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!p.getFileName().toString().endsWith(".jar")) throw magicError("%jars takes jar files; not a .jar: " + p);
        return List.of(p);
    }

    static CellError magicError(String message) {
        return new CellError("MagicError", message, List.of("MagicError: " + message));
    }
}
