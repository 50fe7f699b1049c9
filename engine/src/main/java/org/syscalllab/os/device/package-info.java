/**
 * Devices a thread can block on, each a FIFO single server on the simulation clock: a disk (seek, rotation and
 * transfer), a page cache in front of it (LRU over pages; a hit costs no I/O), and a network interface (latency plus
 * bytes over bandwidth). A device calls back when a request completes; the OS model wakes the waiting thread.
 */
package org.syscalllab.os.device;
