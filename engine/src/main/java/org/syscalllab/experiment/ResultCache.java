package org.syscalllab.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.syscalllab.report.Csv;
import tech.tablesaw.api.Row;

/**
 * An on-disk cache of results, keyed by a SHA-256 of (experiment id, canonical parameters, engine version). The engine
 * version is the release version plus a fingerprint of the engine's code (the jar's or class directory's bytes), so
 * any rebuilt model invalidates every entry. Values are stored at full double precision, so a cached result equals the
 * fresh one. The directory is {@code $SYSCALL_LAB_CACHE}, else {@code $XDG_CACHE_HOME/syscall-lab}, else
 * {@code ~/.cache/syscall-lab}. Entries are written atomically; an unreadable entry is ignored (recomputed) with a
 * warning. Besides whole runs it keeps single sweep points ({@link #loadPoint}, {@link #storePoint}; see
 * {@link RunContext#sweepOver}), so that a parameter edit recomputes only the points it changed.
 */
public final class ResultCache {
    /** Environment variable naming the cache directory. */
    public static final String ENV = "SYSCALL_LAB_CACHE";

    /** A point entry: its payload (written by a {@link PointCodec}) and when it was computed. */
    public record PointEntry(String payload, Instant computedAt) { }

    private final Path dir;
    private final Consumer<String> warnings;

    /** A cache in {@code dir} that prints warnings (a damaged entry) to standard error. */
    public ResultCache(Path dir) {
        this(dir, w -> System.err.println("[syscall-lab] warning: " + w));
    }

    private ResultCache(Path dir, Consumer<String> warnings) {
        if (dir == null) throw new IllegalArgumentException("cache directory must not be null");
        if (warnings == null) throw new IllegalArgumentException("warnings must not be null");
        this.dir = dir;
        this.warnings = warnings;
    }

    /** The same cache, sending its warnings to {@code sink} instead of standard error. */
    public ResultCache withWarnings(Consumer<String> sink) { return new ResultCache(dir, sink); }

