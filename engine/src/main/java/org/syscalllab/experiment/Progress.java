package org.syscalllab.experiment;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Receives progress of a sweep: how many points, and each point as it completes (may be called from any thread, so
 * implementations must be thread-safe). The Jupyter kernel shows a live bar; {@link #console} prints to a stream.
 */
public interface Progress {
    Progress NONE = new Progress() {
        @Override public void start(int points) { }
        @Override public void pointDone() { }
        @Override public void finish() { }
    };

    void start(int points);

    void pointDone();

    void finish();

    /** Prints "k/n points" on one line of {@code out} (a terminal's stderr), rewriting it with a carriage return. */
    static Progress console(PrintStream out) {
        return new Progress() {
            private final AtomicInteger done = new AtomicInteger();
            private volatile int total;

            @Override public void start(int points) {
                total = points;
                done.set(0);
            }

            @Override public void pointDone() {
                int d = done.incrementAndGet();
                synchronized (out) {
                    out.print("\r" + d + "/" + total + " points");
                    out.flush();
                }
            }

            @Override public void finish() {
                synchronized (out) {
                    if (total > 0) out.print("\r\033[K");
                    out.flush();
                }
            }
        };
    }
}
