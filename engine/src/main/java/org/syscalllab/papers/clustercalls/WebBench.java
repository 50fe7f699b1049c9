package org.syscalllab.papers.clustercalls;

import java.util.ArrayDeque;
import java.util.List;
import org.syscalllab.mech.ClusterCallCosts;
import org.syscalllab.sim.Simulation;

/**
 * The web-server benchmark of §6.3.2 on the machine model: ApacheBench on core 4 keeps {@code concurrency} requests
 * for a static page in flight (closed loop: each answered request is replaced by a new connection until
 * {@code requests} have been made), over loopback TCP; a server model on cores 1–3 takes accepted connections from
 * the receive completion port and answers each with seven system calls. Records throughput, mean total time (connect
 * to last byte), mean latency (request sent to first byte), server CPU time and kernel crossings.
 */
final class WebBench {
    /** One HTTP connection. */
    static final class Conn {
        final int id;
        long connectAt;
        long sentAt;
        long firstByteAt;
        boolean dataReady;
        Runnable recvWaiter;

        Conn(int id) { this.id = id; }
    }

    /** A server I/O model. */
    interface IoModel {
        /** Series name in result tables. */
        String series();

        /** Creates the model's threads on the bench's machine and starts them. */
        void start(WebBench bench);

        /** System calls the application issued (fiber calls for cluster calls). */
        default long applicationCalls(WebBench bench) { return bench.crossings; }

        /** Kernel crossings the server made. */
        default long kernelCrossings(WebBench bench) { return bench.crossings; }
    }

    /** The measured outcome of one run. */
    record Outcome(double throughputRps, double totalMs, double latencyMs, double cpuTimeS, long crossings,
                   long applicationCalls, long completed) { }

    /** The server's cores are 1-3 (§6.3.2, Table 6.3). */
    static final int SERVER_CORES = 3;
    /** ApacheBench runs on its own core, core 4 (§6.3.2). */
    static final int AB_CORE = 4;

    final Simulation sim;
    final Machine machine;
    final ClusterCallCosts k;
    final WebCosts w;
    final int concurrency;
    final long requests;
    final CompletionPort receivePort;
    final Machine.RunQueue serverQueue;
    long crossings;
    private final ApacheBench ab;
    private long started;
    private long completed;
    private double sumTotal;
    private double sumLatency;
    private long lastDone;

    /** {@code sim} should come from the run's context ({@code RunContext.newSimulation()}) so its limits apply. */
    WebBench(Simulation sim, ClusterCallCosts k, double ghz, WebCosts w, int concurrency, long requests, int receivePortConcurrency,
             List<Integer> serverCores) {
        if (concurrency < 1 || concurrency > 20_000) throw new IllegalArgumentException("concurrency = " + concurrency + "; allowed: 1..20000");
        if (requests < 1) throw new IllegalArgumentException("requests = " + requests + "; allowed: >= 1");
        this.sim = sim;
        this.machine = new Machine(sim, 4, k, ghz);
        this.k = k;
        this.w = w;
        this.concurrency = concurrency;
        this.requests = requests;
        this.receivePort = new CompletionPort(receivePortConcurrency);
        this.serverQueue = machine.queue(serverCores);
        this.ab = new ApacheBench();
    }

    long cycles(double us) { return machine.nsToCycles(us * 1000); }

    /** Runs the model until ApacheBench has all its answers. */
    Outcome run(IoModel model) {
        model.start(this);
        ab.begin();
        sim.run();
        if (completed < requests) throw new IllegalStateException(model.series() + ": only " + completed + " of " + requests + " requests answered (deadlock)");
        double elapsedS = lastDone / machine.ghz / 1e9;
        long serverBusy = 0;
        for (int c = 1; c <= SERVER_CORES; c++) serverBusy += machine.core(c).busy;
        return new Outcome(completed / elapsedS, sumTotal / completed / machine.ghz / 1e6, sumLatency / completed / machine.ghz / 1e6,
                serverBusy / machine.ghz / 1e9, model.kernelCrossings(this), model.applicationCalls(this), completed);
    }

    /** The server sends the response: its first byte leaves now. */
    void respond(Conn c) {
        c.firstByteAt = sim.now() + cycles(w.loopback());
    }

    /**
     * The server closed the socket: without keep-alive ApacheBench reads the response until the connection closes,
     * so the request is complete when the close reaches it.
     */
    void closed(Conn c) {
        sim.schedule(cycles(w.loopback()), s -> ab.post(cycles(w.abReceiveAndClose()), () -> done(c)));
    }

    /** The server's receive: true if the request is there; otherwise {@code waiter} runs when it arrives. */
    boolean requestArrived(Conn c, Runnable waiter) {
        if (c.dataReady) return true;
        c.recvWaiter = waiter;
        return false;
    }

    private void done(Conn c) {
        completed++;
        long now = sim.now();
        sumTotal += now - c.connectAt;
        sumLatency += c.firstByteAt - c.sentAt;
        lastDone = now;
        if (started < requests) ab.connect();
        if (completed == requests) sim.stop();
    }

    /** ApacheBench: one thread on core 4 working through its events in order. */
    private final class ApacheBench {
        private record Event(long cycles, Runnable action) { }

        private final ArrayDeque<Event> events = new ArrayDeque<>();
        private final Machine.SimThread thread;
        private boolean running;

        ApacheBench() {
            thread = machine.new SimThread("ab", 8, machine.queue(List.of(AB_CORE)));
        }

        void begin() {
            for (int i = 0; i < concurrency && started < requests; i++) connect();
        }

        void connect() {
            Conn c = new Conn((int) started++);
            post(cycles(w.abConnect()), () -> {
                c.connectAt = sim.now() - cycles(w.abConnect());
                sim.schedule(cycles(w.loopback()), s -> {
                    receivePort.post(c);
                    post(cycles(w.abSend()), () -> {
                        c.sentAt = sim.now();
                        sim.schedule(cycles(w.loopback()), s2 -> {
                            c.dataReady = true;
                            Runnable r = c.recvWaiter;
                            c.recvWaiter = null;
                            if (r != null) r.run();
                        });
                    });
                });
            });
        }

        void post(long cost, Runnable then) {
            events.add(new Event(cost, then));
            if (!running) {
                running = true;
                thread.wake(this::loop, -1);
            }
        }

        private void loop() {
            Event e = events.poll();
            if (e == null) {
                running = false;
                thread.block();
                return;
            }
            thread.compute(e.cycles(), () -> {
                e.action().run();
                loop();
            });
        }
    }
}
