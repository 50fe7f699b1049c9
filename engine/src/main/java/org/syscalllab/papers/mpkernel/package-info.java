/**
 * Kågström's licentiate thesis "Performance and Implementation Complexity in Multiprocessor Operating System Kernels"
 * (2005), reproduced on the OS model of {@code org.syscalllab.os}. Chapter 2 compares the Linux 2.0-2.6 locking
 * schemes on Postmark (Fig 2.2) and places them in the design space (Fig 2.3); Chapter 3 ports an in-house kernel to
 * SMP behind a giant lock (Table 3.1); Chapter 4 adds SMP support with an application kernel that forwards system
 * calls to the bootstrap processor (Tables 4.2-4.4). Each experiment states its workload inputs with their source or
 * as an assumption; speedups, spin shares and latencies come out of the simulated kernels.
 */
package org.syscalllab.papers.mpkernel;
