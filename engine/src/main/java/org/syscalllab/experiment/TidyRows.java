package org.syscalllab.experiment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Collects an experiment's output as tidy rows {@code (series, x, metric, value)}. Numbers are kept as doubles and
 * formatted canonically (see {@link #formatNumber}) so that the same run gives byte-identical CSV.
 */
public final class TidyRows {
    private final String experiment;
    private final List<String> series = new ArrayList<>();
    private final List<String> xs = new ArrayList<>();
    private final List<String> metrics = new ArrayList<>();
    private final List<Double> values = new ArrayList<>();

    public TidyRows(String experiment) {
        this.experiment = experiment;
    }

    /** Adds a row whose x is a number (the swept parameter's value). */
    public TidyRows add(String series, double x, String metric, double value) {
        return add(series, formatNumber(x), metric, value);
    }

    /** Adds a row whose x is a label (a call name, a platform, a file system ...). */
    public TidyRows add(String series, String x, String metric, double value) {
        if (series == null || series.isBlank()) throw new IllegalArgumentException("series must not be blank");
        if (metric == null || !metric.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("metric '" + metric + "' must be snake_case");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalStateException(experiment + ": metric " + metric + " of series " + series + " at x=" + x
                    + " is " + value + " (a model bug: results must be finite)");
        }
        this.series.add(series);
        this.xs.add(x);
        this.metrics.add(metric);
        this.values.add(value);
        return this;
    }

    /** Appends all rows of another collector (e.g. one sweep point's rows), in order. */
    public TidyRows addAll(TidyRows other) {
        for (int i = 0; i < other.size(); i++) add(other.series.get(i), other.xs.get(i), other.metrics.get(i), other.values.get(i));
        return this;
    }

    public int size() { return values.size(); }

    public String experiment() { return experiment; }

    /** The series of row {@code i} (0-based, in the order added). */
    public String series(int i) { return series.get(i); }

    /** The x label of row {@code i}. */
    public String x(int i) { return xs.get(i); }

    /** The metric of row {@code i}. */
    public String metric(int i) { return metrics.get(i); }

    /** The value of row {@code i}. */
    public double value(int i) { return values.get(i); }

    /** The rows as a Tablesaw table with columns experiment, series, x, metric, value. */
    public Table toTable() {
        int n = size();
        StringColumn e = StringColumn.create("experiment");
        for (int i = 0; i < n; i++) e.append(experiment);
        return Table.create(experiment,
                e,
                StringColumn.create("series", series),
                StringColumn.create("x", xs),
                StringColumn.create("metric", metrics),
                DoubleColumn.create("value", values));
    }

    /** Canonical number text: integers without a fraction, others with up to 6 significant digits. */
    public static String formatNumber(double v) {
        if (!Double.isFinite(v)) return Double.toString(v);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        BigDecimal b = new BigDecimal(v).round(new MathContext(6));
        String s = b.stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
