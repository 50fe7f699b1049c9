package org.syscalllab.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.syscalllab.experiment.Result;
import org.syscalllab.experiment.TidyRows;
import tech.tablesaw.api.Row;

/**
 * One row of {@code datasets/claims.csv}: a published number and how close the simulation must come to it.
 * The columns are {@code claim_id,experiment,description,metric,paper_value,tolerance,kind,source}.
 *
 * <p>{@code metric} is {@code series@x@metric} and selects exactly one row of the experiment's default run; x matches
 * the result's x as text or, when both are numbers, numerically ({@code 1000} matches {@code 1000.0}). The
 * {@code kind} says how the simulated value {@code sim} is compared with {@code paper_value}:
 * <ul>
 *   <li>{@code abs}: pass if |sim − paper| ≤ tolerance (tolerance in the metric's unit, ≥ 0);</li>
 *   <li>{@code rel}: pass if |sim − paper| ≤ tolerance·|paper| (tolerance a fraction, e.g. 0.1 for ±10 %);</li>
 *   <li>{@code range}: paper_value is {@code lo..hi}; pass if lo ≤ sim ≤ hi (tolerance empty or 0);</li>
 *   <li>{@code lt} / {@code gt}: pass if sim &lt; paper_value / sim &gt; paper_value (tolerance empty or 0).</li>
 * </ul>
 * A row that breaks these rules is rejected with a message naming its line and claim id.
 *
 * @param line          the 1-based line of the row in its file (for messages)
 * @param paperValue    the paper's value; the lower bound for {@code range}
 * @param paperHigh     the upper bound for {@code range}; equal to paperValue otherwise
 */
