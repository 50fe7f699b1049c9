package org.syscalllab.papers.clustercalls;

/**
 * I/O model 2, a thread pool (§5.5): a fixed set of persistent threads (200 in Table 6.3) wait on the receive port;
 * each serves one request at a time with synchronous I/O and then waits for the next.
 */
final class ThreadPoolServer implements WebBench.IoModel {
    private final int threads;

    ThreadPoolServer(int threads) {
        if (threads < 1 || threads > 10_000) throw new IllegalArgumentException("pool threads = " + threads + "; allowed: 1..10000");
        this.threads = threads;
    }

    @Override public String series() { return "thread_pool"; }

    @Override public void start(WebBench b) {
        SyncRequestHandler h = new SyncRequestHandler(b);
        for (int i = 0; i < threads; i++) {
            Machine.SimThread t = b.machine.new SimThread("pool" + i, 8, b.serverQueue);
            boolean[] active = {false};
            Runnable[] loop = new Runnable[1];
            CompletionPort.Taker taker = p -> t.wake(() -> serve(b, h, t, (WebBench.Conn) p, loop[0]), -1);
            loop[0] = () -> {
                long c = h.call(WebCosts.REMOVE_IO_COMPLETION);
                t.compute(b.k.trapEntry(), () -> {
                    Object p = b.receivePort.get(taker, active[0]);
                    active[0] = true;
                    if (p == null) t.block();
                    else t.compute(c - b.k.trapEntry(), () -> h.handle(t, (WebBench.Conn) p, b.receivePort, loop[0]));
                });
            };
            t.wake(loop[0], -1);
        }
    }

    private static void serve(WebBench b, SyncRequestHandler h, Machine.SimThread t, WebBench.Conn c, Runnable loop) {
        t.compute(b.cycles(b.w.kernelUs(WebCosts.REMOVE_IO_COMPLETION)) + b.k.trapExit(), () -> h.handle(t, c, b.receivePort, loop));
    }
}
