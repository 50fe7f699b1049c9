package org.syscalllab.kernel.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.syscalllab.report.Displayable;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class RenderersTest {
    final Renderers renderers = Renderers.builtIn();

    static BufferedImage decode(String base64) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    }

    @Test
    void anImageIsAValidPngOfTheSameSize() throws IOException {
        Map<String, String> b = renderers.render(new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB));
        assertEquals(List.of("image/png", "text/plain"), List.copyOf(b.keySet()));
        BufferedImage back = decode(b.get("image/png"));
        assertEquals(30, back.getWidth());
        assertEquals(20, back.getHeight());
    }

    @Test
    void aChartIsDrawnAtTheRenderersSize() throws IOException {
        JFreeChart chart = ChartFactory.createXYLineChart("title", "x", "y", new XYSeriesCollection(new XYSeries("s")));
        Map<String, String> b = renderers.render(chart);
        BufferedImage png = decode(b.get("image/png"));
        assertEquals(ChartRenderer.DEFAULT.width(), png.getWidth());
        assertEquals(ChartRenderer.DEFAULT.height(), png.getHeight());
        assertTrue(b.get("text/plain").contains("title"), b.get("text/plain"));
    }

    @Test
    void aTableIsHtmlWithEveryRowUpToTheLimit() {
        Table t = Table.create("nums", IntColumn.indexColumn("i", 5, 0));
        Map<String, String> b = renderers.render(t);
        String html = b.get("text/html");
        assertTrue(html.contains("<table"), html);
        assertEquals(5, html.split("<tr>", -1).length - 2, html); // 5 body rows + 1 header row
        assertTrue(html.contains("5 rows"), html);
    }

    @Test
    void aLargeTableIsCutAndSaysSo() {
        Table t = Table.create("big", IntColumn.indexColumn("i", 1000, 0));
        String html = new TableRenderer(10).render(t).get("text/html");
        assertTrue(html.contains("first 10 of 1000 rows"), html);
        assertEquals(10, html.split("<tr>", -1).length - 2);
    }

    @Test
    void aDisplayableUsesItsOwnBundleInItsOrder() {
        Displayable d = () -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("text/html", "<i>x</i>");
            m.put("text/markdown", "*x*");
            return m;
        };
        Map<String, String> b = renderers.render(d);
        assertEquals(List.of("text/html", "text/markdown", "text/plain"), List.copyOf(b.keySet()));
    }

    @Test
    void aRendererThatThrowsIsNamedInTheError() {
        Displayable broken = () -> {
            throw new IllegalStateException("no bundle today");
        };
        RenderException e = assertThrows(RenderException.class, () -> renderers.render(broken));
        assertTrue(e.getMessage().contains(DisplayableRenderer.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains("no bundle today"), e.getMessage());
        assertTrue(e.getCause() instanceof IllegalStateException);
        Object badText = new Object() {
            @Override public String toString() { throw new UnsupportedOperationException("no text"); }
        };
        RenderException t = assertThrows(RenderException.class, () -> renderers.render(badText));
        assertTrue(t.getMessage().startsWith("toString() failed"), t.getMessage());
        Object deep = new Object() {
            @Override public String toString() { return toString(); }
        };
        assertTrue(assertThrows(RenderException.class, () -> renderers.render(deep)).getCause() instanceof StackOverflowError);
    }

    @Test
    void anythingElseIsItsText() {
        assertEquals(Map.of("text/plain", "42"), renderers.render(42));
        assertEquals(Map.of("text/plain", "null"), renderers.render(null));
    }

    @Test
    void renderAsTakesTextAsContentAndRejectsWhatNoRendererProduces() {
        assertEquals(Map.of("text/html", "<b>hi</b>"), renderers.renderAs("text/html", "<b>hi</b>"));
        assertEquals(Map.of("image/png", Base64.getEncoder().encodeToString(new byte[] {1, 2})),
                renderers.renderAs("image/png", new byte[] {1, 2}));
        Map<String, String> png = renderers.renderAs("image/png", new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB));
        assertEquals(List.of("image/png", "text/plain"), List.copyOf(png.keySet()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> renderers.renderAs("image/png", 42));
        assertTrue(e.getMessage().contains("image/png") && e.getMessage().contains("Integer"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> renderers.renderAs("html", "x"));
    }

    /** A renderer of the tests' own, registered under META-INF/services in the test resources. */
    public static final class Shouting implements MimeRenderer {
        @Override public boolean handles(Object value) { return value instanceof String s && s.startsWith("!"); }
        @Override public Map<String, String> render(Object value) { return Map.of("text/plain", value.toString().toUpperCase()); }
    }

    @Test
    void servicesAreAddedAheadOfTheBuiltInsOnce() {
        Renderers more = renderers.withServicesFrom(getClass().getClassLoader());
        assertTrue(more.list().get(0) instanceof Shouting, more.list().toString());
        assertEquals("!HEY", more.render("!hey").get("text/plain"));
        assertEquals("ok", more.render("ok").get("text/plain"));
        assertEquals(more.list().size(), more.withServicesFrom(getClass().getClassLoader()).list().size());
    }

    @Test
    void sizesAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ChartRenderer(50, 400));
        assertTrue(e.getMessage().contains("width = 50"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TableRenderer(0));
    }
}
