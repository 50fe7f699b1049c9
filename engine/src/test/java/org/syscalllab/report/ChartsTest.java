package org.syscalllab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syscalllab.experiment.Result;
import org.syscalllab.experiment.TestCatalog;

class ChartsTest {
    static final Result R = TestCatalog.uncached(1).run("demo.mm1", TestCatalog.small());

    @Test
    void linesHaveOneSeriesPerSeriesAndOnePointPerX() {
        JFreeChart c = Charts.lines(R, "mean_wait_cycles");
        XYPlot p = c.getXYPlot();
        assertEquals(1, p.getDataset().getSeriesCount());
        assertEquals(4, p.getDataset().getItemCount(0));
        assertThrows(IllegalArgumentException.class, () -> Charts.lines(R, "no_such_metric"));
    }

    @Test
    void barsAndStackedBars() {
        CategoryPlot p = Charts.bars(R, "utilisation").getCategoryPlot();
        assertEquals(4, p.getDataset().getColumnCount());
        CategoryPlot s = Charts.stackedBars(R, List.of("mean_wait_cycles", "mean_response_cycles")).getCategoryPlot();
        assertEquals(2, s.getDataset().getRowCount());
        assertEquals(4, s.getDataset().getColumnCount());
    }

    @Test
    void overlayAddsThePublishedPointsAsTheirOwnSeries() {
        List<Datasets.Point> pub = List.of(
                new Datasets.Point("demo.mm1", "mm1", "0.5", "mean_wait_cycles", 10000, "analytic"),
                new Datasets.Point("demo.mm1", "mm1", "0.9", "mean_wait_cycles", 90000, "analytic"),
                new Datasets.Point("demo.mm1", "mm1", "0.9", "utilisation", 0.9, "analytic"));
        XYPlot p = Charts.overlay(R, "mean_wait_cycles", pub).getXYPlot();
        assertEquals(2, p.getDataset().getSeriesCount());
        assertEquals("mm1 (paper)", p.getDataset().getSeriesKey(1));
        assertEquals(2, p.getDataset().getItemCount(1));
    }

    @Test
    void theRepositoryDatasetIsFoundAndRead() {
        Path dir = Datasets.locateFrom(Path.of("").toAbsolutePath()).orElseThrow();
        List<Datasets.Point> pts = Datasets.read(Datasets.fileOf(dir, "demo.mm1"));
        assertTrue(pts.stream().anyMatch(p -> p.metric().equals("mean_number_in_system") && p.x().equals("0.8") && p.value() == 4));
    }

    @Test
    void resultRendersAsPngChartAndTable(@TempDir Path tmp) throws Exception {
        Map<String, String> m = R.mimeBundle();
        assertTrue(m.get("text/html").contains("data:image/png;base64,"));
        assertTrue(m.get("text/html").contains("<table"));
        byte[] png = Base64.getDecoder().decode(m.get("image/png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        Path svg = Export.saveSvg(R.chart(), tmp.resolve("c.svg"));
        assertTrue(Files.readString(svg).contains("<svg"));
        Path csv = Export.saveCsv(R, tmp.resolve("r.csv"));
        assertEquals(R.toCsv(), Files.readString(csv));
        assertTrue(Files.size(Export.savePng(R.chart("utilisation"), tmp.resolve("c.png"))) > 1000);
    }

    @Test
    void saveChoosesTheFormatByExtension(@TempDir Path tmp) throws Exception {
        Path svg = Export.save(R.chart(), tmp.resolve("fig.SVG").toString());
        assertTrue(svg.isAbsolute());
        assertTrue(Files.readString(svg).contains("<svg"));
        byte[] png = Files.readAllBytes(Export.save(R.chart(), tmp.resolve("fig.png").toString()));
        assertEquals((byte) 0x89, png[0]);
        assertEquals(R.toCsv(), Files.readString(Export.save(R, tmp.resolve("data.csv").toString())));
        assertThrows(IllegalArgumentException.class, () -> Export.save(R.chart(), tmp.resolve("fig.jpg").toString()));
        assertThrows(IllegalArgumentException.class, () -> Export.save(R, tmp.resolve("data.png").toString()));
    }
}
