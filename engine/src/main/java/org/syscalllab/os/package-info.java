/**
 * The operating-system model: kernel-visible and user-level threads, per-core run queues with affinity, the system-call table, locks with a granularity policy, devices, and the organisations of a multiprocessor kernel.
 */
package org.syscalllab.os;
