package org.syscalllab.os.lock;

/** Whoever takes a lock: the OS model's threads. A lock only needs an identity and the CPU the holder runs on. */
public interface Holder {
    /** A unique id. */
    long id();

    /** The CPU the holder currently runs (or spins) on, or -1 if it is not on a CPU. */
    int cpu();
}
