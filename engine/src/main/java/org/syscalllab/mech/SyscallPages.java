package org.syscalllab.mech;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The syscall pages one kernel-visible thread registered (FlexSC §3.1-3.2): {@code pages} pages of
 * {@code entriesPerPage} 64-byte entries, each entry following {@link SyscallEntryState}'s cycle. An entry can only
 * move to its next state; any other move throws {@link IllegalStateException}, so a run that completes an entry twice,
 * or reuses one before its result was read, fails loudly. Submitted entries are taken in submission order (FlexSC
 * leaves the order open, §7; FIFO is the simplest fair choice). Each entry carries an opaque tag (the user thread that
 * posted it).
 */
public final class SyscallPages {
    /** 64-byte entries in a 4 KB page (FlexSC Fig. 16 caption: "Each syscall page contains 64 syscall entries"). */
    public static final int DEFAULT_ENTRIES_PER_PAGE = 64;
    /** FlexSC §5: "8 syscall pages per core" in every experiment except the Fig. 16 sweep. */
    public static final int DEFAULT_PAGES = 8;

    private final int owner;
    private final int entriesPerPage;
    private final SyscallEntryState[] state;
    private final long[] tag;
    private final ArrayDeque<Integer> free = new ArrayDeque<>();
    private final ArrayDeque<Integer> submitted = new ArrayDeque<>();
    private final int[] count = new int[SyscallEntryState.values().length];
    private long submissions;
    private long completions;
    private long reaped;

    /**
     * @param owner          the core (kernel-visible thread) that registered the pages
     * @param pages          syscall pages, at least 1
     * @param entriesPerPage entries per page, at least 1
     */
    public SyscallPages(int owner, int pages, int entriesPerPage) {
        if (owner < 0) throw new IllegalArgumentException("owner = " + owner + " is not allowed; allowed: >= 0");
        if (pages < 1 || pages > 4096) throw new IllegalArgumentException("pages = " + pages + " is not allowed; allowed: [1, 4096]");
        if (entriesPerPage < 1 || entriesPerPage > 4096) {
            throw new IllegalArgumentException("entries_per_page = " + entriesPerPage + " is not allowed; allowed: [1, 4096]");
        }
        this.owner = owner;
        this.entriesPerPage = entriesPerPage;
        int n = pages * entriesPerPage;
        state = new SyscallEntryState[n];
        tag = new long[n];
        Arrays.fill(state, SyscallEntryState.FREE);
        for (int i = 0; i < n; i++) free.add(i);
        count[SyscallEntryState.FREE.ordinal()] = n;
    }

    public int owner() { return owner; }

    public int capacity() { return state.length; }

    /** The page an entry lives on. */
    public int pageOf(int entry) { return entry / entriesPerPage; }

    public int count(SyscallEntryState s) { return count[s.ordinal()]; }

    public boolean hasFree() { return !free.isEmpty(); }

    public boolean hasSubmitted() { return !submitted.isEmpty(); }

    public SyscallEntryState state(int entry) { return state[entry]; }

    public long tag(int entry) { return tag[entry]; }

    /** The user posts a call: a free entry becomes submitted; returns the entry, or -1 if every entry is in use. */
    public int submit(long tagValue) {
        Integer e = free.poll();
        if (e == null) return -1;
        move(e, SyscallEntryState.SUBMITTED);
        tag[e] = tagValue;
        submitted.add(e);
        submissions++;
        return e;
    }

    /** A syscall thread picks up the oldest submitted entry (now busy); -1 if none is submitted. */
    public int take() {
        Integer e = submitted.poll();
        if (e == null) return -1;
        move(e, SyscallEntryState.BUSY);
        return e;
    }

    /** A syscall thread posts the result of a busy entry. */
    public void complete(int entry) {
        move(entry, SyscallEntryState.DONE);
        completions++;
    }

    /** The user reads a done entry's result and frees it; returns its tag. */
    public long reap(int entry) {
        move(entry, SyscallEntryState.FREE);
        free.add(entry);
        reaped++;
        return tag[entry];
    }

    private void move(int e, SyscallEntryState to) {
        if (e < 0 || e >= state.length) throw new IllegalArgumentException("entry = " + e + " is not allowed; allowed: [0, " + (state.length - 1) + "]");
        SyscallEntryState from = state[e];
        if (from.next() != to) throw new IllegalStateException("entry " + e + " of core " + owner + " cannot go from " + from + " to " + to);
        count[from.ordinal()]--;
        count[to.ordinal()]++;
        state[e] = to;
    }

    public long submissions() { return submissions; }

    public long completions() { return completions; }

    public long reaped() { return reaped; }
}
