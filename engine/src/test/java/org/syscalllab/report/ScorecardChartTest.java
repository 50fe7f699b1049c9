package org.syscalllab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.syscalllab.experiment.HostStats;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.Result;
import org.syscalllab.experiment.TidyRows;

class ScorecardChartTest {
    private static Scorecard card() {
        String csv = Claim.HEADER + "\n"
                + "a.one,a.fig1,d,s@1@m,10,0.1,rel,src\n"
                + "a.two,a.fig1,d,s@2@m,10,0.1,rel,src\n"
                + "b.one,b.fig1,d,s@1@m,0,1,abs,src\n";
        List<Claim> claims = Claim.parseAll(csv, "test");
        // simulated: a.one 10.5 (pass), a.two 30 (fail), b.one 0.5 (pass, ratio to 0 undefined)
        return Scorecard.evaluate(claims, id -> {
            TidyRows rows = new TidyRows(id);
            if (id.equals("a.fig1")) rows.add("s", 1, "m", 10.5).add("s", 2, "m", 30);
            else rows.add("s", 1, "m", 0.5);
            return new Result(id, id, rows.toTable(), Params.resolve(List.of(), Map.of()), new HostStats(0, 0, 0), false,
                    Instant.EPOCH);
        });
    }

    @Test
    void onePanelPerPaperWithPassAndFailSeries() {
        Map<String, JFreeChart> panels = ScorecardChart.perPaper(card());
        assertEquals(List.of("a", "b"), List.copyOf(panels.keySet()));
        XYPlot a = panels.get("a").getXYPlot();
        assertEquals(1, a.getDataset().getItemCount(0), "one passing point");
        assertEquals(1, a.getDataset().getItemCount(1), "one failing point");
        assertEquals(3.0, a.getDataset().getYValue(1, 0), 1e-9, "30 / 10");
        assertTrue(panels.get("a").getTitle().getText().contains("1 of 2"));
        assertTrue(panels.get("b").getTitle().getText().contains("1 not drawn"), "ratio to a paper value of 0 is undefined");
    }

    @Test
    void gridHasOneCellPerPaper() {
        BufferedImage img = ScorecardChart.grid(card(), 2, 300, 200);
        assertEquals(600, img.getWidth());
        assertEquals(200, img.getHeight());
    }
}
