package org.syscalllab.papers.whatif;

import java.util.List;
import org.syscalllab.mech.CallRequest;

/**
 * What one request of an event-driven server costs before the mechanism is chosen: the user instructions of the
 * event handler, the system calls it makes, and how much of the cache the kernel's work on one call disturbs.
 *
 * @param name                   {@code memcached} or {@code nginx}
 * @param userInstructions       handler instructions per request (parsing, lookup, building the reply)
 * @param calls                  the system calls of one request, in order
 * @param kernelLinesPerEntry    cache lines of user state the kernel's work displaces per kernel entry (the calls of
 *                               one entry are of the same few kinds and share their kernel code and data)
 * @param userTlbPages           pages of the handler's working set (refilled after a TLB flush)
 */
public record Workload(String name, long userInstructions, List<CallRequest> calls, int kernelLinesPerEntry,
                       int userTlbPages) {
    public Workload {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name must not be blank");
        if (userInstructions < 0) throw new IllegalArgumentException("user_instructions = " + userInstructions + " is not allowed; allowed: >= 0");
        if (calls == null || calls.isEmpty()) throw new IllegalArgumentException("calls must not be empty");
        calls = List.copyOf(calls);
        if (kernelLinesPerEntry < 0) throw new IllegalArgumentException("kernel_lines_per_entry = " + kernelLinesPerEntry + " is not allowed; allowed: >= 0");
        if (userTlbPages < 0) throw new IllegalArgumentException("user_tlb_pages = " + userTlbPages + " is not allowed; allowed: >= 0");
    }

    /** The workload of the given name. */
    public static Workload byName(String name) {
        return switch (name) {
            case "memcached" -> memcachedLike();
            case "nginx" -> nginxLike();
            default -> throw new IllegalArgumentException("workload = " + name + " is not allowed; allowed: one of memcached, nginx");
        };
    }

    /**
     * A memcached-like get: a small request read, a hash lookup, a small reply. ASSUMPTION (all values): a few
     * thousand handler instructions and two socket calls of ~1.5k and ~2.5k kernel instructions moving ~100 bytes
     * each, the order of magnitude profilers show for small-value memcached gets; 40 lines and 16 pages of handler
     * state disturbed/refilled per kernel entry.
     */
    public static Workload memcachedLike() {
        return new Workload("memcached", 3_000, List.of(
                new CallRequest("recvmsg", 1_500, 0, 100, true, false),
                new CallRequest("sendmsg", 2_500, 0, 100, true, false)), 40, 16);
    }

    /**
     * An nginx-like static file of 4 KB from the page cache: request read, open, fstat, headers, sendfile, close.
     * ASSUMPTION (all values): ~20k handler instructions (HTTP parsing, header building, logging) and six calls of
     * 0.8k-8k kernel instructions, the order of magnitude of published nginx profiles; 60 lines and 32 pages.
     */
    public static Workload nginxLike() {
        return new Workload("nginx", 20_000, List.of(
                new CallRequest("recv", 1_500, 0, 300, true, false),
                new CallRequest("openat", 3_000, 0, 0, true, false),
                new CallRequest("fstat", 800, 0, 144, true, false),
                new CallRequest("writev", 2_500, 0, 250, true, false),
                new CallRequest("sendfile", 8_000, 0, 0, true, false),
                new CallRequest("close", 1_000, 0, 0, true, false)), 60, 32);
    }
}
