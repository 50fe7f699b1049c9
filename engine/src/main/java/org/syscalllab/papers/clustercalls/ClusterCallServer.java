package org.syscalllab.papers.clustercalls;

import java.util.BitSet;
import java.util.List;
import org.syscalllab.mech.ClusterCallPoolSpec;

/**
 * I/O model 4, cluster calls (§5.5, Tables 6.3/6.4): one client thread on core 1 hosts the fibers (1024); each fiber
 * serves requests one after another with synchronous calls, which SCAL redirects: pool 1 (core 2) runs only
 * NtRemoveIoCompletion, pool 2 (core 3) the receive, open, read, send and closes. The fiber scheduler runs the next
 * ready fiber round robin after the last one; when none is ready it issues a cluster call (or, with nothing new to
 * deliver, waits for completions), and the pools' WaitSome mode decides when the client comes back.
 */
final class ClusterCallServer implements WebBench.IoModel {
    static final int CLIENT_CORE = 1;
    /** The seven calls of one request, in order. */
    private static final int[] PROGRAM = {WebCosts.REMOVE_IO_COMPLETION, WebCosts.RECV, WebCosts.CREATE_FILE,
            WebCosts.READ_FILE, WebCosts.SEND, WebCosts.CLOSE_FILE, WebCosts.CLOSE_SOCKET};

    private final String series;
    private final int fibers;
    private final List<ClusterCallPoolSpec> pools;
    private final long timerTickCycles;
    private final boolean clientWideCount;
    private ClusterCallRuntime rt;
    private long fiberCalls;

    /**
     * @param pools two pools: index 0 takes NtRemoveIoCompletion, index 1 every other call
     */
    ClusterCallServer(String series, int fibers, List<ClusterCallPoolSpec> pools, long timerTickCycles, boolean clientWideCount) {
        if (fibers < 1 || fibers > ClusterCallPoolSpec.MAX_PENDING) {
            throw new IllegalArgumentException("fibers = " + fibers + " is not allowed; allowed: 1.." + ClusterCallPoolSpec.MAX_PENDING);
        }
        if (pools.size() != 2) throw new IllegalArgumentException("the web server needs 2 pools, got " + pools.size());
        this.series = series;
        this.fibers = fibers;
        this.pools = List.copyOf(pools);
        this.timerTickCycles = timerTickCycles;
        this.clientWideCount = clientWideCount;
    }

    @Override public String series() { return series; }

    @Override public long applicationCalls(WebBench b) { return fiberCalls; }

    @Override public long kernelCrossings(WebBench b) { return rt.crossings; }

    /** Cluster calls (and waits) issued, and calls they delivered. */
    long batches() { return rt.client.batches; }

    long batchedCalls() { return rt.client.batchedCalls; }

    @Override public void start(WebBench b) {
        WebBench.Conn[] conn = new WebBench.Conn[fibers];
        int[] step = new int[fibers];
        CompletionPort port = b.receivePort;
        ClusterCallRuntime.KernelService service = new ClusterCallRuntime.KernelService() {
            @Override public long work(int call) { return b.cycles(b.w.kernelUs(call)); }

            @Override public boolean complete(int call, int slot, Runnable resume) {
                switch (call) {
                    case WebCosts.REMOVE_IO_COMPLETION -> {
                        Object p = port.get(packet -> {
                            port.leave();
                            conn[slot] = (WebBench.Conn) packet;
                            resume.run();
                        }, false);
                        if (p == null) return false;
                        port.leave();
                        conn[slot] = (WebBench.Conn) p;
                        return true;
                    }
                    case WebCosts.RECV -> {
                        return b.requestArrived(conn[slot], resume);
                    }
                    case WebCosts.SEND -> {
                        b.respond(conn[slot]);
                        return true;
                    }
                    case WebCosts.CLOSE_SOCKET -> {
                        b.closed(conn[slot]);
                        return true;
                    }
                    default -> {
                        return true;
                    }
                }
            }
        };
        rt = new ClusterCallRuntime(b.machine, pools, CLIENT_CORE, 8, service, timerTickCycles, clientWideCount);
        ClusterCallRuntime.Client cl = rt.client;
        BitSet ready = new BitSet(fibers);
        ready.set(0, fibers);
        int[] last = {-1};
        Runnable[] schedule = new Runnable[1];
        ClusterCallRuntime.Drained onReplies = (slots, n) -> {
            for (int i = 0; i < n; i++) {
                int f = slots[i];
                step[f] = (step[f] + 1) % PROGRAM.length;
                ready.set(f);
            }
            schedule[0].run();
        };
        schedule[0] = () -> {
            int f = ready.nextSetBit(last[0] + 1);
            if (f < 0) f = ready.nextSetBit(0);
            if (f < 0) {
                if (cl.buffer.stacked(0) + cl.buffer.stacked(1) > 0) cl.clusterCall(onReplies);
                else cl.waitForCompletion(onReplies);
                return;
            }
            ready.clear(f);
            last[0] = f;
            int call = PROGRAM[step[f]];
            long cyc = b.k.fiberSwitch() + b.k.redirect() + (call == WebCosts.CREATE_FILE ? b.cycles(b.w.http()) : 0);
            cyc += cl.request(f, call == WebCosts.REMOVE_IO_COMPLETION ? 0 : 1, call);
            fiberCalls++;
            cl.compute(cyc, () -> cl.scalDrain(onReplies));
        };
        cl.wake(schedule[0], -1);
    }
}
