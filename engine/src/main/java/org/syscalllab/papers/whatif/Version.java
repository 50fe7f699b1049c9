package org.syscalllab.papers.whatif;

/** How the event loop gets its system calls done. */
public enum Version {
    /** One trap per call, after one {@code epoll_wait} per loop iteration. */
    SYNC("sync"),
    /**
     * Exception-less calls through a libflexsc-style library: the loop writes each call into a free entry of its
     * syscall pages and carries on; syscall threads (on the loop's core after a {@code flexsc_wait}, or on dedicated
     * cores) execute the entries; the loop reads the results and frees the entries.
     */
    FLEXSC("flexsc"),
    /** All of an iteration's calls as SQEs, submitted (and completions reaped) by {@code io_uring_enter}. */
    IO_URING("io_uring"),
    /** SQEs consumed by a kernel poller thread; the loop enters the kernel only to wake the poller or to block. */
    SQPOLL("sqpoll");

    private final String series;

    Version(String series) { this.series = series; }

    /** The series name in result tables. */
    public String series() { return series; }
}
