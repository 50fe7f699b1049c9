package org.syscalllab.report;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.syscalllab.experiment.Result;
import org.syscalllab.experiment.TidyRows;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.Destination;
import tech.tablesaw.io.html.HtmlWriteOptions;

/**
 * The claims of {@code datasets/claims.csv} evaluated against fresh runs: each claim's experiment runs once with its
 * default spec (claims sharing an experiment share the run), its {@code series@x@metric} row is selected and compared
 * as its {@link Claim.Kind} says. A claim whose experiment fails to run, or whose row is missing, fails with the reason.
 *
 * <p>{@link #gate} checks the outcome against {@code datasets/known-misses.csv}: the gate holds when every failing claim
 * is listed there with a reason and no listed claim passes (a listed claim that now passes must be removed).
 */
public final class Scorecard implements Displayable {

    /** One evaluated claim: the simulated value (NaN when it could not be obtained) and the verdict. */
    public record Outcome(Claim claim, double simulated, boolean passed, String error) {
        /** The line {@code ./lab check} prints: verdict, id, paper value, simulated value, tolerance. */
        public String line() {
            String sim = Double.isNaN(simulated) ? "n/a" : TidyRows.formatNumber(simulated);
            return (passed ? "PASS" : "FAIL") + " " + claim.claimId() + " paper=" + claim.paperText() + " sim=" + sim
                    + " tolerance=" + claim.toleranceText() + (error == null ? "" : " error: " + error);
        }
    }

    /** The gate's verdict: problems (empty when it holds) in the order found. */
    public record Gate(List<String> problems) {
        public boolean ok() { return problems.isEmpty(); }
    }

    private final List<Outcome> outcomes;

    private Scorecard(List<Outcome> outcomes) {
        this.outcomes = List.copyOf(outcomes);
    }

    /** Evaluates claims; {@code runDefault} runs an experiment's default spec (called once per experiment). */
    public static Scorecard evaluate(List<Claim> claims, Function<String, Result> runDefault) {
        Map<String, Object> runs = new HashMap<>(); // Result or the RuntimeException's message
        List<Outcome> out = new ArrayList<>();
        for (Claim c : claims) {
            Object r = runs.computeIfAbsent(c.experiment(), id -> {
                try {
                    return runDefault.apply(id);
                } catch (org.syscalllab.sim.SimulationInterruptedException e) {
                    throw e;
                } catch (RuntimeException e) {
                    return "running " + id + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
                }
            });
            if (r instanceof String err) {
                out.add(new Outcome(c, Double.NaN, false, err));
                continue;
            }
            try {
                double v = c.select((Result) r);
                out.add(new Outcome(c, v, c.passes(v), null));
            } catch (IllegalArgumentException e) {
                out.add(new Outcome(c, Double.NaN, false, e.getMessage()));
            }
        }
        return new Scorecard(out);
    }

    public List<Outcome> outcomes() { return outcomes; }

    public long passed() { return outcomes.stream().filter(Outcome::passed).count(); }

    public long failed() { return outcomes.size() - passed(); }

    /** The summary line: {@code N passed, M failed}. */
    public String summary() { return passed() + " passed, " + failed() + " failed"; }

    /** Reads {@code known-misses.csv} ({@code claim_id,reason}); a row without a reason or a repeated id throws. */
    public static Map<String, String> readKnownMisses(Path file) {
        String text = Csv.readText(file);
        List<List<String>> recs = Csv.parse(text);
        if (recs.isEmpty() || !String.join(",", recs.get(0)).trim().equals("claim_id,reason")) {
            throw new IllegalArgumentException(file + ": the first line must be the header claim_id,reason");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 1; i < recs.size(); i++) {
            List<String> f = recs.get(i);
            String id = f.get(0).trim();
            if (f.size() != 2 || f.get(1).isBlank()) {
                throw new IllegalArgumentException(file + " record " + (i + 1) + " (" + id
                        + "): expected claim_id,reason with a non-empty reason (quote a reason that contains commas)");
            }
            if (out.put(id, f.get(1).trim()) != null) {
                throw new IllegalArgumentException(file + " record " + (i + 1) + ": claim '" + id + "' listed twice");
            }
        }
        return out;
    }

    /** Checks the outcome against known misses (claim id to reason). */
    public Gate gate(Map<String, String> knownMisses) {
        List<String> problems = new ArrayList<>();
        Map<String, Outcome> byId = new HashMap<>();
        for (Outcome o : outcomes) byId.put(o.claim().claimId(), o);
        for (Outcome o : outcomes) {
            if (!o.passed() && !knownMisses.containsKey(o.claim().claimId())) {
                problems.add("unexpected failure: " + o.claim().claimId() + " (fix the model, or list it in known-misses with the reason)");
            }
        }
        for (String id : knownMisses.keySet()) {
            Outcome o = byId.get(id);
            if (o == null) problems.add("known-misses lists unknown claim: " + id + " (remove it from known-misses)");
            else if (o.passed()) problems.add("now passes: remove from known-misses: " + id);
        }
        return new Gate(problems);
    }

    /** One row per claim: id, experiment, selector, paper, simulated, tolerance, verdict, error. */
    public Table table() {
        StringColumn id = StringColumn.create("claim_id"), exp = StringColumn.create("experiment"),
                sel = StringColumn.create("metric"), paper = StringColumn.create("paper_value"),
                tol = StringColumn.create("tolerance"), note = StringColumn.create("note"),
                desc = StringColumn.create("description");
        DoubleColumn sim = DoubleColumn.create("simulated");
        BooleanColumn pass = BooleanColumn.create("pass");
        for (Outcome o : outcomes) {
            Claim c = o.claim();
            id.append(c.claimId());
            exp.append(c.experiment());
            desc.append(c.description());
            sel.append(c.selector());
            paper.append(c.paperText());
            if (Double.isNaN(o.simulated())) sim.appendMissing(); else sim.append(o.simulated());
            tol.append(c.toleranceText());
            pass.append(o.passed());
            note.append(o.error() == null ? "" : o.error());
        }
        return Table.create("scorecard", id, exp, desc, sel, paper, sim, tol, pass, note);
    }

    @Override
    public Map<String, String> mimeBundle() {
        StringWriter w = new StringWriter();
        table().write().usingOptions(HtmlWriteOptions.builder(new Destination(w)).build());
        Map<String, String> m = new LinkedHashMap<>();
        m.put("text/html", "<p><b>Scorecard</b>: " + summary() + "</p>" + w);
        StringBuilder sb = new StringBuilder();
        for (Outcome o : outcomes) sb.append(o.line()).append('\n');
        m.put("text/plain", sb.append(summary()).toString());
        return m;
    }

    @Override
    public String toString() { return "Scorecard[" + summary() + "]"; }
}
