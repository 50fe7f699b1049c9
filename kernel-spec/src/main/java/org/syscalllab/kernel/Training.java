package org.syscalllab.kernel;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.syscalllab.kernel.eval.CellEvaluator;
import org.syscalllab.kernel.render.Renderers;

/**
 * One scripted session without sockets: starts JShell with the kernel's imports, evaluates a few cells typical of a
 * notebook (a small run with the cache bypassed, its rendering with charts, a table, a chart) and renders their values.
 * The kernelspec runs it once under {@code -XX:ArchiveClassesAtExit} to record the classes a session loads (JShell's
 * compiler, the engine, Tablesaw, JFreeChart) in a class-data-sharing archive that every kernel start then maps
 * instead of loading and verifying those classes again. Exit status 0 when every cell succeeded.
 */
public final class Training {
    /** The cells: each must succeed; none may read or write the result cache. */
    static final List<String> CELLS = List.of(
            "1 + 1",
            "Result t = Lab.runner().withCache(false).run(\"demo.mm1\", \"customers\", 1000, \"warmup_customers\", 100,\n"
                    + "        \"utilisation\", List.of(0.3, 0.6));\nt",
            "t.metric(\"mean_wait_cycles\")",
            "JFreeChart c = Charts.lines(t, \"mean_wait_cycles\");\nc",
            "var s = new XYSeries(\"s\"); for (int i = 0; i < 3; i++) s.add(i, i * i); s.getItemCount()");

    private Training() { }

    public static void main(String[] args) throws Exception {
        Renderers renderers = Renderers.builtIn().withServicesFrom(Training.class.getClassLoader());
        int failed = 0;
        try (CellEvaluator ev = new CellEvaluator(
                new CellEvaluator.Options(Main.startup(), Duration.ofSeconds(1), Path.of("").toAbsolutePath()), System.err)) {
            ev.start();
            for (String cell : CELLS) {
                try {
                    ev.eval(cell).value().ifPresent(renderers::render);
                } catch (RuntimeException e) {
                    failed++;
                    System.err.println("[syscall-lab training] cell failed: " + cell.lines().findFirst().orElse("") + ": " + e);
                }
            }
        }
        System.exit(failed == 0 ? 0 : 1);
    }
}
