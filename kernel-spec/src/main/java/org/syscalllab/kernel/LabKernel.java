package org.syscalllab.kernel;

import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.reply.HistoryReply;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.syscalllab.kernel.eval.CellError;
import org.syscalllab.kernel.eval.CellEvaluator;
import org.syscalllab.kernel.render.RenderException;
import org.syscalllab.kernel.render.Renderers;

/**
 * The Jupyter side of the kernel: turns protocol requests into calls on a {@link CellEvaluator} and renders values
 * with {@link Renderers}. Differences from the base library's defaults, each needed for a correct notebook run:
 * errors keep the cell's own exception name and a readable traceback; any {@code Throwable} becomes an error reply
 * (an {@code Error} escaping the base handler would kill the shell thread); {@code kernel_info_reply} carries
 * {@code status: ok}; a {@code history_request} gets an empty answer instead of none.
 */
public final class LabKernel extends BaseKernel {
    static final String NAME = "syscall-lab";
    static final String VERSION = versionOf(LabKernel.class);

    private final CellEvaluator evaluator;
    private volatile Renderers renderers;
    private volatile ShellReplyEnvironment running; // the execute request being answered, if any
    private final long maxOutputBytes;
    private CellOutput cellOutput;                  // the running cell's streams; guarded by this
    private final long maxDisplayBytes;
    private volatile DisplayBudget displayBudget;   // the running (or last) cell's rich-output budget

    LabKernel(CellEvaluator evaluator, Renderers renderers) {
        this(evaluator, renderers, CellOutput.DEFAULT_LIMIT, DisplayBudget.DEFAULT_LIMIT);
    }

    /**
     * @param maxOutputBytes  bytes of stdout and stderr a cell may print; the rest is dropped with a notice
     * @param maxDisplayBytes bytes of rich output (displays and the cell's value) a cell may send; see {@link DisplayBudget}
     */
    LabKernel(CellEvaluator evaluator, Renderers renderers, long maxOutputBytes, long maxDisplayBytes) {
        super(NAME, VERSION, languageInfo(), List.of(), null, new JupyterIO(StandardCharsets.UTF_8), new CommManager(),
                new Renderer(), null, null, false, new StringStyler.Builder().build());
        if (maxOutputBytes < 0) {
            throw new IllegalArgumentException(CellOutput.PROPERTY + " = " + maxOutputBytes + " is not allowed; allowed: >= 0");
        }
        this.evaluator = evaluator;
        this.renderers = renderers;
        this.maxOutputBytes = maxOutputBytes;
        this.maxDisplayBytes = maxDisplayBytes;
        this.displayBudget = new DisplayBudget(maxDisplayBytes);
        evaluator.onClasspathChange(() -> this.renderers = this.renderers.withServicesFrom(evaluator.snippetLoader()));
    }

    /** The running kernel, for the functions of {@link Notebook}. */
    static LabKernel current() {
        BaseKernel k;
        try {
            k = BaseKernel.notebookKernel();
        } catch (NullPointerException e) {
            throw new IllegalStateException("display and progress bars work only inside the syscall-lab Jupyter kernel");
        }
        if (!(k instanceof LabKernel lab)) throw new IllegalStateException("the running kernel is not the syscall-lab kernel: " + k.getBanner());
        return lab;
    }

