package org.syscalllab.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.syscalllab.experiment.Param;

/**
 * Draws random parameter overrides for an experiment from its declared {@link Param}s: valid ones (inside the declared
 * range or choices) and invalid ones (out of range, wrong kind, unknown name, empty list). Size parameters — those
 * that set how much work a run does — are drawn from the low end of their range so that a spec runs in milliseconds.
 */
final class SpecGenerator {

    /**
     * Upper bounds used instead of the declared maximum for size parameters, by parameter name (names are shared
     * across papers). A value here only shrinks the drawn range; it never leaves the declared one.
     */
    static final Map<String, Long> SMALL = Map.ofEntries(
            Map.entry("customers", 3_000L), Map.entry("warmup_customers", 300L),
            Map.entry("requests", 300L), Map.entry("concurrency", 64L),
            Map.entry("transactions", 200L), Map.entry("simulated_transactions", 200L),
            Map.entry("iterations_per_compound", 200L),
            Map.entry("calls", 40L), Map.entry("repetitions", 20L), Map.entry("runs", 20L),
            Map.entry("batch_max", 24L), Map.entry("file_mb", 8L), Map.entry("file_bytes", 200_000L),
            Map.entry("file_sizes", 200_000L), Map.entry("files", 400L), Map.entry("total_kb", 256L),
            Map.entry("file_kb", 64L), Map.entry("instructions_before_call", 20_000L),
            Map.entry("instructions_between_calls", 20_000L), Map.entry("after_instructions", 8_000L),
            Map.entry("processes", 8L), Map.entry("fibers", 64L), Map.entry("pool_threads", 64L),
            Map.entry("iocp_threads", 32L), Map.entry("benchmark_user_mcycles", 5L),
            Map.entry("system_call_cycles", 50_000L), Map.entry("system_user_cycles", 50_000L),
            Map.entry("decode_instructions", 200_000L), Map.entry("display_instructions", 200_000L),
            Map.entry("objects", 1_000L), Map.entry("call_instructions", 20_000L),
            Map.entry("user_instructions", 20_000L), Map.entry("ap_poll_cycles", 100_000L),
            Map.entry("wait_timeout_ms", 50L), Map.entry("small_wait_timeout_ms", 50L),
            Map.entry("timer_tick_ms", 20L), Map.entry("warmup_ms", 2L), Map.entry("measure_ms", 3L));

    /**
     * Lower bounds used instead of the declared minimum for parameters whose small values mean more work (a chunk of
     * one byte reads a file byte by byte). The declared minimum itself is exercised by the slow-input tests.
     */
    static final Map<String, Long> FLOOR = Map.ofEntries(
            Map.entry("chunk_bytes", 512L), Map.entry("record_bytes", 512L), Map.entry("block_sizes", 256L),
            Map.entry("block_bytes", 256L), Map.entry("getdents_buffer_bytes", 512L),
            Map.entry("slice_instructions", 50L), Map.entry("ap_poll_cycles", 50L));

    /**
     * Choices left out of the valid draws, by parameter name, because one run with them takes far more than the suite's
     * budget: FlexSC's exact set-associative cache model ({@code fidelity=exact}) costs about 14 s of host CPU for a
     * server run of 1.5 simulated ms with two clients, and 30 s with the windows and client counts drawn here (measured
     * on flexsc.fig11), so a few draws would take the suite past five minutes. Invalid draws are unaffected.
     */
    static final Map<String, java.util.Set<String>> HELD_OUT = Map.of("fidelity", java.util.Set.of("exact"));

    /** Lists are kept short: at most this many elements. */
    static final int MAX_LIST = 4;

    private SpecGenerator() { }

