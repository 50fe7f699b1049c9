package org.syscalllab.kernel.render;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.Destination;
import tech.tablesaw.io.html.HtmlWriteOptions;

/**
 * A Tablesaw {@link Table} as an HTML table (and aligned plain text), cut after {@code maxRows} rows so that a large
 * result does not flood the notebook; the caption says how many rows there are.
 *
 * @param maxRows rows shown, 1..100000
 */
public record TableRenderer(int maxRows) implements MimeRenderer {
    /** ASSUMPTION: 200 rows is more than any paper table and still a page a reader scrolls through. */
    public static final TableRenderer DEFAULT = new TableRenderer(200);

    public TableRenderer {
        if (maxRows < 1 || maxRows > 100_000) throw new IllegalArgumentException("maxRows = " + maxRows + ", allowed 1..100000");
    }

    @Override
    public boolean handles(Object value) {
        return value instanceof Table;
    }

    @Override
    public Map<String, String> render(Object value) {
        Table table = (Table) value;
        Table shown = table.rowCount() > maxRows ? table.first(maxRows) : table;
        StringWriter html = new StringWriter();
        shown.write().usingOptions(HtmlWriteOptions.builder(new Destination(html)).build());
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", caption(table) + html);
        bundle.put("text/plain", shown.print(maxRows));
        return bundle;
    }

    private String caption(Table table) {
        String name = table.name() == null ? "" : escape(table.name()) + ": ";
        String rows = table.rowCount() > maxRows
                ? "first " + maxRows + " of " + table.rowCount() + " rows"
                : table.rowCount() + (table.rowCount() == 1 ? " row" : " rows");
        return "<p><small>" + name + rows + " &times; " + table.columnCount() + " columns</small></p>";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public int priority() {
        return BUILT_IN;
    }
}
