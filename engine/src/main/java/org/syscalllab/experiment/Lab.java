package org.syscalllab.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The short way in, for notebooks and jshell: {@code Lab.run("flexsc.fig2", "call", "pwrite")}.
 * Holds no mutable state: each call uses the class-path catalog and a default {@link Runner}.
 */
public final class Lab {
    private Lab() { }

    private static final class Holder {
        static final Catalog CATALOG = Catalog.load();
    }

    public static Catalog catalog() { return Holder.CATALOG; }

    public static Runner runner() { return new Runner(catalog()); }

    /** Every experiment id. */
    public static List<String> ids() { return catalog().ids(); }

    public static Experiment experiment(String id) { return catalog().get(id); }

    /** Runs an experiment with its defaults overridden by name/value pairs. */
    public static Result run(String id, Object... nameValuePairs) {
        return runner().run(id, pairs(nameValuePairs));
    }

    public static Result run(String id, Map<String, ?> overrides) {
        return runner().run(id, overrides);
    }

    /**
     * The scorecard: every claim of {@code datasets/claims.csv} evaluated against its experiment's default run (through
     * the result cache), as {@code ./lab check} does. Renders as a table in a notebook.
     */
    public static org.syscalllab.report.Scorecard scorecard() {
        java.nio.file.Path claims = org.syscalllab.report.Datasets.require().resolve("claims.csv");
        Runner r = runner();
        return org.syscalllab.report.Scorecard.evaluate(org.syscalllab.report.Claim.readAll(claims), id -> r.run(id, Map.of()));
    }

    static Map<String, Object> pairs(Object... kv) {
        if (kv.length % 2 != 0) throw new IllegalArgumentException("expected name/value pairs, got an odd count: " + kv.length);
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (!(kv[i] instanceof String s)) throw new IllegalArgumentException("parameter name at position " + i + " must be a String");
            m.put(s, kv[i + 1]);
        }
        return m;
    }
}
