package org.syscalllab.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fully resolved parameters of one run: every declared parameter of an experiment with its value (the default
 * unless overridden), validated. Immutable; iteration order is the declaration order.
 */
public final class Params {
    private final List<Param> declared;
    private final Map<String, Object> values;

    private Params(List<Param> declared, Map<String, Object> values) {
        this.declared = declared;
        this.values = Collections.unmodifiableMap(values);
    }

    /** Resolves overrides against declared parameters; unknown names and bad values throw with a clear message. */
    public static Params resolve(List<Param> declared, Map<String, ?> overrides) {
        Map<String, Param> byName = new LinkedHashMap<>();
        for (Param p : declared) {
            if (byName.put(p.name(), p) != null) throw new IllegalArgumentException("parameter declared twice: " + p.name());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param p : declared) values.put(p.name(), p.defaultValue());
        if (overrides != null) {
            for (Map.Entry<String, ?> e : overrides.entrySet()) {
                Param p = byName.get(e.getKey());
                if (p == null) {
                    throw new IllegalArgumentException("unknown parameter '" + e.getKey() + "'; known: "
                            + String.join(", ", byName.keySet()));
                }
                values.put(p.name(), p.check(e.getValue()));
            }
        }
        return new Params(List.copyOf(declared), values);
    }

    /** Parses {@code key=value} strings (as given to {@code ./lab run --set}). */
    public static Map<String, String> parseAssignments(List<String> assignments) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("expected key=value, got '" + a + "'");
            out.put(a.substring(0, eq).trim(), a.substring(eq + 1));
        }
        return out;
    }

    /** A copy with some values changed (validated). */
    public Params with(Map<String, ?> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(values);
        merged.putAll(overrides);
        return resolve(declared, merged);
    }

    public Params with(String name, Object value) {
        return with(Map.of(name, value));
    }

    public List<Param> declared() { return declared; }

    public Map<String, Object> asMap() { return values; }

    public Object get(String name) {
        Object v = values.get(name);
        if (v == null) throw new IllegalArgumentException("no parameter named '" + name + "'; known: " + String.join(", ", values.keySet()));
        return v;
    }

    public long getLong(String name) { return (Long) get(name); }

    public int getInt(String name) { return Math.toIntExact(getLong(name)); }

    public double getDouble(String name) { return ((Number) get(name)).doubleValue(); }

    public boolean getBool(String name) { return (Boolean) get(name); }

    public String getString(String name) { return (String) get(name); }

    @SuppressWarnings("unchecked")
    public List<Long> getLongList(String name) { return (List<Long>) get(name); }

    public int[] getIntArray(String name) {
        List<Long> l = getLongList(name);
        int[] a = new int[l.size()];
        for (int i = 0; i < a.length; i++) a[i] = Math.toIntExact(l.get(i));
        return a;
    }

    @SuppressWarnings("unchecked")
    public List<Double> getDoubleList(String name) { return (List<Double>) get(name); }

    /** Canonical text form {@code a=1;b=x;...} in declaration order: the basis of result-cache keys. */
    public String canonical() {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> e : values.entrySet()) parts.add(e.getKey() + "=" + Param.format(e.getValue()));
        return String.join(";", parts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Params p && p.canonical().equals(canonical());
    }

    @Override
    public int hashCode() { return canonical().hashCode(); }

    @Override
    public String toString() { return canonical(); }
}
