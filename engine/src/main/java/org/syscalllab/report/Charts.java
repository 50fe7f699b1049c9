package org.syscalllab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.syscalllab.experiment.Result;
import tech.tablesaw.api.Row;

/**
 * JFreeChart builders from a {@link Result}'s tidy rows: one chart per metric, one line or bar group per series.
 * {@link #lines} needs numeric x; {@link #auto} picks lines for numeric x and bars otherwise. {@link #overlay} adds
 * the published points of {@code datasets/<paper>/<id>.csv} beside the simulated curve.
 */
public final class Charts {
    /** Colours used in order for series (a colour-blind-safe palette). */
    private static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000)
    };

    private Charts() { }

    /** A line chart of one metric against x, one line per series; x must be numeric. */
    public static JFreeChart lines(Result r, String metric) {
        XYSeriesCollection data = xySeries(r, metric, "");
        JFreeChart c = ChartFactory.createXYLineChart(title(r, metric), xLabel(r), metric, data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = c.getXYPlot();
        XYLineAndShapeRenderer ren = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            ren.setSeriesPaint(i, colour(i));
            ren.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(ren);
        style(c);
        return c;
    }

    /** A grouped bar chart of one metric: categories are the x values, bars within a group are the series. */
    public static JFreeChart bars(Result r, String metric) {
        DefaultCategoryDataset data = categories(r, metric, "");
        JFreeChart c = ChartFactory.createBarChart(title(r, metric), xLabel(r), metric, data,
                PlotOrientation.VERTICAL, true, false, false);
        paintBars(c.getCategoryPlot(), data.getRowCount());
        style(c);
        return c;
    }

    /** A stacked bar chart of one metric: one bar per x value, stacked by series. */
    public static JFreeChart stackedBars(Result r, String metric) {
        DefaultCategoryDataset data = categories(r, metric, "");
        JFreeChart c = ChartFactory.createStackedBarChart(title(r, metric), xLabel(r), metric, data,
                PlotOrientation.VERTICAL, true, false, false);
        paintBars(c.getCategoryPlot(), data.getRowCount());
        style(c);
        return c;
    }

    /**
     * A stacked bar chart of several metrics (a breakdown, e.g. {@code user_s} and {@code system_s}): one bar per
     * (series, x), stacked by metric.
     */
    public static JFreeChart stackedBars(Result r, List<String> metrics) {
        if (metrics.isEmpty()) throw new IllegalArgumentException("metrics must not be empty");
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        boolean oneX = distinct(r, "x").size() == 1;
        boolean oneSeries = distinct(r, "series").size() == 1;
        for (String m : metrics) {
            boolean found = false;
            for (Row row : r.table()) {
                if (!row.getString("metric").equals(m)) continue;
                String s = row.getString("series"), x = row.getString("x");
                String cat = oneX ? s : oneSeries ? x : s + " @ " + x;
                data.addValue(row.getDouble("value"), m, cat);
                found = true;
            }
            if (!found) throw noMetric(r, m);
        }
        JFreeChart c = ChartFactory.createStackedBarChart(r.experiment() + ": " + String.join(" + ", metrics),
                oneSeries ? xLabel(r) : "series", String.join(" + ", metrics), data, PlotOrientation.VERTICAL, true, false, false);
        paintBars(c.getCategoryPlot(), data.getRowCount());
        style(c);
        return c;
    }

    /** Lines when every x of the metric is a number, bars otherwise. */
    public static JFreeChart auto(Result r, String metric) {
        return numericX(r, metric) ? lines(r, metric) : bars(r, metric);
    }

    /**
     * The simulated metric beside the paper's published values for it (from {@link Datasets#published}): lines with
     * filled markers for the simulation, unjoined hollow markers labelled "(paper)" for the published points. With no
     * published values it is the plain chart.
     */
    public static JFreeChart overlay(Result r, String metric) {
        return overlay(r, metric, Datasets.published(r.experiment()));
    }

    /** As {@link #overlay(Result, String)}, with the published points given. */
    public static JFreeChart overlay(Result r, String metric, List<Datasets.Point> published) {
        List<Datasets.Point> pts = new ArrayList<>();
        for (Datasets.Point p : published) if (p.metric().equals(metric)) pts.add(p);
        if (pts.isEmpty()) return auto(r, metric);
        boolean numeric = numericX(r, metric);
        for (Datasets.Point p : pts) numeric &= parses(p.x());
        if (!numeric) {
            DefaultCategoryDataset data = categories(r, metric, "");
            for (Datasets.Point p : pts) data.addValue(p.value(), p.series() + " (paper)", p.x());
            JFreeChart c = ChartFactory.createBarChart(title(r, metric) + " — simulation vs paper", xLabel(r), metric,
                    data, PlotOrientation.VERTICAL, true, false, false);
            paintBars(c.getCategoryPlot(), data.getRowCount());
            style(c);
            return c;
        }
        XYSeriesCollection data = xySeries(r, metric, "");
        int simCount = data.getSeriesCount();
        Map<String, XYSeries> paper = new LinkedHashMap<>();
        for (Datasets.Point p : pts) {
            paper.computeIfAbsent(p.series(), s -> new XYSeries(s + " (paper)", true, true))
                 .add(Double.parseDouble(p.x()), p.value());
        }
        for (XYSeries s : paper.values()) data.addSeries(s);
        JFreeChart c = ChartFactory.createXYLineChart(title(r, metric) + " — simulation vs paper", xLabel(r), metric,
                data, PlotOrientation.VERTICAL, true, false, false);
        XYLineAndShapeRenderer ren = new XYLineAndShapeRenderer(true, true);
        Map<String, Integer> simIndex = new LinkedHashMap<>();
        for (int i = 0; i < simCount; i++) {
            simIndex.put((String) data.getSeriesKey(i), i);
            ren.setSeriesPaint(i, colour(i));
            ren.setSeriesStroke(i, new BasicStroke(2f));
        }
        int k = simCount;
        for (String s : paper.keySet()) {
            Integer match = simIndex.get(s);
            ren.setSeriesPaint(k, colour(match != null ? match : k));
            ren.setSeriesLinesVisible(k, false);
            ren.setSeriesShapesFilled(k, false);
            ren.setSeriesShape(k, new java.awt.geom.Ellipse2D.Double(-5, -5, 10, 10));
            k++;
        }
        ren.setUseOutlinePaint(false);
        c.getXYPlot().setRenderer(ren);
        style(c);
        return c;
    }

    /** Replaces the x axis by a base-10 logarithmic one (for sweeps over orders of magnitude). */
    public static JFreeChart logX(JFreeChart c) {
        XYPlot p = c.getXYPlot();
        LogAxis a = new LogAxis(p.getDomainAxis().getLabel());
        a.setBase(10);
        a.setSmallestValue(1e-9);
        p.setDomainAxis(a);
        return c;
    }

    /** Replaces the y axis by a base-10 logarithmic one. */
    public static JFreeChart logY(JFreeChart c) {
        XYPlot p = c.getXYPlot();
        LogAxis a = new LogAxis(p.getRangeAxis().getLabel());
        a.setBase(10);
        a.setSmallestValue(1e-9);
        p.setRangeAxis(a);
        return c;
    }

    /** Whether every x of the metric's rows is a number. */
    public static boolean numericX(Result r, String metric) {
        boolean any = false;
        for (Row row : r.table()) {
            if (!row.getString("metric").equals(metric)) continue;
            any = true;
            if (!parses(row.getString("x"))) return false;
        }
        if (!any) throw noMetric(r, metric);
        return true;
    }

    /** The metrics of a result in order of first appearance. */
    public static List<String> metrics(Result r) {
        return List.copyOf(distinct(r, "metric"));
    }

    static XYSeriesCollection xySeries(Result r, String metric, String suffix) {
        Map<String, XYSeries> bySeries = new LinkedHashMap<>();
        for (Row row : r.table()) {
            if (!row.getString("metric").equals(metric)) continue;
            String x = row.getString("x");
            if (!parses(x)) {
                throw new IllegalArgumentException(r.experiment() + ": x = '" + x + "' of metric " + metric
                        + " is not a number; use Charts.bars");
            }
            bySeries.computeIfAbsent(row.getString("series") + suffix, s -> new XYSeries(s, true, true))
                    .add(Double.parseDouble(x), row.getDouble("value"));
        }
        if (bySeries.isEmpty()) throw noMetric(r, metric);
        XYSeriesCollection c = new XYSeriesCollection();
        for (XYSeries s : bySeries.values()) c.addSeries(s);
        return c;
    }

    static DefaultCategoryDataset categories(Result r, String metric, String suffix) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (Row row : r.table()) {
            if (!row.getString("metric").equals(metric)) continue;
            d.addValue(row.getDouble("value"), row.getString("series") + suffix, row.getString("x"));
        }
        if (d.getRowCount() == 0) throw noMetric(r, metric);
        return d;
    }

    private static void paintBars(CategoryPlot plot, int rows) {
        for (int i = 0; i < rows; i++) plot.getRenderer().setSeriesPaint(i, colour(i));
        if (plot.getCategories().size() > 6) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
    }

    private static void style(JFreeChart c) {
        c.setBackgroundPaint(Color.WHITE);
        c.getPlot().setBackgroundPaint(Color.WHITE);
        if (c.getPlot() instanceof XYPlot p) {
            p.setDomainGridlinePaint(GRID);
            p.setRangeGridlinePaint(GRID);
        } else if (c.getPlot() instanceof CategoryPlot p) {
            p.setRangeGridlinePaint(GRID);
        }
    }

    private static final Paint GRID = new Color(0xDDDDDD);

    private static Color colour(int i) { return PALETTE[i % PALETTE.length]; }

    private static String title(Result r, String metric) { return r.experiment() + ": " + metric; }

    private static String xLabel(Result r) {
        try {
            return org.syscalllab.experiment.Lab.experiment(r.experiment()).xParameter();
        } catch (RuntimeException e) {
            return "x";
        }
    }

    private static Set<String> distinct(Result r, String col) {
        return new LinkedHashSet<>(r.table().stringColumn(col).asList());
    }

    static boolean parses(String s) {
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static IllegalArgumentException noMetric(Result r, String metric) {
        return new IllegalArgumentException(r.experiment() + " has no metric '" + metric + "'; it has: "
                + String.join(", ", distinct(r, "metric")));
    }
}
