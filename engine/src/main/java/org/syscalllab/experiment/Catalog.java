package org.syscalllab.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Every registered experiment, by id (from the {@link ExperimentProvider}s on the class path). Immutable. */
public final class Catalog {
    private final Map<String, Experiment> byId;

    public Catalog(List<Experiment> experiments) {
        Map<String, Experiment> m = new TreeMap<>();
        for (Experiment e : experiments) {
            if (!e.id().matches("[a-z0-9]+\\.[a-z0-9_]+")) {
                throw new IllegalArgumentException("experiment id '" + e.id() + "' must be <paper>.<figure-or-table> in lower case");
            }
            if (m.put(e.id(), e) != null) throw new IllegalArgumentException("experiment registered twice: " + e.id());
        }
        this.byId = Collections.unmodifiableMap(m);
    }

    /** The experiments of every provider on the class path. */
    public static Catalog load() {
        List<Experiment> all = new ArrayList<>();
        for (ExperimentProvider p : ServiceLoader.load(ExperimentProvider.class, Catalog.class.getClassLoader())) {
            all.addAll(p.experiments());
        }
        return new Catalog(all);
    }

    public List<Experiment> all() { return List.copyOf(byId.values()); }

    public List<String> ids() { return List.copyOf(byId.keySet()); }

    public Experiment get(String id) {
        Experiment e = byId.get(id);
        if (e == null) {
            throw new IllegalArgumentException("unknown experiment '" + id + "'; known: " + String.join(", ", byId.keySet()));
        }
        return e;
    }
}
