package org.syscalllab.papers.multicall.clustering;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A small kernel for the interpreter: files with sizes, descriptors from 3 up, and the calls the paper's workloads
 * use. {@code read(fd, buf, size)} returns the bytes left up to {@code size} (0 at end of file); {@code write} and
 * {@code sendto} return their length; {@code gettimeofday} fills a timeval (8 bytes); {@code select} returns 0 (its
 * timeout passed); {@code open}, {@code creat} return a new descriptor. A failure can be injected at the k-th
 * execution of a call site, to exercise error paths. Mutable: one instance per interpreter run.
 */
public final class FileKernel implements Semantics {
    /** The value a failed call returns (-EINVAL). */
    public static final long FAILURE = -22;
    /** Bytes of a {@code struct timeval} (two 32-bit longs on the paper's Linux/x86). */
    public static final long TIMEVAL_BYTES = 8;

    private final Map<Long, Long> sizeOfPath;
    private final Map<Long, long[]> open = new HashMap<>(); // fd -> {size, offset}
    private final Map<String, Integer> executions = new HashMap<>();
    private final Set<String> failures = new HashSet<>();
    private long nextFd = 3;

    /** @param sizeOfPath the size in bytes of each input file, keyed by its path constant's value */
    public FileKernel(Map<Long, Long> sizeOfPath) {
        for (Map.Entry<Long, Long> e : sizeOfPath.entrySet()) {
            if (e.getValue() < 0) throw new IllegalArgumentException("file size = " + e.getValue() + " is not allowed; allowed: >= 0");
        }
        this.sizeOfPath = Map.copyOf(sizeOfPath);
    }

    /** Makes the k-th (1-based) execution of a call site fail. */
    public FileKernel failAt(String site, int k) {
        if (k < 1) throw new IllegalArgumentException("k = " + k + " is not allowed; allowed: >= 1");
        failures.add(site + "#" + k);
        return this;
    }

    @Override
    public Outcome call(String site, String name, long[] a) {
        int k = executions.merge(site, 1, Integer::sum);
        if (failures.contains(site + "#" + k)) return new Outcome(FAILURE, 0);
        switch (name) {
            case "open": {
                Long size = sizeOfPath.get(arg(a, 0));
                if (size == null) return new Outcome(FAILURE, 0);
                long fd = nextFd++;
                open.put(fd, new long[] {size, 0});
                return new Outcome(fd, 0);
            }
            case "creat": {
                long fd = nextFd++;
                open.put(fd, new long[] {0, 0});
                return new Outcome(fd, 0);
            }
            case "read": {
                long[] f = open.get(arg(a, 0));
                if (f == null) return new Outcome(FAILURE, 0);
                long n = Math.max(0, Math.min(arg(a, 2), f[0] - f[1]));
                f[1] += n;
                return new Outcome(n, n);
            }
            case "write": {
                long[] f = open.get(arg(a, 0));
                if (f == null) return new Outcome(FAILURE, 0);
                long n = Math.max(0, arg(a, 2));
                f[1] += n;
                f[0] = Math.max(f[0], f[1]);
                return new Outcome(n, n);
            }
            case "sendto": {
                long n = Math.max(0, arg(a, 2));
                return new Outcome(n, n);
            }
            case "close": {
                return new Outcome(open.remove(arg(a, 0)) == null ? FAILURE : 0, 0);
            }
            case "gettimeofday":
                return new Outcome(0, TIMEVAL_BYTES);
            case "select":
                return new Outcome(0, TIMEVAL_BYTES);
            default:
                return new Outcome(0, 0);
        }
    }

    private static long arg(long[] a, int i) { return i < a.length ? a[i] : 0; }
}
