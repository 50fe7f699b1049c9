package org.syscalllab.experiment;

import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.syscalllab.report.Displayable;
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
 */
public record Result(String experiment, String title, Table table, Params config, HostStats host, boolean cached,
                     Instant computedAt) implements Displayable {

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

    @Override
    public Map<String, String> mimeBundle() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("text/html", "<p><b>" + escape(experiment) + "</b> — " + escape(title) + " <small>(" + table.rowCount()
                + " rows" + (cached ? ", from cache" : "") + ")</small></p>" + tableHtml());
        m.put("text/plain", experiment + ": " + table.rowCount() + " rows\n" + table.print(20));
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