    private static LanguageInfo languageInfo() {
        return new LanguageInfo.Builder("java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("java")
                .build();
    }

    private static String versionOf(Class<?> c) {
        String v = c.getPackage() == null ? null : c.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    Renderers renderers() {
        return renderers;
    }

    CellEvaluator evaluator() {
        return evaluator;
    }

    // --------------------------------------------------------------------------------------------------- display

    DisplayRef display(Map<String, String> bundle) {
        DisplayData data = toDisplayData(displayBudget.admit(bundle));
        String id = UUID.randomUUID().toString();
        data.setDisplayId(id);
        display(data);
        return new DisplayRef(id);
    }

    void updateDisplay(DisplayRef ref, Map<String, String> bundle) {
        getIO().display.updateDisplay(ref.id(), toDisplayData(displayBudget.admitUpdate(bundle)));
    }

    /** Clears the running cell's output, now or ({@code wait}) when the next output arrives. */
    void clearOutput(boolean wait) {
        ShellReplyEnvironment env = running;
        if (env != null) env.publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
    }

    static DisplayData toDisplayData(Map<String, String> bundle) {
        DisplayData data = new DisplayData();
        bundle.forEach(data::putData);
        return data;
    }

    // ------------------------------------------------------------------------------------------------ evaluation

    /** The cell's value as an object, or null when there is nothing to show (no value, null, a display handle). */
    @Override
    public Object evalRaw(String source) {
        CellEvaluator.Outcome outcome = evaluator.eval(source);
        Object value = outcome.value().orElse(null);
        if (outcome.implicit() && value instanceof DisplayRef) return null; // `display(x)` as the last line
        return value;
    }

    @Override
    public DisplayData eval(String source) {
        Object value = evalRaw(source);
        if (value == null) return null;
        try {
            return toDisplayData(displayBudget.admit(renderers.render(value)));
        } catch (RenderException e) {
            throw renderError(e);
        }
    }

    /** A renderer that threw while showing the cell's value: the cell fails with what the renderer threw. */
    static CellError renderError(RenderException e) {
        List<String> tb = new ArrayList<>();
        tb.add("RenderError: " + e.getMessage());
        Throwable c = e.getCause();
        if (c != null) {
            tb.add("Caused by: " + c);
            for (StackTraceElement f : c.getStackTrace()) {
                if (f.getClassName().startsWith(Renderers.class.getName())) break; // the kernel's own frames
                tb.add("\tat " + f);
            }
        }
        return new CellError("RenderError", e.getMessage(), tb);
    }

    /** The cell's own stdout and stderr, capped (see {@link CellOutput}); restored when the request is answered. */
    @Override
    protected synchronized void replaceOutputStreams(ShellReplyEnvironment env) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        InputStream oldIn = System.in;
        CellOutput cell = new CellOutput(io.out, io.err, maxOutputBytes);
        cellOutput = cell;
        displayBudget = new DisplayBudget(maxDisplayBytes);
        System.setOut(cell.out());
        System.setErr(cell.err());
        System.setIn(io.in);
        env.defer(() -> {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
        });
    }

    /** Flushes the cell's streams (and the notice of dropped output) while they are still bound to the request. */
    private void endOutput() {
        CellOutput cell = cellOutput;
        cellOutput = null;
        if (cell != null) cell.finish();
    }

    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        int count = executionCount.getAndIncrement();
        env.setBusyDeferIdle();
        env.publish(new PublishExecuteInput(request.getCode(), count));
        replaceOutputStreams(env);
        IoBinding.attach(io, env, request.isStdinEnabled());
        running = env;
        env.defer(() -> {
            running = null;
            IoBinding.detach(io, env);
        });
        try {
            DisplayData out = eval(request.getCode());
            endOutput();
            if (out != null) env.publish(new PublishExecuteResult(count, out));
            env.defer().reply(new ExecuteReply(count, Collections.emptyMap()));
        } catch (Throwable t) {
            endOutput();
            CellError e = asCellError(t);
            ErrorReply reply = new ErrorReply(e.ename(), e.evalue(), e.traceback());
            reply.setExecutionCount(count);
            env.publish(new PublishError(e.ename(), e.evalue(), styled(e.traceback())));
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
        }
    }

    /** Errors of the cell pass as they are; anything else is a kernel-side failure, shown with its stack trace. */
    static CellError asCellError(Throwable t) {
        if (t instanceof CellError c) return c;
        List<String> tb = new ArrayList<>();
        tb.add(t.toString());
        for (StackTraceElement f : t.getStackTrace()) tb.add("\tat " + f);
        String msg = t.getMessage() == null ? "" : t.getMessage();
        return new CellError(t.getClass().getSimpleName(), msg, tb);
    }

