package org.syscalllab.kernel.render;

import java.awt.image.RenderedImage;
import java.util.LinkedHashMap;
import java.util.Map;

/** Any {@link RenderedImage} (a {@code BufferedImage}, a chart's {@code createBufferedImage}) as {@code image/png}. */
public final class ImageRenderer implements MimeRenderer {
    @Override
    public boolean handles(Object value) {
        return value instanceof RenderedImage;
    }

    @Override
    public Map<String, String> render(Object value) {
        RenderedImage image = (RenderedImage) value;
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("image/png", Png.base64(image));
        bundle.put("text/plain", "image " + image.getWidth() + "x" + image.getHeight());
        return bundle;
    }

    @Override
    public int priority() {
        return BUILT_IN;
    }
}
