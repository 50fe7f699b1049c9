package org.syscalllab.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds and reads the published values under {@code datasets/}. Only the report layer (charts, scorecard) reads them;
 * experiments never do. The directory is {@code $SYSCALL_LAB_DATASETS} if set, otherwise the first {@code datasets/}
 * directory found walking up from the working directory (notebooks run in {@code notebooks/}, the CLI in the root).
 */
public final class Datasets {
    /** Environment variable that overrides where {@code datasets/} is. */
    public static final String ENV = "SYSCALL_LAB_DATASETS";

    private Datasets() { }

    /** One published value: a row of {@code datasets/<paper>/<experiment-id>.csv}. */
    public record Point(String experiment, String series, String x, String metric, double value, String source) { }

    /** The datasets directory, if one can be found. */
    public static Optional<Path> locate() {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        return locateFrom(Path.of(System.getProperty("user.dir")));
    }

    /** The first {@code datasets/} directory at or above {@code start}. */
    public static Optional<Path> locateFrom(Path start) {
        for (Path d = start.toAbsolutePath(); d != null; d = d.getParent()) {
            Path p = d.resolve("datasets");
            if (Files.isDirectory(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** The datasets directory; throws with a hint when none is found. */
    public static Path require() {
        return locate().orElseThrow(() -> new IllegalStateException(
                "no datasets/ directory found above " + System.getProperty("user.dir") + "; set " + ENV));
    }

    /** The file holding an experiment's published values: {@code <dir>/<paper>/<id>.csv}. */
    public static Path fileOf(Path dir, String experimentId) {
        int dot = experimentId.indexOf('.');
        String paper = dot < 0 ? experimentId : experimentId.substring(0, dot);
        return dir.resolve(paper).resolve(experimentId + ".csv");
    }

    /** The published values of an experiment, or an empty list when there is no dataset file (or no datasets/). */
    public static List<Point> published(String experimentId) {
        Optional<Path> dir = locate();
        if (dir.isEmpty()) return List.of();
        Path f = fileOf(dir.get(), experimentId);
        return Files.isRegularFile(f) ? read(f) : List.of();
    }

    /** Reads a dataset file ({@code experiment,series,x,metric,value,source}); a malformed row names file and line. */
    public static List<Point> read(Path file) {
        String text = Csv.readText(file);
        List<List<String>> recs = Csv.parse(text);
        List<Point> out = new ArrayList<>();
        if (recs.isEmpty()) return out;
        List<String> header = recs.get(0);
        int ie = header.indexOf("experiment"), is = header.indexOf("series"), ix = header.indexOf("x"),
            im = header.indexOf("metric"), iv = header.indexOf("value"), isrc = header.indexOf("source");
        if (ie < 0 || is < 0 || ix < 0 || im < 0 || iv < 0) {
            throw new IllegalArgumentException(file + ": header must contain experiment,series,x,metric,value[,source]; got " + header);
        }
        for (int r = 1; r < recs.size(); r++) {
            List<String> f = recs.get(r);
            if (f.size() < header.size()) {
                throw new IllegalArgumentException(file + " row " + (r + 1) + ": expected " + header.size() + " fields, got " + f.size());
            }
            double v;
            try {
                v = Double.parseDouble(f.get(iv).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + " row " + (r + 1) + ": value '" + f.get(iv) + "' is not a number");
            }
            out.add(new Point(f.get(ie).trim(), f.get(is).trim(), f.get(ix).trim(), f.get(im).trim(), v,
                    isrc < 0 ? "" : f.get(isrc).trim()));
        }
        return out;
    }
}
