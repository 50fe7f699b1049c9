package org.syscalllab.kernel.eval;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

/**
 * Loads the snippets' classes, and the classes of jars and directories that cells add to the class path, through
 * {@link ExitGuard}: neither a cell nor a library it added can end the kernel's JVM. Classes on the kernel's own class
 * path (the engine, Tablesaw, JFreeChart, the JDK) come from the parent loader unchanged.
 */
final class GuardedLoaderDelegate implements LoaderDelegate {
    private final Loader loader = new Loader(GuardedLoaderDelegate.class.getClassLoader());
    private final Map<String, Class<?>> loaded = new ConcurrentHashMap<>();

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException {
        boolean[] installed = new boolean[cbcs.length];
        for (ClassBytecodes c : cbcs) loader.declare(c.name(), ExitGuard.rewrite(c.bytecodes()));
        for (int i = 0; i < cbcs.length; i++) {
            try {
                loaded.put(cbcs[i].name(), loader.loadClass(cbcs[i].name()));
                installed[i] = true;
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ClassInstallException("cannot load " + cbcs[i].name() + ": " + e, installed);
            }
        }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] cbcs) {
        for (ClassBytecodes c : cbcs) loader.declare(c.name(), ExitGuard.rewrite(c.bytecodes()));
    }

    @Override
    public void addToClasspath(String path) throws InternalException {
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.isEmpty()) continue;
            try {
                loader.add(Path.of(entry).toUri().toURL());
            } catch (IOException | RuntimeException e) {
                throw new InternalException("cannot add " + entry + " to the class path: " + e);
            }
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> c = loaded.get(name);
        if (c == null) throw new ClassNotFoundException(name + " not found");
        return c;
    }

    /** The loader of the snippets and of the class path that cells added. */
    ClassLoader loader() {
        return loader;
    }

    /** Snippet classes from their bytes; added jars and directories through their URLs; both rewritten by ExitGuard. */
    private static final class Loader extends URLClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final Map<String, byte[]> snippets = new ConcurrentHashMap<>();

        Loader(ClassLoader parent) {
            super(new URL[0], parent);
        }

        void declare(String name, byte[] bytes) {
            snippets.put(name, bytes);
        }

        void add(URL url) {
            addURL(url);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = snippets.get(name);
            if (bytes == null) {
                URL resource = findResource(name.replace('.', '/') + ".class");
                if (resource == null) throw new ClassNotFoundException(name);
                try (InputStream in = resource.openStream()) {
                    bytes = guarded(in.readAllBytes());
                } catch (IOException e) {
                    throw new ClassNotFoundException(name + ": cannot read " + resource, e);
                }
            }
            return defineClass(name, bytes, 0, bytes.length);
        }

        /** A library class with its exits redirected; as it is when ASM cannot read it (a newer class-file version). */
        private static byte[] guarded(byte[] classFile) {
            try {
                return ExitGuard.rewrite(classFile);
            } catch (RuntimeException e) {
                return classFile;
            }
        }
    }
}
