package org.syscalllab.kernel;

import java.lang.reflect.Field;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Set;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.Loop;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * The kernel's five sockets, hardened: they bind to the loopback interface only, the iopub socket never drops output,
 * and a malformed or wrongly signed message is logged and skipped instead of killing the shell or control thread.
 */
final class Connection extends JupyterConnection {
    /** Addresses accepted in a connection file; anything else is refused rather than exposed on a network. */
    static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost");

    /** How long a loop pauses after a failed message before polling again (the base library's shell loop pause). */
    private static final long PAUSE_AFTER_ERROR_MS = 50;

    private Connection(KernelConnectionProperties props) throws NoSuchAlgorithmException, InvalidKeyException {
        super(props);
        // 0 = no high-water mark: a cell that prints many lines faster than the client reads must lose none of them
        getIOPub().setSndHWM(0);
    }

    /** A connection for {@code props}, which must name the loopback interface (and tcp or ipc transport). */
    static Connection open(KernelConnectionProperties props) throws NoSuchAlgorithmException, InvalidKeyException {
        return new Connection(loopbackOnly(props));
    }

    static KernelConnectionProperties loopbackOnly(KernelConnectionProperties p) {
        String transport = p.getTransport() == null ? "tcp" : p.getTransport();
        if (transport.equals("ipc")) return p;
        if (!transport.equals("tcp")) throw new IllegalArgumentException("transport = " + transport + ", allowed tcp or ipc");
        if (p.getIp() == null || !LOOPBACK.contains(p.getIp())) {
            throw new IllegalArgumentException("ip = " + p.getIp() + ": the syscall-lab kernel listens on 127.0.0.1 only");
        }
        return new KernelConnectionProperties("127.0.0.1", p.getControlPort(), p.getShellPort(), p.getStdinPort(),
                p.getHbPort(), p.getIopubPort(), transport, p.getSignatureScheme(), p.getKey());
    }

    /** Binds the sockets, then makes the shell and control loops survive a bad message. */
    @Override
    public void connect() {
        super.connect();
        survive(shell);
        survive(control);
    }

    private static void survive(ShellChannel channel) {
        Loop loop = loopOf(channel);
        if (loop == null) return;
        loop.onError(t -> {
            System.err.println("[syscall-lab kernel] " + loop.getName() + ": message skipped: " + t);
            return PAUSE_AFTER_ERROR_MS;
        });
    }

    private static Loop loopOf(ShellChannel channel) {
        try {
            Field f = ShellChannel.class.getDeclaredField("ioloop");
            f.setAccessible(true);
            return (Loop) f.get(channel);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("jjava-jupyter changed: ShellChannel.ioloop is gone", e);
        }
    }
}
