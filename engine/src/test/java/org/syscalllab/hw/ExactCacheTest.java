package org.syscalllab.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ExactCacheTest {

    @Test
    void evictsTheLeastRecentlyUsedWayOfTheSet() {
        ExactCache c = new ExactCache(8, 4);          // 2 sets of 4 ways; even lines map to set 0
        for (long l = 0; l < 8; l += 2) assertFalse(c.access(l, Owner.USER));
        assertTrue(c.access(0, Owner.USER));          // 0 becomes most recent; 2 is now the LRU
        assertFalse(c.access(8, Owner.KERNEL));       // evicts 2
        assertFalse(c.contains(2));
        assertTrue(c.contains(0));
        assertEquals(1, (long) c.evicted(Owner.USER, Owner.KERNEL));
        assertEquals(3, (long) c.occupancy(Owner.USER));
        assertEquals(1, (long) c.occupancy(Owner.KERNEL));
        assertTrue(c.access(1, Owner.USER) == false && c.contains(1), "odd lines use the other set");
    }

    @Test
    void aHitKeepsTheLinesOwner() {
        ExactCache c = new ExactCache(4, 4);
        c.access(5, Owner.USER);
        assertTrue(c.access(5, Owner.KERNEL));
        assertEquals(1, (long) c.occupancy(Owner.USER));
        assertEquals(0, (long) c.occupancy(Owner.KERNEL));
    }

    @Test
    void nonPowerOfTwoSetCountsWork() {
        ExactCache c = new ExactCache(12, 4);         // 3 sets
        for (long l = 0; l < 12; l++) assertFalse(c.access(l, Owner.USER));
        for (long l = 0; l < 12; l++) assertTrue(c.access(l, Owner.USER));
    }

    /**
     * Against a plain reference (per set, a list of lines most recent first, with their owners): every hit, miss,
     * prefetch insert, eviction count and occupancy agrees, for any geometry and reference mix.
     */
    @Property(tries = 60)
    void agreesWithAReferenceLru(@ForAll @IntRange(min = 1, max = 7) int sets, @ForAll @IntRange(min = 1, max = 20) int ways,
                                 @ForAll @IntRange(min = 1, max = 200) int lines, @ForAll long seed) {
        ExactCache c = new ExactCache(sets * ways, ways);
        List<List<long[]>> ref = new ArrayList<>();                 // per set: {line, owner}, most recent first
        for (int s = 0; s < sets; s++) ref.add(new ArrayList<>());
        long[] evictions = new long[Owner.MAX * Owner.MAX];
        SplittableRandom r = new SplittableRandom(seed);
        for (int step = 0; step < 2000; step++) {
            long line = r.nextInt(lines);
            int owner = r.nextInt(3);
            boolean prefetch = r.nextInt(4) == 0;
            List<long[]> set = ref.get((int) (line % sets));
            int at = -1;
            for (int i = 0; i < set.size(); i++) if (set.get(i)[0] == line) at = i;
            boolean hit = at >= 0;
            if (hit && !prefetch) set.add(0, set.remove(at));
            if (!hit) {
                if (set.size() == ways) {
                    long[] gone = set.remove(ways - 1);
                    evictions[(int) gone[1] * Owner.MAX + owner]++;
                }
                set.add(0, new long[] {line, owner});
            }
            if (prefetch) assertEquals(!hit, c.insertIfAbsent(line, owner), "prefetch of line " + line + " at step " + step);
            else assertEquals(hit, c.access(line, owner), "access of line " + line + " at step " + step);
        }
        for (int v = 0; v < 3; v++) {
            long held = 0;
            for (List<long[]> set : ref) for (long[] e : set) if (e[1] == v) held++;
            assertEquals(held, (long) c.occupancy(v), "occupancy of owner " + v);
            for (int by = 0; by < 3; by++) assertEquals(evictions[v * Owner.MAX + by], (long) c.evicted(v, by), "evictions " + v + " by " + by);
        }
        for (long l = 0; l < lines; l++) {
            final long line = l;
            assertEquals(ref.get((int) (l % sets)).stream().anyMatch(e -> e[0] == line), c.contains(l), "presence of line " + l);
        }
    }

    @Test
    void refusesLinesOutsideTheTagRange() {
        ExactCache c = new ExactCache(8, 4);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> c.access(-1, Owner.USER));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> c.access(ExactCache.MAX_LINE + 1, Owner.USER));
    }
}
