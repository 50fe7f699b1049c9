package org.syscalllab.kernel.eval;

import java.lang.reflect.Field;
import java.util.Map;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs snippets in this JVM (so {@code display()} and the kernel's renderers see the real objects) and can hand back
 * a variable's value as an object instead of JShell's string form. The snippets' classes, and those of the jars that
 * cells add, pass through {@link ExitGuard} on their way in (see {@link GuardedLoaderDelegate}), so that a cell cannot
 * end the kernel's JVM.
 */
final class InProcessExecution implements ExecutionControlProvider {
    private volatile Control control;

    @Override
    public String name() {
        return "syscall-lab-in-process";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        control = new Control(new GuardedLoaderDelegate());
        return control;
    }

    /** The control of the last JShell built with this provider. */
    Control control() {
        if (control == null) throw new IllegalStateException("no JShell has been built with this provider yet");
        return control;
    }

    /** The JDK's in-process execution, plus value capture and access to the class loader of the snippets. */
    static final class Control extends LocalExecutionControl {
        private final GuardedLoaderDelegate loader;
        private boolean capturing;
        private Object captured;

        Control(GuardedLoaderDelegate loader) {
            super(loader);
            this.loader = loader;
        }

        /** Runs {@code read} (which must call {@code JShell.varValue}) and returns the variable's value as an object. */
        synchronized Object capture(Runnable read) {
            capturing = true;
            captured = null;
            try {
                read.run();
                return captured;
            } finally {
                capturing = false;
                captured = null;
            }
        }

        @Override
        public synchronized String varValue(String className, String varName)
                throws RunException, EngineTerminationException, InternalException {
            if (!capturing) return super.varValue(className, varName);
            try {
                Field field = findClass(className).getDeclaredField(varName);
                field.setAccessible(true); // the wrapper classes are package-private
                captured = field.get(null);
                return "";
            } catch (ReflectiveOperationException e) {
                throw new InternalException("cannot read " + className + "." + varName + ": " + e);
            }
        }

        /** The loader of the snippets' classes (which sees jars added by the magics). */
        ClassLoader snippetLoader() {
            return loader.loader();
        }
    }
}
