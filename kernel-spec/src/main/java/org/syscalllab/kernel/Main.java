package org.syscalllab.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.syscalllab.kernel.eval.CellEvaluator;
import org.syscalllab.kernel.render.Renderers;

/**
 * Starts the kernel: {@code java org.syscalllab.kernel.Main <connection-file>}. The JShell is built on its own thread
 * once the sockets are bound, so the kernel answers {@code kernel_info} at once and the first cell waits only for what
 * is left of the JShell start.
 *
 * <p>System property {@code syscalllab.kernel.stopGraceMillis} (default 1000): how long an interrupted cell may take to
 * stop by itself before JShell stops it. System property {@code syscalllab.kernel.maxOutputBytes} (default 1 MiB): how
 * much stdout and stderr one cell may print; the rest is dropped with a notice.
 */
public final class Main {
    /** The imports every cell starts with (shared with {@code ./lab jshell}). */
    static final String STARTUP_RESOURCE = "/org/syscalllab/kernel/startup.jsh";
    /** Kernel-only: the display functions, which plain jshell does not have. */
    static final String KERNEL_IMPORTS = "import static org.syscalllab.kernel.Notebook.*;\n";

    private Main() { }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java org.syscalllab.kernel.Main <jupyter-connection-file>");
            System.exit(2);
        }
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        Connection connection;
        try {
            connection = Connection.open(props);
        } catch (IllegalArgumentException e) {
            System.err.println("[syscall-lab kernel] refusing to start: " + e.getMessage());
            System.exit(2);
            return;
        }

        Duration grace = Duration.ofMillis(Long.getLong("syscalllab.kernel.stopGraceMillis", 1000));
        CellEvaluator evaluator = new CellEvaluator(
                new CellEvaluator.Options(startup(), grace, Path.of("").toAbsolutePath()), System.err);
        LabKernel kernel = new LabKernel(evaluator, Renderers.builtIn().withServicesFrom(Main.class.getClassLoader()),
                CellOutput.limitFromProperties(), DisplayBudget.limitFromProperties());

        Runtime.getRuntime().addShutdownHook(new Thread(kernel::onJvmExit, "syscall-lab-exit-notice"));
        kernel.becomeHandlerForConnection(connection); // before connect: an early request must find its handler
        kernel.onStartup();
        connection.connect();
        evaluator.start(); // after the sockets: the kernel answers kernel_info while JShell starts
        connection.waitUntilClose();
        System.exit(0);
    }

    /** startup.jsh followed by the kernel-only imports. */
    static String startup() throws IOException {
        try (InputStream in = Main.class.getResourceAsStream(STARTUP_RESOURCE)) {
            if (in == null) throw new IOException("missing resource " + STARTUP_RESOURCE);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8) + "\n" + KERNEL_IMPORTS;
        }
    }
}
