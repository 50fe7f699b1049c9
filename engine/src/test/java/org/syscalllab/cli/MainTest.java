package org.syscalllab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syscalllab.experiment.TestCatalog;

class MainTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int main(String... args) {
        out.reset();
        err.reset();
        return new Main(TestCatalog.demo(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
    }

    String out() { return out.toString(StandardCharsets.UTF_8); }

    String err() { return err.toString(StandardCharsets.UTF_8); }

    static final String[] SMALL = {"--set", "customers=2000", "--set", "warmup_customers=200", "--set", "utilisation=0.3,0.5"};

    String[] run(String... extra) {
        String[] a = new String[2 + SMALL.length + extra.length];
        a[0] = "run";
        a[1] = "demo.mm1";
        System.arraycopy(SMALL, 0, a, 2, SMALL.length);
        System.arraycopy(extra, 0, a, 2 + SMALL.length, extra.length);
        return a;
    }

    @Test
    void listShowsEveryParameterWithDefaultAllowedValuesAndX() {
        assertEquals(0, main("list"));
        String o = out();
        assertTrue(o.startsWith("demo.mm1  "), o);
        assertTrue(o.contains("  x: utilisation\n"), o);
        assertTrue(o.contains("  customers = 200000  (an integer in [100, 100000000])"), o);
        assertTrue(o.contains("  seed = 1  (an integer in [0, 9223372036854775807])"), o);
    }

    @Test
    void runPrintsTidyCsvAndCsvFileGetsTheSame(@TempDir Path tmp) throws Exception {
        assertEquals(0, main(run("--no-cache", "--threads", "2")));
        String csv = out();
        assertTrue(csv.startsWith("experiment,series,x,metric,value\n"), csv);
        assertEquals(1 + 2 * 4, csv.split("\n").length);
        assertTrue(csv.contains("\ndemo.mm1,mm1,0.5,utilisation,"), csv);
        Path f = tmp.resolve("sub/out.csv");
        assertEquals(0, main(run("--no-cache", "--csv", f.toString())));
        assertEquals("", out());
        assertEquals(csv, Files.readString(f));
    }

    @Test
    void warmRunsTheDefaultsIntoTheCacheAndSaysHowLongEachTook() {
        assertEquals(2, main("warm", "no.such"));
        assertTrue(err().contains("no.such"), err());
        assertEquals(2, main("warm", "--jobs", "0"));
        assertTrue(err().contains("jobs = 0 is not allowed; allowed: an integer in [1, 64]"), err());
        assertEquals(0, main("warm", "--jobs", "2"));
        assertTrue(out().matches("(?s)warm demo\\.mm1 +[0-9.]+ s  (computed|from cache)\nwarm: 1 experiments in [0-9.]+ s, 0 failed\n"),
                out());
        assertEquals(0, main("warm", "demo.mm1"));
        assertTrue(out().contains("from cache"), out());
    }

    @Test
    void aBadSetPrintsTheValidationMessageAndExitsTwo() {
        assertEquals(2, main("run", "demo.mm1", "--set", "customers=5"));
        assertTrue(err().contains("customers = 5 is not allowed; allowed: an integer in [100, 100000000]"), err());
        assertEquals("", out());
        assertEquals(2, main("run", "demo.mm1", "--set", "customers"));
        assertTrue(err().contains("expected key=value"), err());
        assertEquals(2, main("run", "demo.nope"));
        assertTrue(err().contains("unknown experiment"), err());
        assertEquals(2, main("run", "demo.mm1", "--threads", "0"));
        assertEquals(2, main("run", "demo.mm1", "--bogus"));
        assertEquals(2, main("frobnicate"));
        assertEquals(2, main("run", "demo.mm1", "--jobs", "2"));       // warm's option, not silently ignored
        assertTrue(err().contains("--jobs is an option of warm"), err());
        assertEquals(2, main("check", "--jobs", "2"));
        assertTrue(err().contains("--jobs is an option of warm"), err());
    }

    @Test
    void checkPrintsOneLinePerClaimEndsWithTheSummaryAndExitsOneOnFailure(@TempDir Path tmp) throws Exception {
        Path claims = tmp.resolve("claims.csv");
        Files.writeString(claims, "claim_id,experiment,description,metric,paper_value,tolerance,kind,source\n"
                + "ok,demo.mm1,d,mm1@0.5@utilisation,0..1,,range,s\n"
                + "bad,demo.mm1,d,mm1@0.5@utilisation,2,,gt,s\n");
        assertEquals(1, main("check", "--claims", claims.toString(), "--no-cache"));
        String[] lines = out().split("\n");
        assertEquals(3, lines.length, out());
        assertTrue(lines[0].startsWith("PASS ok paper=0..1 sim="), lines[0]);
        assertTrue(lines[1].startsWith("FAIL bad paper=>2 sim="), lines[1]);
        assertEquals("1 passed, 1 failed", lines[2]);

        Path misses = tmp.resolve("known-misses.csv");
        Files.writeString(misses, "claim_id,reason\nbad,\"the demo cannot exceed full load, by design\"\n");
        assertEquals(0, main("check", "--claims", claims.toString(), "--gate", misses.toString(), "--no-cache"));
        assertTrue(out().contains("(known miss: the demo cannot exceed full load, by design)"), out());
        assertTrue(out().endsWith("1 passed, 1 failed\n"), out());

        Files.writeString(misses, "claim_id,reason\nbad,r\nok,r\n");
        assertEquals(1, main("check", "--claims", claims.toString(), "--gate", misses.toString(), "--no-cache"));
        assertTrue(out().contains("gate: now passes: remove from known-misses: ok"), out());

        Files.writeString(misses, "claim_id,reason\n");
        assertEquals(1, main("check", "--claims", claims.toString(), "--gate", misses.toString(), "--no-cache"));
        assertTrue(out().contains("gate: unexpected failure: bad"), out());

        Files.writeString(claims, "claim_id,experiment,description,metric,paper_value,tolerance,kind,source\n"
                + "broken,demo.mm1,d,mm1@0.5,1,0.1,rel,s\n");
        assertEquals(2, main("check", "--claims", claims.toString()));
        assertTrue(err().contains("claims row 2 (broken)"), err());
    }
}
