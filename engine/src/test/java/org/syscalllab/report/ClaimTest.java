package org.syscalllab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.syscalllab.experiment.Result;
import org.syscalllab.experiment.TestCatalog;

class ClaimTest {
    static final String H = Claim.HEADER + "\n";

    static Claim one(String row) {
        return Claim.parseAll(H + row + "\n", "claims.csv").get(0);
    }

    @Test
    void eachKindComparesAsDocumented() {
        Claim abs = one("a,p.f1,d,s@1@m,10,0.5,abs,src");
        assertTrue(abs.passes(10.5));
        assertFalse(abs.passes(10.51));
        Claim rel = one("b,p.f1,d,s@1@m,-10,0.1,rel,src");
        assertTrue(rel.passes(-11));
        assertFalse(rel.passes(-11.01));
        Claim range = one("c,p.f1,d,s@1@m,2..4,,range,src");
        assertTrue(range.passes(2) && range.passes(4));
        assertFalse(range.passes(4.001));
        assertEquals("2..4", range.paperText());
        Claim lt = one("e,p.f1,d,s@1@m,3,0,lt,src");
        assertTrue(lt.passes(2.99));
        assertFalse(lt.passes(3));
        Claim gt = one("f,p.f1,d,s@1@m,3,,gt,src");
        assertTrue(gt.passes(3.01));
        assertFalse(gt.passes(3));
        assertFalse(abs.passes(Double.NaN));
    }

    @Test
    void malformedRowsAreErrorsNamingTheRow() {
        String[] bad = {
            "a,p.f1,d,s@1,10,0.5,abs,src",          // selector
            "a,p.f1,d,s@1@m,10,0.5,approx,src",     // kind
            "a,p.f1,d,s@1@m,ten,0.5,abs,src",       // paper value
            "a,p.f1,d,s@1@m,10,,rel,src",           // missing tolerance
            "a,p.f1,d,s@1@m,10,-1,abs,src",         // negative tolerance
            "a,p.f1,d,s@1@m,4..2,,range,src",       // lo > hi
            "a,p.f1,d,s@1@m,3,0.2,lt,src",          // tolerance on lt
            "a,pf1,d,s@1@m,3,0.2,abs,src",          // experiment id
            "a,p.f1,d with, comma,s@1@m,3,0.2,abs,src", // unquoted comma
        };
        for (String row : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Claim.parseAll(H + "\n" + row + "\n", "claims.csv"), row);
            assertTrue(e.getMessage().contains("claims row 3"), e.getMessage());
        }
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
                () -> Claim.parseAll(H + "a,p.f1,d,s@1@m,1,0,abs,\na,p.f1,d,s@1@m,1,0,abs,\n", "claims.csv"));
        assertTrue(dup.getMessage().contains("appears twice"), dup.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Claim.parseAll("wrong,header\n", "claims.csv"));
    }

    @Test
    void quotedFieldsMayHoldCommasAndQuotes() {
        Claim c = one("a,p.f1,\"says \"\"x, y\"\"\",s@1@m,1,0,abs,\"Table 2, p. 5\"");
        assertEquals("says \"x, y\"", c.description());
        assertEquals("Table 2, p. 5", c.source());
    }

    @Test
    void scorecardRunsEachExperimentOnceAndSelectsRowsNumerically() {
        int[] runs = {0};
        Result r = TestCatalog.uncached(1).run("demo.mm1", TestCatalog.small());
        List<Claim> claims = Claim.parseAll(H
                + "w,demo.mm1,d,mm1@0.50@utilisation,0.5,0.1,rel,\n"
                + "x,demo.mm1,d,mm1@0.5@utilisation,0.5,0.0001,abs,\n"
                + "y,demo.mm1,d,mm1@0.6@utilisation,0.5,0.1,rel,\n"
                + "z,demo.other,d,mm1@0.5@utilisation,0.5,0.1,rel,\n", "c");
        Scorecard card = Scorecard.evaluate(claims, id -> {
            runs[0]++;
            if (!id.equals("demo.mm1")) throw new IllegalArgumentException("unknown experiment '" + id + "'");
            return r;
        });
        assertEquals(2, runs[0]);
        List<Scorecard.Outcome> o = card.outcomes();
        assertTrue(o.get(0).passed(), o.get(0).line());
        assertFalse(o.get(1).passed());
        assertTrue(o.get(2).error().contains("has no row mm1@0.6@utilisation"), o.get(2).error());
        assertTrue(o.get(3).error().contains("unknown experiment"), o.get(3).error());
        assertEquals("1 passed, 3 failed", card.summary());
        assertTrue(o.get(0).line().matches("PASS w paper=0\\.5 sim=\\S+ tolerance=rel 0\\.1"), o.get(0).line());
        assertEquals(4, card.table().rowCount());
        assertTrue(card.mimeBundle().get("text/html").contains("1 passed, 3 failed"));

        Scorecard.Gate g = card.gate(Map.of("x", "reason", "y", "reason", "z", "reason"));
        assertTrue(g.ok(), g.problems().toString());
        Scorecard.Gate g2 = card.gate(Map.of("w", "reason", "x", "reason", "gone", "reason"));
        assertFalse(g2.ok());
        String all = String.join("\n", g2.problems());
        assertTrue(all.contains("unexpected failure: y"), all);
        assertTrue(all.contains("now passes: remove from known-misses: w"), all);
        assertTrue(all.contains("unknown claim: gone"), all);
    }
}
