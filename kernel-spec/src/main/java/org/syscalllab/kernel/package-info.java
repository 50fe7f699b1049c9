/**
 * The syscall-lab Jupyter kernel, in the IJava tradition: a kernel on the jjava-jupyter base library whose cells are
 * Java, evaluated by JShell inside the kernel's own JVM so that displays and interrupts reach the running code.
 * {@link org.syscalllab.kernel.Main} starts it from a Jupyter connection file (sockets on 127.0.0.1 only),
 * {@link org.syscalllab.kernel.LabKernel} answers the protocol, and {@link org.syscalllab.kernel.Notebook} holds the
 * functions every cell can call ({@code display}, {@code updateDisplay}, {@code progressBar}).
 */
package org.syscalllab.kernel;
