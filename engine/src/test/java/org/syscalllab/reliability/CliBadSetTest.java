package org.syscalllab.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.syscalllab.cli.Main;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Runner;

/**
 * {@code ./lab run ID --set k=v} with a bad value, for every parameter of every registered experiment: the message
 * names the field and what is allowed, nothing is printed on stdout, and the exit status is 2 — before anything runs.
 */
class CliBadSetTest {

    /** One bad assignment: experiment, {@code k=v}, and the text the error must contain. */
    record Case(String id, String assignment, String mustName) {
        @Override public String toString() { return id + " --set " + assignment; }
    }

    static Stream<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (String id : Fuzz.CATALOG.ids()) {
            out.add(new Case(id, "no_such_parameter=1", "no_such_parameter"));
            out.add(new Case(id, "missing_equals_sign", "key=value"));
            for (Param p : Runner.parametersOf(Fuzz.CATALOG.get(id))) {
                for (String bad : badTexts(p)) out.add(new Case(id, p.name() + "=" + bad, p.name()));
            }
        }
        return out.stream();
    }

    /** Texts that {@code p} must refuse: out of range on either side, the wrong kind, an empty list. */
    static List<String> badTexts(Param p) {
        List<String> t = new ArrayList<>();
        switch (p.kind()) {
            case INT, INT_LIST -> {
                if (p.min() > -0x1p62) t.add(Long.toString((long) p.min() - 1));
                if (p.max() < 0x1p62) t.add(Long.toString((long) p.max() + 1));
                t.add("ten");
                if (p.kind() == Param.Kind.INT) t.add("1.5"); else t.add(" , ");
            }
            case DOUBLE, DOUBLE_LIST -> {
                t.add(Double.toString(p.min() - Math.max(1e-3, Math.abs(p.min()))));
                t.add(Double.toString(p.max() + Math.max(1, Math.abs(p.max()))));
                t.add("NaN");
                t.add("half");
            }
            case BOOL -> t.add("maybe");
            case CHOICE -> t.add(p.choices().get(0) + "_nope");
            case TEXT -> { }
        }
        return t;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBadSetPrintsTheMessageNamingTheFieldAndExitsTwo(Case c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int rc = new Main(Fuzz.CATALOG, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute("run", c.id(), "--no-cache", "--set", c.assignment());
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(Main.USAGE, rc, () -> c + ": exit " + rc + ", stderr: " + e);
        assertTrue(e.startsWith("error: ") && e.contains(c.mustName()), () -> c + ": stderr does not name the field: " + e);
        assertFalse(e.contains("\tat ") || e.contains("    at "), () -> c + ": stack trace on stderr: " + e);
        assertEquals("", out.toString(StandardCharsets.UTF_8), () -> c + ": something was printed on stdout");
    }
}
