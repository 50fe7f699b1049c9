package org.syscalllab.kernel.render;

import java.util.Map;
import org.syscalllab.report.Displayable;

/** An engine object that knows how to show itself ({@link Displayable}): its own MIME bundle, used as is. */
public final class DisplayableRenderer implements MimeRenderer {
    @Override
    public boolean handles(Object value) {
        return value instanceof Displayable;
    }

    @Override
    public Map<String, String> render(Object value) {
        return ((Displayable) value).mimeBundle();
    }

    @Override
    public int priority() {
        return BUILT_IN;
    }
}
