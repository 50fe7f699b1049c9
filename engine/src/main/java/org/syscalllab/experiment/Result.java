package org.syscalllab.experiment;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.syscalllab.report.Charts;
import org.syscalllab.report.Displayable;
import org.syscalllab.report.Export;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.Destination;
import tech.tablesaw.io.html.HtmlWriteOptions;

/**
 * The outcome of one run: the tidy table, the fully resolved configuration that produced it, and how the host ran it.
 *
 * @param experiment the experiment id
 * @param title      the experiment's title
 * @param table      tidy rows: experiment, series, x, metric, value
 * @param config     every parameter's value, defaults included
 * @param host       wall time, events and simulated cycles on the host
 * @param cached     whether this result was read from the result cache
 * @param computedAt when the rows were computed
 * @param reuse      for a computed run, how many of its sweep points came from the cache
 */
public record Result(String experiment, String title, Table table, Params config, HostStats host, boolean cached,
                     Instant computedAt, PointReuse reuse) implements Displayable {

    public Result {
        if (reuse == null) throw new IllegalArgumentException("reuse must not be null (use PointReuse.NONE)");
    }

    /** A result none of whose points came from the point cache. */
    public Result(String experiment, String title, Table table, Params config, HostStats host, boolean cached,
                  Instant computedAt) {
        this(experiment, title, table, config, host, cached, computedAt, PointReuse.NONE);
    }

    /** The tidy CSV of the contract: header {@code experiment,series,x,metric,value}, canonical numbers, '\n' ends. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("experiment,series,x,metric,value\n");
        for (Row r : table) {
            sb.append(csv(r.getString("experiment"))).append(',')
              .append(csv(r.getString("series"))).append(',')
              .append(csv(r.getString("x"))).append(',')
              .append(csv(r.getString("metric"))).append(',')
              .append(TidyRows.formatNumber(r.getDouble("value"))).append('\n');
        }
        return sb.toString();
    }

    /** The value of one (series, x, metric) cell; throws if absent. */
    public double value(String series, String x, String metric) {
        for (Row r : table) {
            if (r.getString("series").equals(series) && r.getString("x").equals(x) && r.getString("metric").equals(metric)) {
                return r.getDouble("value");
            }
        }
        throw new IllegalArgumentException(experiment + " has no value for series=" + series + ", x=" + x + ", metric=" + metric);
    }

    /** Rows of one metric (and optionally one series), as a table. */
    public Table metric(String metric) {
        return table.where(table.stringColumn("metric").isEqualTo(metric));
    }

    /** The table as an HTML fragment. */
    public String tableHtml() {
        StringWriter w = new StringWriter();
        table.write().usingOptions(HtmlWriteOptions.builder(new Destination(w)).build());
        return w.toString();
    }

    /** The metrics of this result, in order of first appearance. */
    public List<String> metrics() { return Charts.metrics(this); }

    /** The default chart of a metric: lines for numeric x, bars otherwise. */
    public JFreeChart chart(String metric) { return Charts.auto(this, metric); }

    /** The default chart of the first metric. */
    public JFreeChart chart() { return chart(firstMetric()); }

    /** A metric beside the paper's published values for it (from {@code datasets/}), if there are any. */
    public JFreeChart overlay(String metric) { return Charts.overlay(this, metric); }

    /** How long ago the rows were computed (for a cached result, the age of the cache entry). */
    public Duration age() {
        Duration d = Duration.between(computedAt, Instant.now());
        return d.isNegative() ? Duration.ZERO : d;
    }

    /**
     * Where the numbers come from, for people: "computed: 0.4 s wall ...", "computed: ...; 3 of 4 points from cache
     * (oldest computed 2 min ago)" or "from cache, computed 3 min ago (...)".
     */
    public String provenance() {
        if (cached) return "from cache, computed " + ago(age()) + " (" + host.summary() + ")";
        String points = reuse.summary(Instant.now());
        return "computed: " + host.summary() + (points.isEmpty() ? "" : "; " + points);
    }

    static String ago(Duration d) {
        long s = d.getSeconds();
        if (s < 60) return s + " s ago";
        if (s < 3600) return (s / 60) + " min ago";
        if (s < 86400) return (s / 3600) + " h ago";
        return (s / 86400) + " days ago";
    }

    private String firstMetric() {
        if (table.rowCount() == 0) throw new IllegalStateException(experiment + " produced no rows");
        return table.stringColumn("metric").get(0);
    }

    /** How many metrics {@link #mimeBundle()} draws (one chart each). */
    private static final int MAX_CHARTS = 4;

    /**
     * The notebook rendering: charts of the first metrics (with the paper's points where published) as PNG, embedded in
     * HTML as data URIs beside the table, plus {@code image/png} of the first chart and a text summary.
     */
    @Override
    public Map<String, String> mimeBundle() {
        Map<String, String> m = new LinkedHashMap<>();
        StringBuilder html = new StringBuilder();
        html.append("<p><b>").append(escape(experiment)).append("</b> — ").append(escape(title)).append(" <small>(")
            .append(table.rowCount()).append(" rows; ").append(escape(provenance())).append(")</small></p>");
        String firstPng = null;
        if (table.rowCount() > 0) {
            html.append("<div style=\"display:flex;flex-wrap:wrap;gap:8px\">");
            List<String> ms = metrics();
            for (int i = 0; i < Math.min(MAX_CHARTS, ms.size()); i++) {
                try {
                    String png = Export.pngBase64(overlay(ms.get(i)), 560, 340);
                    if (firstPng == null) firstPng = png;
                    html.append("<img alt=\"").append(escape(ms.get(i))).append("\" src=\"data:image/png;base64,")
                        .append(png).append("\"/>");
                } catch (RuntimeException e) {
                    html.append("<p><i>no chart for ").append(escape(ms.get(i))).append(": ")
                        .append(escape(String.valueOf(e.getMessage()))).append("</i></p>");
                }
            }
            if (ms.size() > MAX_CHARTS) {
                html.append("<p><small>").append(ms.size() - MAX_CHARTS)
                    .append(" more metrics: use result.chart(metric)</small></p>");
            }
            html.append("</div>");
        }
        html.append(tableHtml());
        m.put("text/html", html.toString());
        if (firstPng != null) m.put("image/png", firstPng);
        m.put("text/plain", experiment + ": " + table.rowCount() + " rows; " + provenance() + "\n" + table.print(20));
        return m;
    }

    @Override
    public String toString() {
        return "Result[" + experiment + ", " + table.rowCount() + " rows, " + config.canonical() + "]";
    }

    static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
