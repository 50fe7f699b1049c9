package org.syscalllab.papers.clustercalls;

/**
 * I/O model 3, an I/O completion port (§5.5): a few threads (20 in Table 6.3) wait on one port with concurrency 3;
 * network receive, file read and send are issued asynchronously and each completion comes back as a packet, so a
 * thread never blocks except on the port. Opening and closing remain synchronous calls.
 */
final class CompletionPortServer implements WebBench.IoModel {
    private final int threads;

    CompletionPortServer(int threads) {
        if (threads < 1 || threads > 10_000) throw new IllegalArgumentException("port threads = " + threads + "; allowed: 1..10000");
        this.threads = threads;
    }

    /** A completion packet for an operation on a connection. */
    private record Done(int op, WebBench.Conn conn) { }

    private static final int RECV_DONE = 1, READ_DONE = 2, SEND_DONE = 3;

    @Override public String series() { return "completion_port"; }

    @Override public void start(WebBench b) {
        CompletionPort port = b.receivePort;
        for (int i = 0; i < threads; i++) {
            Machine.SimThread t = b.machine.new SimThread("iocp" + i, 8, b.serverQueue);
            boolean[] active = {false};
            Runnable[] loop = new Runnable[1];
            CompletionPort.Taker taker = p -> t.wake(() -> t.compute(b.k.trapExit(), () -> handle(b, port, t, p, loop[0])), -1);
            loop[0] = () -> {
                b.crossings++;
                t.compute(b.k.trapEntry() + b.cycles(b.w.portOp()), () -> {
                    Object p = port.get(taker, active[0]);
                    active[0] = true;
                    if (p == null) t.compute(b.k.waitEnter(), t::block);
                    else t.compute(b.k.trapExit(), () -> handle(b, port, t, p, loop[0]));
                });
            };
            t.wake(loop[0], -1);
        }
    }

    private static long call(WebBench b, double us) {
        b.crossings++;
        return b.k.trap() + b.cycles(us);
    }

    private static void handle(WebBench b, CompletionPort port, Machine.SimThread t, Object p, Runnable loop) {
        if (p instanceof WebBench.Conn c) {
            // an accepted connection: issue the receive asynchronously
            t.compute(b.cycles(b.w.accept()) + call(b, b.w.recv() + b.w.asyncIssue()), () -> {
                if (b.requestArrived(c, () -> port.post(new Done(RECV_DONE, c)))) port.post(new Done(RECV_DONE, c));
                loop.run();
            });
            return;
        }
        Done d = (Done) p;
        WebBench.Conn c = d.conn();
        switch (d.op()) {
            case RECV_DONE -> t.compute(b.cycles(b.w.http()) + call(b, b.w.createFile())
                    + call(b, b.w.readFile() + b.w.asyncIssue()), () -> {
                        port.post(new Done(READ_DONE, c));
                        loop.run();
                    });
            case READ_DONE -> t.compute(call(b, b.w.send() + b.w.asyncIssue()), () -> {
                b.respond(c);
                port.post(new Done(SEND_DONE, c));
                loop.run();
            });
            case SEND_DONE -> t.compute(call(b, b.w.closeFile()) + call(b, b.w.closeSocket()), () -> {
                b.closed(c);
                loop.run();
            });
            default -> throw new IllegalStateException("unknown packet " + d);
        }
    }
}
