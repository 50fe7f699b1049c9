package org.syscalllab.report;

import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.syscalllab.experiment.Result;

/** Saving charts (PNG, SVG) and results (tidy CSV), and encoding charts for notebooks. */
public final class Export {
    /** Default picture size in pixels. */
    public static final int WIDTH = 720;
    public static final int HEIGHT = 440;

    private Export() { }

    /** The chart as PNG bytes. */
    public static byte[] png(JFreeChart chart, int width, int height) {
        checkSize(width, height);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The chart as base64 PNG (for an {@code image/png} MIME bundle entry). */
    public static String pngBase64(JFreeChart chart, int width, int height) {
        return Base64.getEncoder().encodeToString(png(chart, width, height));
    }

    /** The chart as SVG text. */
    public static String svg(JFreeChart chart, int width, int height) {
        checkSize(width, height);
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle(0, 0, width, height));
        return g.getSVGDocument();
    }

    public static Path savePng(JFreeChart chart, Path file) { return savePng(chart, file, WIDTH, HEIGHT); }

    public static Path savePng(JFreeChart chart, Path file, int width, int height) {
        return write(file, png(chart, width, height));
    }

    public static Path saveSvg(JFreeChart chart, Path file) { return saveSvg(chart, file, WIDTH, HEIGHT); }

    public static Path saveSvg(JFreeChart chart, Path file, int width, int height) {
        return write(file, svg(chart, width, height).getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the result's tidy CSV (exactly {@link Result#toCsv()}). */
    public static Path saveCsv(Result r, Path file) {
        return write(file, r.toCsv().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Saves a chart by its file name's extension, for one-line use from a cell: {@code save(chart, "fig2.svg")}
     * writes SVG (zoomable), {@code .png} writes PNG, both at the default size. Returns the absolute path written.
     */
    public static Path save(JFreeChart chart, String file) {
        Path p = Path.of(file);
        return switch (extension(p)) {
            case "png" -> savePng(chart, p).toAbsolutePath();
            case "svg" -> saveSvg(chart, p).toAbsolutePath();
            default -> throw new IllegalArgumentException("file = " + file + " has no chart extension; allowed: .png, .svg");
        };
    }

    /** Saves a result's data as tidy CSV: {@code save(result, "fig2.csv")}. Returns the absolute path written. */
    public static Path save(Result r, String file) {
        Path p = Path.of(file);
        if (!extension(p).equals("csv")) {
            throw new IllegalArgumentException("file = " + file + " has no data extension; allowed: .csv");
        }
        return saveCsv(r, p).toAbsolutePath();
    }

    private static String extension(Path p) {
        String name = p.getFileName() == null ? "" : p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void checkSize(int width, int height) {
        if (width < 16 || width > 8192) throw new IllegalArgumentException("width = " + width + " is not allowed; allowed: [16, 8192]");
        if (height < 16 || height > 8192) throw new IllegalArgumentException("height = " + height + " is not allowed; allowed: [16, 8192]");
    }
}
