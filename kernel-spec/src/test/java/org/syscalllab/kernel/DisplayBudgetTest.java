package org.syscalllab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DisplayBudgetTest {
    @Test
    void bundlesWithinTheBudgetPassUnchangedAndAreCharged() {
        DisplayBudget b = new DisplayBudget(100);
        Map<String, String> small = Map.of("text/plain", "x".repeat(30)); // 10 + 30 = 40
        assertSame(small, b.admit(small));
        assertSame(small, b.admit(small));
        Map<String, String> third = b.admit(small);
        assertEquals(1, third.size());
        String notice = third.get("text/plain");
        assertTrue(notice.contains("output of 40 bytes (text/plain) not shown"), notice);
        assertTrue(notice.contains("has 20 left"), notice);
        assertTrue(notice.contains(DisplayBudget.PROPERTY), notice);
        assertEquals(1, b.dropped());
    }

    @Test
    void aHundredMegabyteDisplayBecomesANoticeNamingItsTypes() {
        DisplayBudget b = new DisplayBudget(DisplayBudget.DEFAULT_LIMIT);
        String huge = "y".repeat(100_000_000);
        Map<String, String> shown = b.admit(Map.of("text/html", huge, "text/plain", "short"));
        String notice = shown.get("text/plain");
        assertTrue(notice.length() < 300, notice);
        assertTrue(notice.contains("text/html") && notice.contains("text/plain"), notice);
        assertTrue(notice.contains("100,000,"), notice);
        // nothing was charged: a chart after it still fits
        Map<String, String> chart = Map.of("image/png", "z".repeat(200_000));
        assertSame(chart, b.admit(chart));
    }

    @Test
    void updatesReplaceSoTheyAreCheckedAloneAndChargeNothing() {
        DisplayBudget b = new DisplayBudget(50);
        Map<String, String> bar = Map.of("text/plain", "#".repeat(30));
        for (int i = 0; i < 1000; i++) assertSame(bar, b.admitUpdate(bar));
        assertSame(bar, b.admit(bar), "a thousand updates used none of the budget");
        Map<String, String> big = Map.of("text/plain", "#".repeat(60));
        assertTrue(b.admitUpdate(big).get("text/plain").contains("not shown"));
    }

    @Test
    void aNegativeLimitIsRefusedNamingTheProperty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DisplayBudget(-1));
        assertTrue(e.getMessage().contains(DisplayBudget.PROPERTY), e.getMessage());
    }
}
