package org.syscalllab.mech;

/**
 * The life of a FlexSC syscall entry (FlexSC §3.1, Fig. 6): the user finds a {@code FREE} entry and writes the call
 * number and arguments, then the status {@code SUBMITTED} last; a syscall thread marks it {@code BUSY} when it picks it
 * up and {@code DONE} when the return value is posted; the user reads the result and sets it {@code FREE} again.
 */
public enum SyscallEntryState {
    FREE, SUBMITTED, BUSY, DONE;

    /** The only state this one may move to. */
    public SyscallEntryState next() {
        return switch (this) {
            case FREE -> SUBMITTED;
            case SUBMITTED -> BUSY;
            case BUSY -> DONE;
            case DONE -> FREE;
        };
    }
}
