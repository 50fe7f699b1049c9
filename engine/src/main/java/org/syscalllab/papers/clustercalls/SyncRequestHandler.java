package org.syscalllab.papers.clustercalls;

/**
 * The synchronous request path shared by the dedicated-thread and thread-pool models: receive (blocking until the
 * request has arrived), parse, open, read, send, close the file, close the socket, each a system call with its trap.
 * A thread that blocks in the receive tells its completion port (if it is associated with one) so another may run.
 */
final class SyncRequestHandler {
    private final WebBench b;

    SyncRequestHandler(WebBench b) { this.b = b; }

    /** Kernel cycles of a synchronous call, trap included; counts one crossing. */
    long call(int callNumber) {
        b.crossings++;
        return b.k.trap() + b.cycles(b.w.kernelUs(callNumber));
    }

    /** Handles connection {@code c} on running thread {@code t}, then runs {@code done} on the thread. */
    void handle(Machine.SimThread t, WebBench.Conn c, CompletionPort port, Runnable done) {
        long recv = call(WebCosts.RECV);
        Runnable rest = () -> t.compute(b.cycles(b.w.http()) + call(WebCosts.CREATE_FILE) + call(WebCosts.READ_FILE)
                + call(WebCosts.SEND), () -> {
                    b.respond(c);
                    t.compute(call(WebCosts.CLOSE_FILE) + call(WebCosts.CLOSE_SOCKET), () -> {
                        b.closed(c);
                        done.run();
                    });
                });
        if (b.requestArrived(c, null)) {
            t.compute(recv, rest);
            return;
        }
        t.compute(b.k.trapEntry() + b.k.waitEnter(), () -> {
            if (b.requestArrived(c, () -> {
                if (port != null) port.unblocked();
                t.wake(() -> t.compute(recv - b.k.trapEntry(), rest), -1);
            })) {
                t.compute(recv - b.k.trapEntry(), rest);
                return;
            }
            if (port != null) port.blocked();
            t.block();
        });
    }
}
