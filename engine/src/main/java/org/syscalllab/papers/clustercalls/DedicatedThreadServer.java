package org.syscalllab.papers.clustercalls;

/**
 * I/O model 1, a dedicated thread per request (§5.5): one dispatcher thread takes accepted connections from the
 * receive port and creates a thread for each; that thread serves the request with synchronous I/O and exits. All
 * threads may run on cores 1–3.
 */
final class DedicatedThreadServer implements WebBench.IoModel {
    @Override public String series() { return "dedicated_thread"; }

    @Override public void start(WebBench b) {
        SyncRequestHandler h = new SyncRequestHandler(b);
        Machine.SimThread dispatcher = b.machine.new SimThread("dispatcher", 8, b.serverQueue);
        Runnable[] loop = new Runnable[1];
        CompletionPort.Taker taker = p -> dispatcher.wake(() -> spawn(b, h, dispatcher, (WebBench.Conn) p, loop[0]), -1);
        loop[0] = () -> {
            long c = h.call(WebCosts.REMOVE_IO_COMPLETION);
            dispatcher.compute(b.k.trapEntry(), () -> {
                Object p = b.receivePort.get(taker, true);
                if (p == null) dispatcher.block();
                else dispatcher.compute(c - b.k.trapEntry(), () -> spawn(b, h, dispatcher, (WebBench.Conn) p, loop[0]));
            });
        };
        b.receivePort.unblocked(); // the dispatcher starts active on the port
        dispatcher.wake(loop[0], -1);
    }

    private static void spawn(WebBench b, SyncRequestHandler h, Machine.SimThread d, WebBench.Conn c, Runnable next) {
        b.crossings++;
        d.compute(b.k.trap() + b.cycles(b.w.threadCreate()), () -> {
            Machine.SimThread t = b.machine.new SimThread("request" + c.id, 8, b.serverQueue);
            t.wake(() -> h.handle(t, c, null, () -> {
                b.crossings++;
                t.compute(b.k.trapEntry() + b.cycles(b.w.threadExit()), t::block);
            }), d.coreId());
            next.run();
        });
    }
}
