package org.syscalllab.mech;

import java.util.ArrayList;
import java.util.List;

/**
 * FlexSC's multicore placement (§3.3): a static ordered list of cores; for each scheduling decision the first core on
 * the list that is not already running a syscall thread of the process is chosen (so kernel work fills cores in list
 * order, and at most one syscall thread of the process is active per core). Tracks which cores have an active syscall
 * thread and enforces that bound.
 */
public final class SyscallCoreList {
    private final int[] order;
    private final boolean[] active;
    private int activeCount;

    /** @param order distinct core numbers in [0, cores), at least one */
    public SyscallCoreList(List<Integer> order, int cores) {
        if (cores < 1) throw new IllegalArgumentException("cores = " + cores + " is not allowed; allowed: >= 1");
        if (order == null || order.isEmpty()) throw new IllegalArgumentException("core_list is empty; allowed: distinct cores in [0, " + (cores - 1) + "]");
        boolean[] seen = new boolean[cores];
        this.order = new int[order.size()];
        for (int i = 0; i < order.size(); i++) {
            int c = order.get(i);
            if (c < 0 || c >= cores || seen[c]) {
                throw new IllegalArgumentException("core_list = " + order + " is not allowed; allowed: distinct cores in [0, " + (cores - 1) + "]");
            }
            seen[c] = true;
            this.order[i] = c;
        }
        this.active = new boolean[cores];
    }

    /** The default list for {@code n} cores of a machine with {@code cores}: 0, 1, ..., n-1. */
    public static List<Integer> firstN(int n) {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < n; i++) l.add(i);
        return l;
    }

    /** The first listed core with no active syscall thread, other than {@code exclude} (-1 for none); -1 if none. */
    public int pick(int exclude) {
        for (int c : order) if (c != exclude && !active[c]) return c;
        return -1;
    }

    public boolean listed(int core) {
        for (int c : order) if (c == core) return true;
        return false;
    }

    public boolean isActive(int core) { return active[core]; }

    public int activeCount() { return activeCount; }

    /** A syscall thread of the process starts on {@code core}; a second one on the same core is an error. */
    public void activate(int core) {
        if (active[core]) throw new IllegalStateException("a syscall thread of the process is already active on core " + core);
        active[core] = true;
        activeCount++;
    }

    public void deactivate(int core) {
        if (!active[core]) throw new IllegalStateException("no syscall thread is active on core " + core);
        active[core] = false;
        activeCount--;
    }
}
