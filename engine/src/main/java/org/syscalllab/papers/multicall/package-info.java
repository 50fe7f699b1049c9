/**
 * System Call Clustering (Rajagopalan, Debray, Hiltunen, Schlichting): multi-calls found by profiling. The copy
 * program and mpeg_play are written in the clustering algorithm's statement language ({@link
 * org.syscalllab.papers.multicall.PaperPrograms}); the algorithm of {@code clustering} finds their clusters and rewrites
 * them; every kernel crossing of the rewritten program is priced by the mechanisms of {@code mech} (a trap, a
 * multi-call, a looped multi-call) on a cost model built from the Pentium II laptop preset and the per-call kernel
 * paths of this package. The experiments are the paper's Tables 1-4 and Figure 8.
 */
package org.syscalllab.papers.multicall;
