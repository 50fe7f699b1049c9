/**
 * Evaluating notebook cells with the JShell API inside the kernel's own JVM: a cell is split into snippets and run in
 * order on one evaluation thread, its last expression's value is kept as an object (not a string) so that it can be
 * rendered, compile and runtime errors become {@link org.syscalllab.kernel.eval.CellError}s carrying the message, an
 * interrupt reaches the running code (thread interrupt first, then JShell's stop), and the {@code %classpath} /
 * {@code %jars} magics extend the class path. The cell's classes pass through {@link org.syscalllab.kernel.eval.ExitGuard}
 * on loading, so that an exit call in a cell is refused instead of ending the kernel. Completion, inspection and completeness checks use JShell's source
 * analysis on the snippet under the cursor.
 */
package org.syscalllab.kernel.eval;
