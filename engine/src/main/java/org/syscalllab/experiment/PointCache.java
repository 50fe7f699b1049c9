package org.syscalllab.experiment;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The per-point side of the result cache for one run: builds each point's key and counts how many points came from
 * the cache. A point's key is the text (experiment id, the sweep's ordinal in the run and its swept parameter, every
 * other parameter, the point's index and canonical value, engine version); the index is there because a point's seed
 * is derived from it. One instance per run, used from the sweep's worker threads.
 */
final class PointCache {
    private final ResultCache cache;
    private final String experiment;
    private final Params params;
    private final AtomicInteger sweeps = new AtomicInteger();
    private final AtomicInteger points = new AtomicInteger();
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicReference<Instant> oldest = new AtomicReference<>();

    PointCache(ResultCache cache, String experiment, Params params) {
        this.cache = cache;
        this.experiment = experiment;
        this.params = params;
    }

    /** The key prefix of the next sweep over {@code parameter} (a declared parameter of the run). */
    String sweepKey(String parameter) {
        if (!params.asMap().containsKey(parameter)) {
            throw new IllegalArgumentException("swept parameter '" + parameter + "' is not a parameter of " + experiment
                    + "; known: " + String.join(", ", params.asMap().keySet()));
        }
        List<String> others = new ArrayList<>();
        for (Map.Entry<String, Object> e : params.asMap().entrySet()) {
            if (!e.getKey().equals(parameter)) others.add(e.getKey() + "=" + Param.format(e.getValue()));
        }
        return "point\n" + experiment + "\nsweep " + sweeps.getAndIncrement() + " over " + parameter + "\n"
                + String.join(";", others) + "\n";
    }

    static String pointKey(String sweepKey, int index, Object point) {
        return sweepKey + "point " + index + " = " + canonical(point) + "\n" + ResultCache.engineVersion();
    }

    /** The cached value of a point, if any (an unreadable payload is reported and treated as absent). */
    <R> Optional<R> load(String key, PointCodec<R> codec) {
        Optional<ResultCache.PointEntry> e = cache.loadPoint(key);
        if (e.isEmpty()) return Optional.empty();
        R value;
        try {
            value = codec.decode(e.get().payload());
        } catch (RuntimeException ex) {
            cache.warnUnreadablePoint(key, ex);
            return Optional.empty();
        }
        hits.incrementAndGet();
        Instant at = e.get().computedAt();
        oldest.accumulateAndGet(at, (a, b) -> a == null || b.isBefore(a) ? b : a);
        return Optional.of(value);
    }

    <R> void store(String key, PointCodec<R> codec, R value) {
        cache.storePoint(key, codec.encode(value), Instant.now());
    }

    void counted(int n) { points.addAndGet(n); }

    PointReuse reuse() {
        int h = hits.get();
        return h == 0 ? PointReuse.NONE : new PointReuse(h, points.get(), oldest.get());
    }

    /**
     * A point's canonical text: numbers, strings, booleans and enums as themselves, arrays and lists element by
     * element, records component by component. Other types have no stable text: they are rejected.
     */
    static String canonical(Object o) {
        if (o == null) return "null";
        if (o instanceof Double d) return Double.toString(d);
        if (o instanceof Float f) return Float.toString(f);
        if (o instanceof Number || o instanceof Boolean || o instanceof Character) return o.getClass().getSimpleName() + ":" + o;
        if (o instanceof String s) return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        if (o instanceof Enum<?> e) return e.getDeclaringClass().getName() + "." + e.name();
        if (o.getClass().isArray()) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < Array.getLength(o); i++) sb.append(i == 0 ? "" : ",").append(canonical(Array.get(o, i)));
            return sb.append(']').toString();
        }
        if (o instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) sb.append(i == 0 ? "" : ",").append(canonical(l.get(i)));
            return sb.append(']').toString();
        }
        if (o instanceof Record r) {
            StringBuilder sb = new StringBuilder(r.getClass().getName()).append('(');
            RecordComponent[] cs = r.getClass().getRecordComponents();
            for (int i = 0; i < cs.length; i++) {
                Object v;
                try {
                    var acc = cs[i].getAccessor();
                    acc.setAccessible(true);
                    v = acc.invoke(r);
                } catch (ReflectiveOperationException | RuntimeException ex) {
                    throw new IllegalArgumentException("cannot read component " + cs[i].getName() + " of point " + r, ex);
                }
                sb.append(i == 0 ? "" : ",").append(cs[i].getName()).append('=').append(canonical(v));
            }
            return sb.append(')').toString();
        }
        throw new IllegalArgumentException("a sweep point of type " + o.getClass().getName()
                + " has no canonical text for the cache; use a number, string, enum, array, list or record");
    }
}
