package org.syscalllab.hw;

/**
 * A translation look-aside buffer: entries, associativity, the page size each entry maps, and the cycles a miss costs
 * (a second-level TLB hit or a page walk, averaged).
 *
 * @param name              short name used in metric suffixes: {@code dtlb}, {@code itlb}
 * @param entries           number of entries; a multiple of {@code ways}
 * @param ways              associativity ({@code entries} = fully associative)
 * @param pageBytes         bytes mapped by one entry, a power of two (4096 for x86 small pages)
 * @param missPenaltyCycles average cycles added by a miss in this TLB
 */
public record Tlb(String name, int entries, int ways, int pageBytes, int missPenaltyCycles) {
    public Tlb {
        if (name == null || !name.matches("[a-z][a-z0-9]*")) {
            throw new IllegalArgumentException("tlb name '" + name + "' is not allowed; allowed: lower-case letters and digits");
        }
        if (ways < 1) throw new IllegalArgumentException(name + ".ways = " + ways + " is not allowed; allowed: >= 1");
        if (entries < ways || entries % ways != 0) {
            throw new IllegalArgumentException(name + ".entries = " + entries + " is not allowed; allowed: a positive multiple of ways = " + ways);
        }
        if (pageBytes < 512 || Integer.bitCount(pageBytes) != 1) {
            throw new IllegalArgumentException(name + ".page_bytes = " + pageBytes + " is not allowed; allowed: a power of two >= 512");
        }
        if (missPenaltyCycles < 0) {
            throw new IllegalArgumentException(name + ".miss_penalty_cycles = " + missPenaltyCycles + " is not allowed; allowed: >= 0");
        }
    }

    public int sets() { return entries / ways; }

    public Tlb withEntries(int e) { return new Tlb(name, e, ways, pageBytes, missPenaltyCycles); }

    public Tlb withWays(int w) { return new Tlb(name, entries, w, pageBytes, missPenaltyCycles); }

    public Tlb withMissPenaltyCycles(int c) { return new Tlb(name, entries, ways, pageBytes, c); }
}
