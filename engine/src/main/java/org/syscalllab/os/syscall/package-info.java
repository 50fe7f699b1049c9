/**
 * The system-call table: for each call its kernel path (instructions and cycles per instruction), its cache
 * footprint, the subsystem it belongs to, its own fine-grained critical sections, and the device it may block on; and
 * the {@link org.syscalllab.os.syscall.LockPolicy} that turns a granularity setting into the locks a call takes.
 */
package org.syscalllab.os.syscall;
