package org.syscalllab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.junit.jupiter.api.Test;
import org.syscalllab.kernel.eval.CellError;

class KernelPartsTest {
    static KernelConnectionProperties props(String ip, String transport) {
        return new KernelConnectionProperties(ip, 1, 2, 3, 4, 5, transport, "hmac-sha256", "k");
    }

    @Test
    void onlyTheLoopbackInterfaceIsAccepted() {
        assertEquals("127.0.0.1", Connection.loopbackOnly(props("localhost", "tcp")).getIp());
        assertEquals("127.0.0.1", Connection.loopbackOnly(props("127.0.0.1", "tcp")).getIp());
        for (String ip : List.of("0.0.0.0", "*", "192.168.1.5", "::")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Connection.loopbackOnly(props(ip, "tcp")));
            assertTrue(e.getMessage().contains("127.0.0.1 only"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Connection.loopbackOnly(props("127.0.0.1", "udp")));
        assertEquals("ipc", Connection.loopbackOnly(props("kernel-ipc", "ipc")).getTransport());
    }

    @Test
    void aKernelSideFailureBecomesAnErrorWithItsStackTrace() {
        CellError e = LabKernel.asCellError(new OutOfMemoryError("heap"));
        assertEquals("OutOfMemoryError", e.ename());
        assertEquals("heap", e.evalue());
        assertTrue(e.traceback().get(0).contains("OutOfMemoryError"));
        CellError own = new CellError("X", "y", List.of("z"));
        assertTrue(LabKernel.asCellError(own) == own);
    }

    @Test
    void aFailingRendererBecomesARenderErrorNamingIt() {
        org.syscalllab.report.Displayable broken = () -> {
            throw new IllegalStateException("chart lost");
        };
        var e = assertThrows(org.syscalllab.kernel.render.RenderException.class,
                () -> org.syscalllab.kernel.render.Renderers.builtIn().render(broken));
        CellError c = LabKernel.renderError(e);
        assertEquals("RenderError", c.ename());
        assertTrue(c.evalue().contains("DisplayableRenderer") && c.evalue().contains("chart lost"), c.evalue());
        assertTrue(c.traceback().get(1).startsWith("Caused by: java.lang.IllegalStateException"), c.traceback().toString());
    }

    @Test
    void displayRefsNeedAnId() {
        assertThrows(IllegalArgumentException.class, () -> new DisplayRef(" "));
        assertEquals("abc", new DisplayRef("abc").toString());
    }

    @Test
    void outsideTheKernelDisplayExplainsWhy() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Notebook.display("x"));
        assertTrue(e.getMessage().contains("only inside"), e.getMessage());
    }

    @Test
    void theStartupEndsWithTheKernelOnlyImport() throws Exception {
        String s = Main.startup();
        assertTrue(s.contains("import org.syscalllab.experiment.*;"));
        assertTrue(s.strip().endsWith(Main.KERNEL_IMPORTS.strip()));
    }
}
