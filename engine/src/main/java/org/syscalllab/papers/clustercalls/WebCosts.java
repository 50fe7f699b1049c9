package org.syscalllab.papers.clustercalls;

import java.util.List;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;

/**
 * CPU costs of the web-server benchmark (§6.3.2), in microseconds. The thesis gives none of them: every value is an
 * ASSUMPTION, an order-of-magnitude estimate for Windows Server 2003's network and file stack on a 2.67 GHz Nehalem,
 * chosen before looking at the model's throughput and not fitted to Fig. 6.3 or Table 6.5. They are parameters so a
 * reader can test how the comparison depends on them.
 *
 * <p>The seven calls of one request, in the order the server makes them (§5.5, §6.3.2: NtRemoveIoCompletion for the
 * accepted connection, NtDeviceIoControlFile to receive, NtCreateFile, NtReadFile, NtDeviceIoControlFile to send,
 * NtClose for the file and for the socket).
 *
 * @param accept       kernel work to take an accepted connection from the receive port (includes the server side of
 *                     the TCP handshake and the AcceptEx completion)
 * @param recv         receive the HTTP request (AFD receive, copy)
 * @param createFile   open the static page (object manager, file system, cached metadata)
 * @param readFile     read its 4,729 bytes from the file-system cache
 * @param send         send the response over loopback TCP (headers plus 4,729 bytes)
 * @param closeFile    close the file handle
 * @param closeSocket  close the socket (graceful disconnect)
 * @param http         user mode: parse the request and build the response headers
 * @param portOp       a GetQueuedCompletionStatus that finds a packet (kernel part, beyond the trap)
 * @param asyncIssue   extra kernel work to issue an operation asynchronously and queue its completion packet
 * @param threadCreate creating a thread (kernel thread, TEB, 1 MB stack reservation, subsystem notification)
 * @param threadExit   terminating a thread and freeing its stack
 * @param abOverhead   ApacheBench's own user-mode work per request (bookkeeping, polling); its socket work mirrors
 *                     the server's (see {@link #abConnect}, {@link #abSend}, {@link #abReceiveAndClose})
 * @param loopback     delivery delay of the loopback network between the two sides
 */
record WebCosts(double accept, double recv, double createFile, double readFile, double send, double closeFile,
                double closeSocket, double http, double portOp, double asyncIssue, double threadCreate,
                double threadExit, double abOverhead, double loopback) {
    WebCosts {
        double[] v = {accept, recv, createFile, readFile, send, closeFile, closeSocket, http, portOp, asyncIssue,
                threadCreate, threadExit, abOverhead, loopback};
        for (double x : v) if (!(x >= 0 && x <= 1e6)) throw new IllegalArgumentException("a web cost is " + x + " µs; allowed: 0..1000000");
    }

    /** Call numbers used by the servers and the cluster-call pools. */
    static final int REMOVE_IO_COMPLETION = 0, RECV = 1, CREATE_FILE = 2, READ_FILE = 3, SEND = 4, CLOSE_FILE = 5,
            CLOSE_SOCKET = 6;

    /** Kernel µs of call {@code c} (the trap itself excluded). */
    double kernelUs(int c) {
        return switch (c) {
            case REMOVE_IO_COMPLETION -> accept + portOp;
            case RECV -> recv;
            case CREATE_FILE -> createFile;
            case READ_FILE -> readFile;
            case SEND -> send;
            case CLOSE_FILE -> closeFile;
            case CLOSE_SOCKET -> closeSocket;
            default -> throw new IllegalArgumentException("unknown call " + c);
        };
    }

    /*
     * ApacheBench runs the mirror image of the server's socket work on its own core, so its costs are built from the
     * same per-operation assumptions rather than from a separate guess: connecting is the other half of the handshake
     * (as accepting), sending the small request costs what receiving it does, receiving the response what sending it
     * does, and closing what the server's close does; a third of its own bookkeeping goes to each step.
     */

    /** ApacheBench: create the socket and connect. */
    double abConnect() { return accept + abOverhead / 3; }

    /** ApacheBench: send the request. */
    double abSend() { return recv + abOverhead / 3; }

    /** ApacheBench: read the response until the server closes, close its socket, record the request. */
    double abReceiveAndClose() { return send + closeSocket + abOverhead / 3; }

    static List<Param> declare() {
        return List.of(
                Param.ofDouble("accept_us", 20, 0, 1e6, "µs", "ASSUMPTION: take an accepted connection (TCP handshake, AcceptEx completion)"),
                Param.ofDouble("recv_us", 10, 0, 1e6, "µs", "ASSUMPTION: receive the HTTP request"),
                Param.ofDouble("create_file_us", 15, 0, 1e6, "µs", "ASSUMPTION: NtCreateFile of the cached page"),
                Param.ofDouble("read_file_us", 6, 0, 1e6, "µs", "ASSUMPTION: NtReadFile of 4,729 bytes from the cache"),
                Param.ofDouble("send_us", 25, 0, 1e6, "µs", "ASSUMPTION: send the response over loopback TCP"),
                Param.ofDouble("close_file_us", 4, 0, 1e6, "µs", "ASSUMPTION: NtClose of the file"),
                Param.ofDouble("close_socket_us", 20, 0, 1e6, "µs", "ASSUMPTION: close the socket (graceful disconnect)"),
                Param.ofDouble("http_us", 10, 0, 1e6, "µs", "ASSUMPTION: user-mode HTTP parsing and response headers"),
                Param.ofDouble("port_op_us", 2, 0, 1e6, "µs", "ASSUMPTION: dequeue one completion packet"),
                Param.ofDouble("async_issue_us", 2, 0, 1e6, "µs", "ASSUMPTION: extra work of an asynchronous operation"),
                Param.ofDouble("thread_create_us", 50, 0, 1e6, "µs", "ASSUMPTION: CreateThread with a 1 MB stack"),
                Param.ofDouble("thread_exit_us", 20, 0, 1e6, "µs", "ASSUMPTION: thread termination"),
                Param.ofDouble("ab_overhead_us", 5, 0, 1e6, "µs", "ASSUMPTION: ApacheBench bookkeeping per request on core 4 (its socket work mirrors the server's)"),
                Param.ofDouble("loopback_us", 5, 0, 1e6, "µs", "ASSUMPTION: loopback delivery delay"));
    }

    static WebCosts of(Params p) {
        return new WebCosts(p.getDouble("accept_us"), p.getDouble("recv_us"), p.getDouble("create_file_us"),
                p.getDouble("read_file_us"), p.getDouble("send_us"), p.getDouble("close_file_us"),
                p.getDouble("close_socket_us"), p.getDouble("http_us"), p.getDouble("port_op_us"),
                p.getDouble("async_issue_us"), p.getDouble("thread_create_us"), p.getDouble("thread_exit_us"),
                p.getDouble("ab_overhead_us"), p.getDouble("loopback_us"));
    }
}
