package org.syscalllab.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One declared parameter of an experiment: its name, kind, default, allowed range or choices, unit and meaning.
 * A {@code Param} validates values: {@link #parse(String)} and {@link #check(Object)} throw
 * {@link IllegalArgumentException} naming the field, the value and what is allowed.
 *
 * <p>Values are held as {@code Long} (INT), {@code Double} (DOUBLE), {@code Boolean} (BOOL), {@code String} (CHOICE,
 * TEXT), {@code List<Long>} (INT_LIST) or {@code List<Double>} (DOUBLE_LIST).
 */
public record Param(String name, Kind kind, Object defaultValue, double min, double max, List<String> choices,
                    String unit, String doc) {

    /** The kinds of value a parameter can hold. */
    public enum Kind { INT, DOUBLE, BOOL, CHOICE, TEXT, INT_LIST, DOUBLE_LIST }

    public Param {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("parameter name '" + name + "' must be snake_case ([a-z][a-z0-9_]*)");
        }
        if (min > max) throw new IllegalArgumentException(name + ": min " + min + " > max " + max);
        choices = choices == null ? List.of() : List.copyOf(choices);
        if (kind == Kind.CHOICE && choices.isEmpty()) throw new IllegalArgumentException(name + ": a CHOICE needs choices");
        unit = unit == null ? "" : unit;
        doc = doc == null ? "" : doc;
        defaultValue = checkValue(name, kind, defaultValue, min, max, choices);
    }

    public static Param ofInt(String name, long def, long min, long max, String unit, String doc) {
        return new Param(name, Kind.INT, def, min, max, null, unit, doc);
    }

    public static Param ofDouble(String name, double def, double min, double max, String unit, String doc) {
        return new Param(name, Kind.DOUBLE, def, min, max, null, unit, doc);
    }

    public static Param ofBool(String name, boolean def, String doc) {
        return new Param(name, Kind.BOOL, def, 0, 1, null, "", doc);
    }

    public static Param ofChoice(String name, String def, List<String> choices, String doc) {
        return new Param(name, Kind.CHOICE, def, 0, 0, choices, "", doc);
    }

    public static Param ofText(String name, String def, String doc) {
        return new Param(name, Kind.TEXT, def, 0, 0, null, "", doc);
    }

    public static Param ofIntList(String name, List<Long> def, long min, long max, String unit, String doc) {
        return new Param(name, Kind.INT_LIST, def, min, max, null, unit, doc);
    }

    public static Param ofDoubleList(String name, List<Double> def, double min, double max, String unit, String doc) {
        return new Param(name, Kind.DOUBLE_LIST, def, min, max, null, unit, doc);
    }

    /** Checks and normalises a value given as an object (Integer, Long, Double, String, List, ...). */
    public Object check(Object value) {
        return checkValue(name, kind, value, min, max, choices);
    }

    /** Parses a value written as text, as on the command line: {@code 8}, {@code 0.5}, {@code true}, {@code 1,2,4}. */
    public Object parse(String text) {
        if (text == null) throw new IllegalArgumentException(name + ": no value given; allowed: " + allowed());
        String t = text.trim();
        try {
            return switch (kind) {
                case INT -> check(Long.parseLong(t.replace("_", "")));
                case DOUBLE -> check(Double.parseDouble(t));
                case BOOL -> {
                    if (t.equalsIgnoreCase("true") || t.equals("1")) yield true;
                    if (t.equalsIgnoreCase("false") || t.equals("0")) yield false;
                    throw new NumberFormatException();
                }
                case CHOICE, TEXT -> check(t);
                case INT_LIST -> {
                    List<Long> out = new ArrayList<>();
                    for (String p : t.split("[,;\\s]+")) if (!p.isEmpty()) out.add(Long.parseLong(p.replace("_", "")));
                    yield check(out);
                }
                case DOUBLE_LIST -> {
                    List<Double> out = new ArrayList<>();
                    for (String p : t.split("[,;\\s]+")) if (!p.isEmpty()) out.add(Double.parseDouble(p));
                    yield check(out);
                }
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + text + "' is not a valid " + kindWord() + "; allowed: " + allowed());
        }
    }

    /** What values are allowed, in words: a range, the choices, or a kind. */
    public String allowed() {
        return switch (kind) {
            case INT, INT_LIST -> (kind == Kind.INT_LIST ? "comma-separated integers each in " : "an integer in ")
                    + "[" + fmt(min) + ", " + fmt(max) + "]";
            case DOUBLE, DOUBLE_LIST -> (kind == Kind.DOUBLE_LIST ? "comma-separated numbers each in " : "a number in ")
                    + "[" + fmt(min) + ", " + fmt(max) + "]";
            case BOOL -> "true or false";
            case CHOICE -> "one of " + String.join(", ", choices);
            case TEXT -> "any text";
        };
    }

    private String kindWord() {
        return switch (kind) {
            case INT -> "integer";
            case DOUBLE -> "number";
            case BOOL -> "boolean";
            case CHOICE, TEXT -> "text";
            case INT_LIST -> "list of integers";
            case DOUBLE_LIST -> "list of numbers";
        };
    }

    /** The value as text in the form {@link #parse(String)} accepts; used for listings and canonical specs. */
    public static String format(Object v) {
        if (v instanceof Double d) return fmt(d);
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder();
            for (Object o : l) {
                if (sb.length() > 0) sb.append(',');
                sb.append(format(o));
            }
            return sb.toString();
        }
        return String.valueOf(v);
    }

    static String fmt(double d) {
        if (d == Math.rint(d) && Math.abs(d) <= 0x1p63) return Long.toString((long) d);
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        return String.format(Locale.ROOT, "%s", d);
    }

    private static Object checkValue(String name, Kind kind, Object v, double min, double max, List<String> choices) {
        if (v == null) throw new IllegalArgumentException(name + ": a value is required");
        switch (kind) {
            case INT -> {
                long x;
                if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) x = ((Number) v).longValue();
                else if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) x = n.longValue();
                else if (v instanceof String s) return new Param(name, kind, min, min, max, choices, "", "").parse(s);
                else throw bad(name, v, "an integer in [" + fmt(min) + ", " + fmt(max) + "]");
                if (x < min || x > max) throw bad(name, v, "an integer in [" + fmt(min) + ", " + fmt(max) + "]");
                return x;
            }
            case DOUBLE -> {
                double x;
                if (v instanceof Number n) x = n.doubleValue();
                else if (v instanceof String s) return new Param(name, kind, min, min, max, choices, "", "").parse(s);
                else throw bad(name, v, "a number in [" + fmt(min) + ", " + fmt(max) + "]");
                if (Double.isNaN(x) || x < min || x > max) throw bad(name, v, "a number in [" + fmt(min) + ", " + fmt(max) + "]");
                return x;
            }
            case BOOL -> {
                if (v instanceof Boolean b) return b;
                if (v instanceof String s) {
                    if (s.equalsIgnoreCase("true")) return true;
                    if (s.equalsIgnoreCase("false")) return false;
                }
                throw bad(name, v, "true or false");
            }
            case CHOICE -> {
                String s = String.valueOf(v);
                if (!choices.contains(s)) throw bad(name, v, "one of " + String.join(", ", choices));
                return s;
            }
            case TEXT -> {
                return String.valueOf(v);
            }
            case INT_LIST, DOUBLE_LIST -> {
                if (v instanceof String s) {
                    Object dflt = kind == Kind.INT_LIST ? List.of((long) min) : List.of(min);
                    return new Param(name, kind, dflt, min, max, choices, "", "").parse(s);
                }
                List<?> in;
                if (v instanceof List<?> l) in = l;
                else if (v instanceof long[] a) in = java.util.Arrays.stream(a).boxed().toList();
                else if (v instanceof int[] a) in = java.util.Arrays.stream(a).boxed().toList();
                else if (v instanceof double[] a) in = java.util.Arrays.stream(a).boxed().toList();
                else throw bad(name, v, "a list");
                if (in.isEmpty()) throw bad(name, v, "a non-empty list");
                List<Object> out = new ArrayList<>(in.size());
                Kind one = kind == Kind.INT_LIST ? Kind.INT : Kind.DOUBLE;
                for (Object o : in) {
                    try {
                        out.add(checkValue(name, one, o, min, max, choices));
                    } catch (IllegalArgumentException e) {
                        throw bad(name, v, (kind == Kind.INT_LIST ? "integers" : "numbers") + " each in ["
                                + fmt(min) + ", " + fmt(max) + "]");
                    }
                }
                return List.copyOf(out);
            }
            default -> throw new AssertionError(kind);
        }
    }

    private static IllegalArgumentException bad(String name, Object v, String allowed) {
        return new IllegalArgumentException(name + " = " + format(v) + " is not allowed; allowed: " + allowed);
    }
}
