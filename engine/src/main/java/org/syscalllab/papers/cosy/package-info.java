/**
 * The Cosy paper (compound system calls, with zero-copy through a shared buffer): its testbed (a 1.7 GHz Pentium 4
 * with 128 MB and a 10,000 RPM SCSI disk under Linux 2.4.20), a compact Linux model of the page cache with
 * bdflush-style writeback, the disk and the dentry cache, and its benchmarks written twice, as the vanilla program and
 * as the Cosy program whose marked section became a compound: the getpid micro-benchmark (Figure 2), the database
 * simulation with 1, 2 and 4 processes (Figures 3 and 4), Bonnie's block phases (Figure 5), ls -l with a cold cache
 * (Figure 6) and grep (Figure 7). Each figure is an experiment whose defaults are the paper's setup; every result comes
 * from running the programs on the model, and every input the paper does not give is an editable assumption.
 */
package org.syscalllab.papers.cosy;