    /**
     * The fixed small spec of an experiment: every size parameter of {@link #SMALL} at its default capped to its small
     * bound (lists keep at most two points, so that a sweep still has work for more than one thread), every other
     * parameter at its default.
     */
    static Map<String, Object> small(List<Param> params) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Param p : params) {
            if (!SMALL.containsKey(p.name())) continue; // other parameters keep the paper's default
            long cap = Math.max((long) Math.ceil(p.min()), SMALL.get(p.name()));
            Object d = p.defaultValue();
            switch (p.kind()) {
                case INT -> out.put(p.name(), Math.min((Long) d, cap));
                case DOUBLE -> out.put(p.name(), Math.min((Double) d, (double) cap));
                case INT_LIST -> {
                    java.util.TreeSet<Long> v = new java.util.TreeSet<>();
                    for (Object o : (List<?>) d) v.add(Math.min((Long) o, cap));
                    out.put(p.name(), new ArrayList<>(v).subList(0, Math.min(2, v.size())));
                }
                default -> { }
            }
        }
        return out;
    }

    /** The small spec of a registered experiment with seed 7: what the catalog-wide tests run. */
    static Map<String, Object> smallSpecOf(String id) {
        Map<String, Object> spec = small(org.syscalllab.experiment.Runner.parametersOf(Fuzz.CATALOG.get(id)));
        spec.put("seed", 7L);
        return spec;
    }

    /** Every registered experiment id, for the catalog-wide parameterized tests. */
    static java.util.stream.Stream<String> catalogIds() {
        return Fuzz.CATALOG.ids().stream();
    }

    /** A valid override map: a random subset of the parameters, each with a value inside its declared range. */
    static Map<String, Object> valid(List<Param> params, SplittableRandom rnd) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Param p : params) {
            boolean size = SMALL.containsKey(p.name()) || FLOOR.containsKey(p.name());
            // sizes are always shrunk (their defaults are the paper's, often large); others are drawn half the time
            if (size || rnd.nextInt(2) == 0) out.put(p.name(), validValue(p, rnd));
        }
        return out;
    }

    static Object validValue(Param p, SplittableRandom rnd) {
        double lo = FLOOR.containsKey(p.name()) ? Math.min(p.max(), Math.max(p.min(), FLOOR.get(p.name()))) : p.min();
        double hi = SMALL.containsKey(p.name()) ? Math.max(lo, Math.min(p.max(), SMALL.get(p.name()))) : p.max();
        return switch (p.kind()) {
            case INT -> drawLong(lo, hi, rnd);
            case DOUBLE -> drawDouble(lo, hi, rnd);
            case BOOL -> rnd.nextBoolean();
            case CHOICE -> {
                List<String> allowed = p.choices().stream()
                        .filter(c -> !HELD_OUT.getOrDefault(p.name(), java.util.Set.of()).contains(c)).toList();
                yield allowed.get(rnd.nextInt(allowed.size()));
            }
            case TEXT -> validText(p, rnd);
            case INT_LIST -> {
                List<Long> l = new ArrayList<>();
                int n = 1 + rnd.nextInt(MAX_LIST);
                for (int i = 0; i < n; i++) l.add(drawLong(lo, hi, rnd));
                yield l;
            }
            case DOUBLE_LIST -> {
                List<Double> l = new ArrayList<>();
                int n = 1 + rnd.nextInt(MAX_LIST);
                for (int i = 0; i < n; i++) l.add(drawDouble(lo, hi, rnd));
                yield l;
            }
        };
    }

    /** A free-text parameter (a comma-separated selection such as models or versions): a non-empty subset of its default. */
    private static String validText(Param p, SplittableRandom rnd) {
        String[] parts = String.valueOf(p.defaultValue()).split(",");
        List<String> pick = new ArrayList<>();
        for (String s : parts) if (rnd.nextInt(2) == 0) pick.add(s.trim());
        if (pick.isEmpty()) pick.add(parts[rnd.nextInt(parts.length)].trim());
        return String.join(",", pick);
    }

    /** The bounds, a value near them, or a log-uniform draw in between (so small and large magnitudes both occur). */
    static long drawLong(double min, double max, SplittableRandom rnd) {
        long lo = (long) Math.ceil(min);
        long hi = (long) Math.floor(Math.min(max, (double) Long.MAX_VALUE));
        if (hi <= lo) return lo;
        return switch (rnd.nextInt(6)) {
            case 0 -> lo;
            case 1 -> hi;
            case 2 -> Math.min(hi, lo + 1);
            default -> {
                double span = Math.log1p((double) hi - lo);
                long v = lo + (long) Math.floor(Math.expm1(rnd.nextDouble() * span));
                yield Math.max(lo, Math.min(hi, v));
            }
        };
    }

    static double drawDouble(double min, double max, SplittableRandom rnd) {
        if (max <= min) return min;
        return switch (rnd.nextInt(6)) {
            case 0 -> min;
            case 1 -> max;
            case 2 -> min + (max - min) * rnd.nextDouble();
            default -> {
                double span = Math.log1p(max - min);
                double v = min + Math.expm1(rnd.nextDouble() * span);
                yield Math.max(min, Math.min(max, v));
            }
        };
    }

    /** One invalid override: the spec, and the name the error message must contain. */
    record Invalid(Map<String, Object> overrides, String field, String why) { }

    /** A valid spec with one value broken; returns null when the drawn breakage cannot apply to the drawn parameter. */
    static Invalid invalid(List<Param> params, SplittableRandom rnd) {
        Map<String, Object> base = valid(params, rnd);
        int mode = rnd.nextInt(6);
        if (mode == 0) {
            String name = "no_such_" + Integer.toString(rnd.nextInt(1 << 20), 36);
            base.put(name, 1);
            return new Invalid(base, name, "unknown name");
        }
        Param p = params.get(rnd.nextInt(params.size()));
        Object bad = switch (mode) {
            case 1 -> outOfRange(p, rnd);
            case 2 -> wrongKind(p, rnd);
            case 3 -> emptyList(p);
            case 4 -> p.kind() == Param.Kind.CHOICE ? p.choices().get(0) + "_x" : outOfRange(p, rnd);
            default -> null; // null value: "a value is required"
        };
        if (bad == null && mode != 5) return null;
        base.put(p.name(), bad);
        return new Invalid(base, p.name(), "mode " + mode);
    }

    private static Object outOfRange(Param p, SplittableRandom rnd) {
        boolean below = rnd.nextBoolean();
        switch (p.kind()) {
            case INT, INT_LIST -> {
                Long v = null;
                if (below && p.min() > Long.MIN_VALUE) v = (long) p.min() - 1 - rnd.nextInt(3);
                else if (!below && p.max() < 0x1p62) v = (long) p.max() + 1 + rnd.nextInt(3);
                else if (p.min() > Long.MIN_VALUE) v = (long) p.min() - 1;
                if (v == null) return null;
                return p.kind() == Param.Kind.INT ? v : List.of((long) p.min(), v);
            }
            case DOUBLE, DOUBLE_LIST -> {
                double v;
                if (rnd.nextInt(5) == 0) v = rnd.nextBoolean() ? Double.NaN : Double.POSITIVE_INFINITY;
                else v = below ? p.min() - Math.max(1e-6, Math.abs(p.min()) * 0.5) : p.max() + Math.max(1, Math.abs(p.max()));
                return p.kind() == Param.Kind.DOUBLE ? v : List.of(p.min(), v);
            }
            default -> {
                return null;
            }
        }
    }

    private static Object wrongKind(Param p, SplittableRandom rnd) {
        return switch (p.kind()) {
            case INT -> rnd.nextBoolean() ? "twelve" : (Object) (Math.ceil(p.min()) + 0.5);
            case DOUBLE -> rnd.nextBoolean() ? "fast" : (Object) List.of(1.0);
            case BOOL -> rnd.nextBoolean() ? "maybe" : (Object) 1;
            case CHOICE -> "not-a-choice";
            case TEXT -> null;
            case INT_LIST -> rnd.nextBoolean() ? "1,x" : (Object) List.of("one");
            case DOUBLE_LIST -> rnd.nextBoolean() ? "0.5,y" : (Object) Boolean.TRUE;
        };
    }

    private static Object emptyList(Param p) {
        return switch (p.kind()) {
            case INT_LIST, DOUBLE_LIST -> List.of();
            case INT, DOUBLE -> "";
            default -> null;
        };
    }
}