    /** The first line (the error itself) in bold red, the rest as is. */
    private static List<String> styled(List<String> traceback) {
        List<String> out = new ArrayList<>(traceback);
        if (!out.isEmpty()) out.set(0, "\u001b[1;31m" + out.get(0) + "\u001b[0m");
        return out;
    }

    @Override
    public void interrupt() {
        evaluator.interrupt();
    }

    // ------------------------------------------------------------------------------- completion, inspection

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return evaluator.inspect(code, at).map(DisplayData::new).orElse(null);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        CellEvaluator.Completions c = evaluator.complete(code, at);
        return new ReplacementOptions(c.matches(), c.start(), c.end());
    }

    @Override
    public String isComplete(String code) {
        return evaluator.isComplete(code);
    }

    // -------------------------------------------------------------------------------------- protocol fixes

    /** The base library's reply has no {@code status}; clients (and jupyter_kernel_test) expect "ok". */
    static final class KernelInfoOk extends KernelInfoReply {
        @SuppressWarnings("unused") // serialized by Gson
        private final String status = "ok";

        KernelInfoOk(String protocolVersion, String implementation, String implementationVersion, LanguageInfo info,
                     String banner) {
            super(protocolVersion, implementation, implementationVersion, info, banner, List.of());
        }
    }

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new KernelInfoOk(Header.PROTOCOL_VERISON, name, version, getLanguageInfo(), getBanner()));
    }

    /** No history is kept; answer with an empty one so that a client asking does not wait for its timeout. */
    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new HistoryReply(List.of()));
    }

    /**
     * Run by the JVM's shutdown hook. When a cell is running, code it called is ending the process (a library's
     * {@code System.exit}; the cell's own exit calls are refused by {@code ExitGuard}): say so to the client on the
     * cell's stderr, and give the message a moment to leave before the process ends.
     */
    void onJvmExit() {
        if (running == null) return;
        System.err.println("\n[syscall-lab kernel] the kernel is ending: code called by this cell exited the JVM "
                + "(an exit in code on the kernel's own class path); restart the kernel to go on");
        System.err.flush();
        try {
            Thread.sleep(EXIT_NOTICE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** ASSUMPTION: half a second lets the last iopub message leave the socket on a loaded machine. */
    static final long EXIT_NOTICE_MILLIS = 500;

    @Override
    public void onShutdown(boolean isRestarting) {
        super.onShutdown(isRestarting);
        evaluator.close();
    }

    /**
     * Attaches the cell's streams and display to a request's reply environment. The base library keeps these methods
     * package-private to its own handler; a kernel that writes its own execute handler reaches them reflectively.
     */
    static final class IoBinding {
        private static final Method SET_ENV = method("setEnv", ShellReplyEnvironment.class);
        private static final Method RETRACT_ENV = method("retractEnv", ShellReplyEnvironment.class);
        private static final Method SET_IN_ENABLED = method("setJupyterInEnabled", boolean.class);

        private IoBinding() { }

        private static Method method(String name, Class<?>... types) {
            try {
                Method m = JupyterIO.class.getDeclaredMethod(name, types);
                m.setAccessible(true);
                return m;
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("jjava-jupyter changed: JupyterIO." + name + " is gone", e);
            }
        }

        static void attach(JupyterIO io, ShellReplyEnvironment env, boolean stdin) {
            invoke(SET_ENV, io, env);
            invoke(SET_IN_ENABLED, io, stdin);
        }

        static void detach(JupyterIO io, ShellReplyEnvironment env) {
            invoke(RETRACT_ENV, io, env);
        }

        private static void invoke(Method m, Object target, Object arg) {
            try {
                m.invoke(target, arg);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