    /** The cache in its standard place (see the class comment). */
    public static ResultCache standard() {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) return new ResultCache(Path.of(env));
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new ResultCache(base.resolve("syscall-lab"));
    }

    public Path dir() { return dir; }

    /** Release version and code fingerprint, e.g. {@code 0.1.0+3fa9c01d2b7e}. */
    public static String engineVersion() { return Version.VALUE; }

    /** The cache key of a spec. */
    public static String key(String experimentId, Params params) {
        return sha256(experimentId + "\n" + params.canonical() + "\n" + engineVersion());
    }

    /** The cached result of a spec, if present and readable. */
    public Optional<Result> load(Experiment e, Params params) {
        String k = key(e.id(), params);
        Path meta = dir.resolve(k + ".properties"), rows = dir.resolve(k + ".csv");
        if (!Files.isRegularFile(meta) || !Files.isRegularFile(rows)) return Optional.empty();
        try {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            if (!e.id().equals(p.getProperty("experiment")) || !params.canonical().equals(p.getProperty("params"))
                    || !engineVersion().equals(p.getProperty("engine"))) {
                return Optional.empty();
            }
            List<List<String>> recs = Csv.parse(Files.readString(rows, StandardCharsets.UTF_8));
            TidyRows t = new TidyRows(e.id());
            for (int i = 1; i < recs.size(); i++) {
                List<String> f = recs.get(i);
                t.add(f.get(1), f.get(2), f.get(3), Double.parseDouble(f.get(4)));
            }
            HostStats h = new HostStats(Long.parseLong(p.getProperty("wall_nanos")), Long.parseLong(p.getProperty("events")),
                    Long.parseLong(p.getProperty("simulated_cycles")));
            return Optional.of(new Result(e.id(), e.title(), t.toTable(), params, h, true,
                    Instant.parse(p.getProperty("computed_at"))));
        } catch (IOException | RuntimeException ex) {
            warnings.accept("ignoring damaged cache entry " + rows.getFileName() + " (" + ex + "); recomputing " + e.id());
            return Optional.empty();
        }
    }

    /** The file of a point entry; {@code keyText} is the full text the key is made from. */
    private Path pointFile(String keyText) { return dir.resolve(sha256(keyText) + ".point"); }

    /**
     * The point entry stored under {@code keyText}, if present and readable. The entry repeats its key text, so a
     * foreign or damaged file is never mistaken for it: such a file is ignored with a warning.
     */
    public Optional<PointEntry> loadPoint(String keyText) {
        Path f = pointFile(keyText);
        if (!Files.isRegularFile(f)) return Optional.empty();
        try {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            String payload = p.getProperty("payload"), at = p.getProperty("computed_at");
            if (!keyText.equals(p.getProperty("key")) || payload == null || at == null) {
                throw new IllegalArgumentException("the entry does not hold its key, payload and time");
            }
            return Optional.of(new PointEntry(payload, Instant.parse(at)));
        } catch (IOException | RuntimeException ex) {
            warnings.accept("ignoring damaged cache entry " + f.getFileName() + " (" + ex + "); recomputing the point");
            return Optional.empty();
        }
    }

    /** Reports a point entry whose payload its codec could not read (it is then recomputed and overwritten). */
    void warnUnreadablePoint(String keyText, RuntimeException ex) {
        warnings.accept("ignoring damaged cache entry " + pointFile(keyText).getFileName() + " (" + ex
                + "); recomputing the point");
    }

    /** Stores a point entry (errors are ignored: the cache is an optimisation). */
    public void storePoint(String keyText, String payload, Instant computedAt) {
        try {
            Files.createDirectories(dir);
            Properties p = new Properties();
            p.setProperty("key", keyText);
            p.setProperty("computed_at", computedAt.toString());
            p.setProperty("payload", payload);
            Path f = pointFile(keyText);
            Path tmp = Files.createTempFile(dir, f.getFileName().toString(), ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, null);
            }
            move(tmp, f);
        } catch (IOException | UncheckedIOException e) {
            // not fatal: the point is returned anyway
        }
    }

    /** Stores a result (errors are ignored: the cache is an optimisation). */
    public void store(Result r) {
        String k = key(r.experiment(), r.config());
        try {
            Files.createDirectories(dir);
            StringBuilder sb = new StringBuilder("experiment,series,x,metric,value\n");
            for (Row row : r.table()) {
                sb.append(Csv.field(row.getString("experiment"))).append(',')
                  .append(Csv.field(row.getString("series"))).append(',')
                  .append(Csv.field(row.getString("x"))).append(',')
                  .append(Csv.field(row.getString("metric"))).append(',')
                  .append(Double.toString(row.getDouble("value"))).append('\n');
            }
            writeAtomically(dir.resolve(k + ".csv"), sb.toString());
            Properties p = new Properties();
            p.setProperty("experiment", r.experiment());
            p.setProperty("params", r.config().canonical());
            p.setProperty("engine", engineVersion());
            p.setProperty("computed_at", r.computedAt().toString());
            p.setProperty("wall_nanos", Long.toString(r.host().wallNanos()));
            p.setProperty("events", Long.toString(r.host().events()));
            p.setProperty("simulated_cycles", Long.toString(r.host().simulatedCycles()));
            Path tmp = Files.createTempFile(dir, k, ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, null);
            }
            move(tmp, dir.resolve(k + ".properties"));
        } catch (IOException | UncheckedIOException e) {
            // not fatal: the result is returned anyway
        }
    }

    /** Deletes every entry; returns how many files were removed. */
    public int clear() {
        if (!Files.isDirectory(dir)) return 0;
        int n = 0;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : (Iterable<Path>) s::iterator) {
                String name = f.getFileName().toString();
                if (name.endsWith(".csv") || name.endsWith(".properties") || name.endsWith(".point") || name.endsWith(".tmp")) {
                    Files.deleteIfExists(f);
                    n++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
        return n;
    }

    private void writeAtomically(Path target, String text) throws IOException {
        Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        move(tmp, target);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Computed once per class loader: an immutable value, not mutable state. */
    private static final class Version {
        static final String VALUE = compute();

        private static String compute() {
            String release = Optional.ofNullable(ResultCache.class.getPackage().getImplementationVersion()).orElse("dev");
            try {
                Path src = Path.of(ResultCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                if (Files.isRegularFile(src)) {
                    try (InputStream in = Files.newInputStream(src)) {
                        byte[] buf = new byte[1 << 16];
                        for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
                    }
                } else {
                    try (Stream<Path> s = Files.walk(src)) {
                        for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile).sorted()::iterator) {
                            md.update(src.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                            md.update(Files.readAllBytes(f));
                        }
                    }
                }
                return release + "+" + HexFormat.of().formatHex(md.digest()).substring(0, 12);
            } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
                // no fingerprint available: a per-JVM random suffix makes the cache safe (never stale), merely cold
                return release + "+nofp" + Long.toHexString(System.nanoTime());
            }
        }
    }
}
