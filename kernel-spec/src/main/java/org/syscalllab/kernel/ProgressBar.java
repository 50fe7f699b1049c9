package org.syscalllab.kernel;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.syscalllab.experiment.Progress;

/**
 * A sweep's progress as one output that is updated in place: an HTML {@code <progress>} element and a text line.
 * Points may complete on any thread; updates are throttled to one per whole percent.
 */
final class ProgressBar implements Progress {
    private final String label;
    private final LabKernel kernel;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger lastPercent = new AtomicInteger(-1);
    private volatile int total;
    private volatile DisplayRef ref;

    ProgressBar(String label, LabKernel kernel) {
        this.label = label == null ? "" : label;
        this.kernel = kernel;
    }

    @Override
    public void start(int points) {
        total = Math.max(0, points);
        done.set(0);
        lastPercent.set(-1);
        ref = kernel.display(bundle(0));
    }

    @Override
    public void pointDone() {
        int d = done.incrementAndGet();
        int t = total;
        int percent = t == 0 ? 100 : (int) (100L * d / t);
        int last = lastPercent.get();
        if (percent > last && lastPercent.compareAndSet(last, percent) && ref != null) {
            kernel.updateDisplay(ref, bundle(d));
        }
    }

    @Override
    public void finish() {
        if (ref != null) kernel.updateDisplay(ref, bundle(total));
    }

    Map<String, String> bundle(int d) {
        int t = total;
        String text = label + " " + d + "/" + t;
        String html = "<div><small>" + escape(label) + "</small> <progress value=\"" + d + "\" max=\"" + Math.max(1, t)
                + "\" style=\"width:40%\"></progress> <small>" + d + "/" + t + "</small></div>";
        return Map.of("text/html", html, "text/plain", text.strip());
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