public record Claim(String claimId, String experiment, String description, String series, String x, String metric,
                    double paperValue, double paperHigh, double tolerance, Kind kind, String source, int line) {

    /** How a claim compares simulation with paper. */
    public enum Kind {
        ABS, REL, RANGE, LT, GT;

        public String word() { return name().toLowerCase(Locale.ROOT); }

        static Kind parse(String s) {
            for (Kind k : values()) if (k.word().equals(s)) return k;
            return null;
        }
    }

    /** The header every claims file starts with. */
    public static final String HEADER = "claim_id,experiment,description,metric,paper_value,tolerance,kind,source";

    public Claim {
        String where = "claims row " + line + (claimId == null ? "" : " (" + claimId + ")");
        if (claimId == null || !claimId.matches("[a-z0-9][a-z0-9_.\\-]*")) {
            throw new IllegalArgumentException(where + ": claim_id '" + claimId + "' must be lower case [a-z0-9_.-]");
        }
        if (experiment == null || !experiment.matches("[a-z0-9]+\\.[a-z0-9_]+")) {
            throw new IllegalArgumentException(where + ": experiment '" + experiment + "' must be <paper>.<figure-or-table>");
        }
        if (series == null || series.isBlank() || x == null || x.isBlank() || metric == null || !metric.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException(where + ": metric must be series@x@metric with a snake_case metric");
        }
        if (kind == null) throw new IllegalArgumentException(where + ": kind is required; allowed: abs, rel, range, lt, gt");
        if (!Double.isFinite(paperValue) || !Double.isFinite(paperHigh)) {
            throw new IllegalArgumentException(where + ": paper_value must be finite");
        }
        if (kind == Kind.RANGE ? paperValue > paperHigh : paperValue != paperHigh) {
            throw new IllegalArgumentException(where + ": range paper_value lo..hi needs lo <= hi");
        }
        if (!Double.isFinite(tolerance) || tolerance < 0) {
            throw new IllegalArgumentException(where + ": tolerance = " + tolerance + " is not allowed; allowed: a number >= 0");
        }
        if ((kind == Kind.RANGE || kind == Kind.LT || kind == Kind.GT) && tolerance != 0) {
            throw new IllegalArgumentException(where + ": tolerance must be empty or 0 for kind " + kind.word());
        }
        description = description == null ? "" : description;
        source = source == null ? "" : source;
    }

    /** Parses one record (the fields of a CSV row) at a given 1-based line. */
    public static Claim parse(List<String> f, int line) {
        if (f.size() != 8) {
            throw new IllegalArgumentException("claims row " + line + ": expected 8 fields (" + HEADER + "), got " + f.size()
                    + (f.isEmpty() ? "" : " (claim_id '" + f.get(0) + "')") + "; quote fields that contain commas");
        }
        String id = f.get(0).trim();
        String where = "claims row " + line + " (" + id + ")";
        String[] sel = f.get(3).trim().split("@", -1);
        if (sel.length != 3) {
            throw new IllegalArgumentException(where + ": metric '" + f.get(3) + "' must be series@x@metric, e.g. sync@1000@user_ipc");
        }
        String kindText = f.get(6).trim().toLowerCase(Locale.ROOT);
        Kind kind = Kind.parse(kindText);
        if (kind == null) throw new IllegalArgumentException(where + ": kind '" + f.get(6) + "' is not allowed; allowed: abs, rel, range, lt, gt");
        String pv = f.get(4).trim();
        double lo, hi;
        if (kind == Kind.RANGE) {
            int dd = pv.indexOf("..");
            if (dd < 0) throw new IllegalArgumentException(where + ": paper_value '" + pv + "' must be lo..hi for kind range");
            lo = number(where, "paper_value lower bound", pv.substring(0, dd));
            hi = number(where, "paper_value upper bound", pv.substring(dd + 2));
        } else {
            lo = number(where, "paper_value", pv);
            hi = lo;
        }
        String tol = f.get(5).trim();
        double t = tol.isEmpty() ? 0 : number(where, "tolerance", tol);
        if (tol.isEmpty() && (kind == Kind.ABS || kind == Kind.REL)) {
            throw new IllegalArgumentException(where + ": tolerance is required for kind " + kind.word());
        }
        return new Claim(id, f.get(1).trim(), f.get(2).trim(), sel[0].trim(), sel[1].trim(), sel[2].trim(), lo, hi, t, kind,
                f.get(7).trim(), line);
    }

    /** Reads and validates a claims file; a malformed row or a repeated claim id throws naming the row. */
    public static List<Claim> readAll(Path file) {
        String text = Csv.readText(file);
        return parseAll(text, file.toString());
    }

    /** Parses claims CSV text (header first). */
    public static List<Claim> parseAll(String text, String name) {
        List<String> lines = List.of(text.split("\r?\n", -1));
        if (lines.isEmpty() || !lines.get(0).trim().equals(HEADER)) {
            throw new IllegalArgumentException(name + ": the first line must be the header " + HEADER);
        }
        List<Claim> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        // Parse record by record while keeping line numbers (a quoted field may span lines).
        StringBuilder pending = new StringBuilder();
        int startLine = 0;
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (pending.length() == 0) {
                if (l.isBlank()) continue;
                startLine = i + 1;
            } else {
                pending.append('\n');
            }
            pending.append(l);
            if (quotesBalanced(pending)) {
                List<List<String>> recs = Csv.parse(pending.toString());
                pending.setLength(0);
                if (recs.isEmpty()) continue;
                Claim c = parse(recs.get(0), startLine);
                if (!ids.add(c.claimId())) {
                    throw new IllegalArgumentException(name + ": claims row " + startLine + ": claim_id '" + c.claimId() + "' appears twice");
                }
                out.add(c);
            }
        }
        if (pending.length() > 0) throw new IllegalArgumentException(name + ": claims row " + startLine + ": unterminated quoted field");
        return out;
    }

    private static boolean quotesBalanced(CharSequence s) {
        int q = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == '"') q++;
        return q % 2 == 0;
    }

    private static double number(String where, String field, String text) {
        try {
            double d = Double.parseDouble(text.trim());
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": " + field + " '" + text + "' is not a finite number");
        }
    }

    /** The {@code series@x@metric} selector. */
    public String selector() { return series + "@" + x + "@" + metric; }

    /** Whether a simulated value satisfies the claim. */
    public boolean passes(double sim) {
        if (!Double.isFinite(sim)) return false;
        return switch (kind) {
            case ABS -> Math.abs(sim - paperValue) <= tolerance;
            case REL -> Math.abs(sim - paperValue) <= tolerance * Math.abs(paperValue);
            case RANGE -> sim >= paperValue && sim <= paperHigh;
            case LT -> sim < paperValue;
            case GT -> sim > paperValue;
        };
    }

    /** The paper value as text: {@code 1.5}, {@code 2..4}, {@code <3}, {@code >3}. */
    public String paperText() {
        return switch (kind) {
            case RANGE -> TidyRows.formatNumber(paperValue) + ".." + TidyRows.formatNumber(paperHigh);
            case LT -> "<" + TidyRows.formatNumber(paperValue);
            case GT -> ">" + TidyRows.formatNumber(paperValue);
            default -> TidyRows.formatNumber(paperValue);
        };
    }

    /** The tolerance as text: {@code rel 0.1}, {@code abs 0.05}, or the kind alone. */
    public String toleranceText() {
        return switch (kind) {
            case ABS, REL -> kind.word() + " " + TidyRows.formatNumber(tolerance);
            default -> kind.word();
        };
    }

    /** Selects this claim's value from a result; throws naming the claim when no row (or more than one) matches. */
    public double select(Result r) {
        Double found = null;
        for (Row row : r.table()) {
            if (!row.getString("series").equals(series) || !row.getString("metric").equals(metric)) continue;
            if (!sameX(row.getString("x"), x)) continue;
            if (found != null) {
                throw new IllegalArgumentException(claimId + ": " + selector() + " matches more than one row of " + experiment);
            }
            found = row.getDouble("value");
        }
        if (found == null) {
            throw new IllegalArgumentException(claimId + ": " + experiment + " has no row " + selector());
        }
        return found;
    }

    static boolean sameX(String a, String b) {
        if (a.equals(b)) return true;
        try {
            return Double.parseDouble(a) == Double.parseDouble(b);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
