package org.syscalllab.kernel.render;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The renderers of one kernel, in the order they are tried: highest {@link MimeRenderer#priority()} first, then the
 * built-ins in a fixed order, then added renderers by class name (so the choice never depends on class-path order).
 * Immutable; {@link #withServicesFrom(ClassLoader)} gives a new registry after jars were added.
 */
public final class Renderers {
    private final List<MimeRenderer> renderers;

    private Renderers(List<MimeRenderer> renderers) {
        List<MimeRenderer> sorted = new ArrayList<>(renderers);
        // stable sort: built-ins keep their listed order among themselves
        sorted.sort(Comparator.comparingInt(MimeRenderer::priority).reversed());
        this.renderers = List.copyOf(sorted);
    }

    /** Only the built-in renderers: engine {@code Displayable}s, charts, images, tables. */
    public static Renderers builtIn() {
        return new Renderers(List.of(new DisplayableRenderer(), ChartRenderer.DEFAULT, new ImageRenderer(), TableRenderer.DEFAULT));
    }

    /** These renderers plus every {@link MimeRenderer} service visible to {@code loader} and not already present. */
    public Renderers withServicesFrom(ClassLoader loader) {
        Set<String> present = new LinkedHashSet<>();
        renderers.forEach(r -> present.add(r.getClass().getName()));
        List<MimeRenderer> added = new ArrayList<>();
        try {
            for (MimeRenderer r : ServiceLoader.load(MimeRenderer.class, loader)) {
                if (present.add(r.getClass().getName())) added.add(r);
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("a MimeRenderer listed under META-INF/services cannot be loaded: " + e.getMessage(), e);
        }
        added.sort(Comparator.comparing(r -> r.getClass().getName()));
        List<MimeRenderer> all = new ArrayList<>(renderers);
        all.addAll(added);
        return new Renderers(all);
    }

    /** The renderers in the order they are tried. */
    public List<MimeRenderer> list() {
        return renderers;
    }

    /**
     * The bundle of the first renderer that handles {@code value}, else its {@code toString()} as text; never empty.
     *
     * @throws RenderException naming the renderer when it (or the value's {@code toString()}) throws
     */
    public Map<String, String> render(Object value) {
        if (value == null) return Map.of("text/plain", "null");
        for (MimeRenderer r : renderers) {
            if (guarded("renderer " + r.getClass().getName() + ".handles", value, () -> r.handles(value))) {
                Map<String, String> bundle = guarded("renderer " + r.getClass().getName(), value, () -> new LinkedHashMap<>(r.render(value)));
                if (!bundle.containsKey("text/plain")) bundle.put("text/plain", text(value));
                return bundle;
            }
        }
        return Map.of("text/plain", text(value));
    }

    private static String text(Object value) {
        return guarded("toString()", value, () -> String.valueOf(value));
    }

    /** Runs a renderer's code; what it throws (an exception, a linkage problem, a stack overflow) becomes a RenderException. */
    private static <T> T guarded(String what, Object value, java.util.function.Supplier<T> code) {
        try {
            return code.get();
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            throw new RenderException(what, value, e);
        }
    }

    /**
     * {@code value} shown as one MIME type: text ({@code CharSequence}) is taken as content of that type, bytes are
     * base64-encoded, anything else must have a renderer that produces the type.
     *
     * @throws IllegalArgumentException if {@code mime} is not a MIME type or no renderer produces it for the value
     */
    public Map<String, String> renderAs(String mime, Object value) {
        if (mime == null || !mime.matches("[\\w.+-]+/[\\w.+-]+")) {
            throw new IllegalArgumentException("not a MIME type: '" + mime + "' (expected e.g. text/html or image/png)");
        }
        if (value instanceof CharSequence text) return Map.of(mime, text.toString());
        if (value instanceof byte[] bytes) {
            return Map.of(mime, mime.startsWith("text/") ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                    : Base64.getEncoder().encodeToString(bytes));
        }
        Map<String, String> full = render(value);
        if (!full.containsKey(mime)) {
            throw new IllegalArgumentException("cannot show a " + (value == null ? "null" : value.getClass().getName()) + " as " + mime
                    + "; it renders as " + full.keySet());
        }
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put(mime, full.get(mime));
        bundle.putIfAbsent("text/plain", full.get("text/plain"));
        return bundle;
    }
}
