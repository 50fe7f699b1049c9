package org.syscalllab.papers.whatif;

/**
 * One run of the event-driven server model.
 *
 * @param version           how calls are made
 * @param loops             event loops, one per application core
 * @param connections       closed-loop client connections, spread round-robin over the loops
 * @param thinkCycles       mean cycles between a reply and the connection's next request (network and client),
 *                          exponentially distributed
 * @param wakeupCycles      cycles from an event to a blocked thread running again (interrupt and scheduler wake-up)
 * @param epollKernelCycles kernel cycles of one {@code epoll_wait} that returns ready events
 * @param maxEvents         events one loop iteration takes at most ({@code epoll_wait}'s maxevents, or CQEs reaped)
 * @param uring             ring sizes and SQPOLL settings (used by IO_URING and SQPOLL)
 * @param pollerSharesCore  SQPOLL only: whether the poller runs on loop 0's core (unpinned, or no core to spare)
 *                          rather than on a core of its own
 * @param warmupRequests    requests completed before statistics start
 * @param measuredRequests  requests measured
 * @param flexsc            syscall pages, costs and syscall-thread placement (used by FLEXSC)
 */
public record ServerSpec(Version version, int loops, int connections, long thinkCycles, long wakeupCycles,
                         long epollKernelCycles, int maxEvents, UringConfig uring, boolean pollerSharesCore,
                         long warmupRequests, long measuredRequests, FlexscConfig flexsc) {
    /** The most syscall entries a run may register in all (each is tracked individually). */
    public static final long MAX_ENTRIES = 1L << 20;

    public ServerSpec {
        if (version == null) throw new IllegalArgumentException("version must not be null");
        if (loops < 1 || loops > 1024) throw new IllegalArgumentException("loops = " + loops + " is not allowed; allowed: [1, 1024]");
        if (connections < 1) throw new IllegalArgumentException("connections = " + connections + " is not allowed; allowed: >= 1");
        if (thinkCycles < 0) throw new IllegalArgumentException("think_cycles = " + thinkCycles + " is not allowed; allowed: >= 0");
        if (wakeupCycles < 0) throw new IllegalArgumentException("wakeup_cycles = " + wakeupCycles + " is not allowed; allowed: >= 0");
        if (epollKernelCycles < 0) throw new IllegalArgumentException("epoll_kernel_cycles = " + epollKernelCycles + " is not allowed; allowed: >= 0");
        if (maxEvents < 1) throw new IllegalArgumentException("max_events = " + maxEvents + " is not allowed; allowed: >= 1");
        if (uring == null) throw new IllegalArgumentException("uring must not be null");
        if (flexsc == null) throw new IllegalArgumentException("flexsc must not be null");
        if (version == Version.FLEXSC && (long) loops * flexsc.pagesPerLoop() * flexsc.entriesPerPage() > MAX_ENTRIES) {
            throw new IllegalArgumentException("pages_per_loop x entries_per_page x loops = " + flexsc.pagesPerLoop() + " x "
                    + flexsc.entriesPerPage() + " x " + loops + " is not allowed; allowed: at most " + MAX_ENTRIES + " syscall entries in all");
        }
        if (warmupRequests < 0) throw new IllegalArgumentException("warmup_requests = " + warmupRequests + " is not allowed; allowed: >= 0");
        if (measuredRequests < 1) throw new IllegalArgumentException("measured_requests = " + measuredRequests + " is not allowed; allowed: >= 1");
    }
}
