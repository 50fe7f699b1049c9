package org.syscalllab.kernel;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One cell's {@code System.out} and {@code System.err}, sharing a byte budget. Output up to the budget passes on as it
 * is written; past it, the rest of the cell's output is dropped (so a cell printing 100 MB neither floods the front end
 * nor fills the kernel's heap), a notice says so at once on stderr, and {@link #finish()} says how much was dropped.
 */
final class CellOutput {
    static final String PROPERTY = "syscalllab.kernel.maxOutputBytes";
    /** ASSUMPTION: 1 MiB of text per cell is far more than a reader scrolls through, and cheap for a browser. */
    static final long DEFAULT_LIMIT = 1L << 20;

    private final PrintStream out;
    private final PrintStream err;
    private final PrintStream noticeTo;
    private final long limit;
    private long passed;   // guarded by this
    private long dropped;  // guarded by this

    /**
     * @param out   where the cell's stdout goes
     * @param err   where the cell's stderr and the notices go
     * @param limit bytes of stdout and stderr together that pass, >= 0
     */
    CellOutput(PrintStream out, PrintStream err, long limit) {
        if (limit < 0) throw new IllegalArgumentException(PROPERTY + " = " + limit + " is not allowed; allowed: >= 0");
        this.noticeTo = err;
        this.limit = limit;
        this.out = new PrintStream(new Capped(out), true, StandardCharsets.UTF_8);
        this.err = new PrintStream(new Capped(err), true, StandardCharsets.UTF_8);
    }

    /** The budget from system property {@value #PROPERTY}, else {@link #DEFAULT_LIMIT}. */
    static long limitFromProperties() {
        return Long.getLong(PROPERTY, DEFAULT_LIMIT);
    }

    PrintStream out() { return out; }

    PrintStream err() { return err; }

    synchronized long dropped() { return dropped; }

    /** Flushes both streams and, if anything was dropped, says how much. */
    void finish() {
        out.flush();
        err.flush();
        synchronized (this) {
            if (dropped > 0) {
                noticeTo.println(String.format("[syscall-lab kernel] %,d bytes of this cell's output were dropped "
                        + "(limit %,d bytes per cell)", dropped, limit));
            }
        }
        noticeTo.flush();
    }

    /** Passes what the budget allows of b[off..off+len) to target; says so once when the budget runs out. */
    private synchronized void pass(PrintStream target, byte[] b, int off, int len) {
        int n = (int) Math.min(len, Math.max(0, limit - passed));
        if (n < len) n = charStart(b, off, n);
        if (n > 0) target.write(b, off, n);
        passed += n;
        if (n == len) return;
        if (dropped == 0) {
            target.flush();
            noticeTo.println(String.format("%n[syscall-lab kernel] output limit reached: this cell printed %,d bytes, "
                    + "the limit per cell; the rest of its output is dropped (set -D%s to change it)", passed, PROPERTY));
        }
        dropped += len - n;
    }

    /** The largest length <= n that does not cut a UTF-8 character of b[off..] in two. */
    static int charStart(byte[] b, int off, int n) {
        int k = n;
        while (k > 0 && (b[off + k] & 0xC0) == 0x80) k--;
        return k;
    }

    private final class Capped extends OutputStream {
        private final PrintStream target;

        Capped(PrintStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            pass(target, b, off, len);
        }

        @Override
        public void flush() {
            target.flush();
        }
    }
}
