package org.syscalllab.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The scorecard as small multiples: one panel per paper, each claim a point at (claim number, simulated ÷ paper) on a
 * log axis, green when it passes, red when it fails, with the line "simulation = paper" at 1 and a light band at
 * ±25 %. For a {@code range} claim the paper value is the middle of the range; for {@code lt}/{@code gt} it is the
 * threshold. Claims whose ratio is undefined (a paper value of 0, a sign change, a run that failed) are counted in
 * the panel's title but not drawn.
 */
public final class ScorecardChart {
    private static final Color PASS = new Color(0x009E73);
    private static final Color FAIL = new Color(0xD55E00);

    private ScorecardChart() { }

    /** One chart per paper (in the order papers first appear in the claims), keyed by paper. */
    public static Map<String, JFreeChart> perPaper(Scorecard card) {
        Map<String, List<Scorecard.Outcome>> byPaper = new LinkedHashMap<>();
        for (Scorecard.Outcome o : card.outcomes()) {
            String exp = o.claim().experiment();
            byPaper.computeIfAbsent(exp.substring(0, exp.indexOf('.')), k -> new ArrayList<>()).add(o);
        }
        Map<String, JFreeChart> out = new LinkedHashMap<>();
        byPaper.forEach((paper, outcomes) -> out.put(paper, panel(paper, outcomes)));
        return out;
    }

    /** simulated ÷ paper, or NaN when undefined. */
    public static double ratio(Scorecard.Outcome o) {
        Claim c = o.claim();
        double paper = c.kind() == Claim.Kind.RANGE ? (c.paperValue() + c.paperHigh()) / 2 : c.paperValue();
        double r = o.simulated() / paper;
        return Double.isFinite(r) && r > 0 ? r : Double.NaN;
    }

    static JFreeChart panel(String paper, List<Scorecard.Outcome> outcomes) {
        XYSeries pass = new XYSeries("pass"), fail = new XYSeries("fail");
        int undrawn = 0, passed = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            Scorecard.Outcome o = outcomes.get(i);
            if (o.passed()) passed++;
            double r = ratio(o);
            if (Double.isNaN(r)) {
                undrawn++;
                continue;
            }
            (o.passed() ? pass : fail).add(i + 1, Math.max(1e-3, Math.min(1e3, r)));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(pass);
        data.addSeries(fail);
        LogAxis y = new LogAxis("simulated ÷ paper");
        y.setRange(0.1, 10);
        if (!fail.isEmpty() || !pass.isEmpty()) {
            double lo = Math.min(minY(pass), minY(fail)), hi = Math.max(maxY(pass), maxY(fail));
            y.setRange(Math.min(0.1, lo / 1.5), Math.max(10, hi * 1.5));
        }
        y.setTickUnit(new NumberTickUnit(1.0));          // one tick per decade, printed as 0.1, 1, 10 ...
        y.setNumberFormatOverride(new DecimalFormat("0.###"));
        y.setMinorTickCount(9);
        y.setMinorTickMarksVisible(true);
        NumberAxis x = new NumberAxis("claim");
        x.setRange(0, outcomes.size() + 1);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYLineAndShapeRenderer ren = new XYLineAndShapeRenderer(false, true);
        ren.setSeriesPaint(0, PASS);
        ren.setSeriesPaint(1, FAIL);
        XYPlot plot = new XYPlot(data, x, y, ren);
        plot.addRangeMarker(new IntervalMarker(0.75, 1.25, new Color(0, 0, 0, 18)), Layer.BACKGROUND);
        plot.addRangeMarker(new ValueMarker(1.0, Color.GRAY, new java.awt.BasicStroke(1f)));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setDomainGridlinesVisible(false);
        String title = paper + ": " + passed + " of " + outcomes.size() + " claims pass"
                + (undrawn > 0 ? " (" + undrawn + " not drawn)" : "");
        JFreeChart c = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, true);
        c.setBackgroundPaint(Color.WHITE);
        return c;
    }

    /** All panels in one image, {@code columns} wide. */
    public static BufferedImage grid(Scorecard card, int columns, int panelWidth, int panelHeight) {
        if (columns < 1) throw new IllegalArgumentException("columns = " + columns + " is not allowed; allowed: >= 1");
        Map<String, JFreeChart> panels = perPaper(card);
        int n = Math.max(1, panels.size()), rows = (n + columns - 1) / columns;
        BufferedImage img = new BufferedImage(columns * panelWidth, rows * panelHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        int i = 0;
        for (JFreeChart c : panels.values()) {
            int cx = (i % columns) * panelWidth, cy = (i / columns) * panelHeight;
            c.draw(g, new java.awt.geom.Rectangle2D.Double(cx, cy, panelWidth, panelHeight));
            i++;
        }
        g.dispose();
        return img;
    }

    /** The papers with at least one claim. */
    public static Set<String> papers(Scorecard card) { return perPaper(card).keySet(); }

    private static double minY(XYSeries s) { return s.isEmpty() ? Double.POSITIVE_INFINITY : s.getMinY(); }

    private static double maxY(XYSeries s) { return s.isEmpty() ? Double.NEGATIVE_INFINITY : s.getMaxY(); }
}
