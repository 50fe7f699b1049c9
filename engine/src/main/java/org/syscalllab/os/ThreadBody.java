package org.syscalllab.os;

/** A thread's program: the kernel asks for the next step whenever the previous one is done. */
@FunctionalInterface
public interface ThreadBody {
    /** The next step of {@code self}; return {@link Op#EXIT} to end. */
    Op next(KThread self);
}
