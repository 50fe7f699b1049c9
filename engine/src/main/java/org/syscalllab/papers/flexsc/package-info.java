/**
 * FlexSC (Soares and Stumm, OSDI 2010), part 1, the cost of a system call: a compute program (Xalan-like or
 * SPEC-JBB-like) runs on the paper's Nehalem with a synchronous call every N user instructions; the kernel path's
 * footprint evicts the program's lines and the program re-misses afterwards. Table 1 counts the evictions of one call,
 * Figure 1 follows user IPC after one pwrite, Figures 2 and 3 sweep the call frequency and split the loss into the
 * direct part (a null call) and the indirect part (pwrite minus null), and Figure 4 shows kernel IPC against the same
 * frequency.
 */
package org.syscalllab.papers.flexsc;
