package org.syscalllab.kernel.render;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * A JFreeChart chart drawn at a fixed size as {@code image/png}.
 *
 * @param width  pixels, 100..4000
 * @param height pixels, 100..4000
 */
public record ChartRenderer(int width, int height) implements MimeRenderer {
    /**
     * ASSUMPTION: 720x440 px fits the text column of Jupyter Notebook and of nbconvert's HTML page without scaling, and
     * keeps axis labels readable; change it per chart by showing {@code chart.createBufferedImage(w, h)} instead.
     */
    public static final ChartRenderer DEFAULT = new ChartRenderer(720, 440);

    public ChartRenderer {
        if (width < 100 || width > 4000) throw new IllegalArgumentException("width = " + width + ", allowed 100..4000");
        if (height < 100 || height > 4000) throw new IllegalArgumentException("height = " + height + ", allowed 100..4000");
    }

    @Override
    public boolean handles(Object value) {
        return value instanceof JFreeChart;
    }

    @Override
    public Map<String, String> render(Object value) {
        JFreeChart chart = (JFreeChart) value;
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("image/png", Png.base64(chart.createBufferedImage(width, height)));
        String title = chart.getTitle() == null ? "" : " \"" + chart.getTitle().getText() + "\"";
        bundle.put("text/plain", "chart" + title + " (" + width + "x" + height + ")");
        return bundle;
    }

    @Override
    public int priority() {
        return BUILT_IN;
    }
}
