package org.syscalllab.kernel.render;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/** PNG encoding for the image renderers. */
final class Png {
    private Png() { }

    /** The image as PNG, base64-encoded (what Jupyter expects under {@code image/png}). */
    static String base64(RenderedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) throw new IllegalStateException("no PNG writer for " + image);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed", e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
