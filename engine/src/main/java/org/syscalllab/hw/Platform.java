package org.syscalllab.hw;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One machine as the papers describe it: cores and clock, the cache and TLB hierarchy, memory latency, the cost of
 * entering and leaving the kernel, the pipeline refill that a mode switch forces, how much miss latency the core hides,
 * and the inter-core costs. Every preset lives in {@link Platforms}, where each constant names its source.
 *
 * <p>Immutable and validated: a bad value throws {@link IllegalArgumentException} naming the field, the value and the
 * allowed range. Change a field with a {@code with...} method or {@link #toBuilder()}.
 *
 * @param name                 preset name, e.g. {@code flexsc-nehalem-2.3ghz}
 * @param cpu                  the processor in words, e.g. "Intel Core i7 (Nehalem), 2.3 GHz"
 * @param cores                number of cores (hardware threads are not modelled)
 * @param clockHz              core clock in Hz; all cycle counts below are in cycles of this clock
 * @param l1i                  first-level instruction cache
 * @param l1d                  first-level data cache
 * @param l2                   second-level (unified) cache, absent on some embedded cores (StrongARM)
 * @param l3                   third-level (unified, usually shared) cache, absent on older machines; requires an l2
 * @param itlb                 first-level instruction TLB
 * @param dtlb                 first-level data TLB
 * @param memoryLatencyCycles  latency of a load that misses every cache
 * @param syscallEntryCycles   cycles from the system-call instruction to the first kernel instruction
 * @param syscallExitCycles    cycles from the return instruction to the first user instruction
 * @param pipelineRefillCycles user-visible cycles lost per mode switch round trip to draining the pipeline before the
 *                             exception and refilling it after the return (the direct cost beyond entry and exit)
 * @param missOverlap          fraction of a miss's latency that stalls the core (1 = fully exposed; out-of-order cores
 *                             overlap misses with work and with each other, so less than 1)
 * @param procedureCallCycles  cycles of a plain call and return pair (the papers' baseline for crossing costs)
 * @param ipiCycles            cycles from sending an inter-processor interrupt to the target core running its handler
 * @param cacheToCacheCycles   cycles to move a cache line from another core's private cache
 */
public record Platform(String name, String cpu, int cores, double clockHz,
                       CacheLevel l1i, CacheLevel l1d, Optional<CacheLevel> l2, Optional<CacheLevel> l3,
                       Tlb itlb, Tlb dtlb,
                       int memoryLatencyCycles, int syscallEntryCycles, int syscallExitCycles,
                       int pipelineRefillCycles, double missOverlap, int procedureCallCycles,
                       int ipiCycles, int cacheToCacheCycles) {

    public Platform {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name must not be blank");
        cpu = cpu == null ? "" : cpu;
        Objects.requireNonNull(l1i, "l1i");
        Objects.requireNonNull(l1d, "l1d");
        l2 = l2 == null ? Optional.empty() : l2;
        l3 = l3 == null ? Optional.empty() : l3;
        if (l3.isPresent() && l2.isEmpty()) throw new IllegalArgumentException("l3 is present but l2 is absent; allowed: an l3 only below an l2");
        Objects.requireNonNull(itlb, "itlb");
        Objects.requireNonNull(dtlb, "dtlb");
        if (cores < 1 || cores > 1024) throw bad("cores", cores, "[1, 1024]");
        if (!(clockHz >= 1e6 && clockHz <= 1e11)) throw bad("clock_hz", clockHz, "[1e6, 1e11]");
        if (memoryLatencyCycles < 1) throw bad("memory_latency_cycles", memoryLatencyCycles, ">= 1");
        if (syscallEntryCycles < 0) throw bad("syscall_entry_cycles", syscallEntryCycles, ">= 0");
        if (syscallExitCycles < 0) throw bad("syscall_exit_cycles", syscallExitCycles, ">= 0");
        if (pipelineRefillCycles < 0) throw bad("pipeline_refill_cycles", pipelineRefillCycles, ">= 0");
        if (!(missOverlap > 0 && missOverlap <= 1)) throw bad("miss_overlap", missOverlap, "(0, 1]");
        if (procedureCallCycles < 0) throw bad("procedure_call_cycles", procedureCallCycles, ">= 0");
        if (ipiCycles < 0) throw bad("ipi_cycles", ipiCycles, ">= 0");
        if (cacheToCacheCycles < 0) throw bad("cache_to_cache_cycles", cacheToCacheCycles, ">= 0");
        int line = l1d.lineBytes();
        for (CacheLevel c : levels(l1i, l1d, l2, l3)) {
            if (c.lineBytes() != line) {
                throw new IllegalArgumentException(c.name() + ".line_bytes = " + c.lineBytes() + " is not allowed; allowed: the same line size as l1d ("
                        + line + ")");
            }
        }
    }

    private static IllegalArgumentException bad(String field, Object value, String allowed) {
        return new IllegalArgumentException(field + " = " + value + " is not allowed; allowed: " + allowed);
    }

    private static List<CacheLevel> levels(CacheLevel l1i, CacheLevel l1d, Optional<CacheLevel> l2, Optional<CacheLevel> l3) {
        List<CacheLevel> out = new ArrayList<>(List.of(l1i, l1d));
        l2.ifPresent(out::add);
        l3.ifPresent(out::add);
        return out;
    }

    /** Every cache level, instruction L1 first, then data L1, L2 and L3 (those present). */
    public List<CacheLevel> caches() { return levels(l1i, l1d, l2, l3); }

    /** The last-level data cache (L3 if present, else L2, else L1d). */
    public CacheLevel lastLevel() { return l3.orElse(l2.orElse(l1d)); }

    /** The unified levels below L1 (L2 then L3, those present). */
    public List<CacheLevel> unifiedLevels() {
        List<CacheLevel> out = new ArrayList<>(2);
        l2.ifPresent(out::add);
        l3.ifPresent(out::add);
        return out;
    }

    /** The cache line size in bytes (the same at every level). */
    public int lineBytes() { return l1d.lineBytes(); }

    /** Cycles of a null system call round trip (entry plus exit). */
    public int syscallRoundTripCycles() { return syscallEntryCycles + syscallExitCycles; }

    /** Nanoseconds per cycle of this platform's clock. */
    public double nsPerCycle() { return 1e9 / clockHz; }

    /** Cycles to seconds at this platform's clock. */
    public double seconds(double cycles) { return cycles / clockHz; }

    public Platform withCores(int n) { return toBuilder().cores(n).build(); }

    public Platform withClockHz(double hz) { return toBuilder().clockHz(hz).build(); }

    public Platform withL1d(CacheLevel c) { return toBuilder().l1d(c).build(); }

    public Platform withL1i(CacheLevel c) { return toBuilder().l1i(c).build(); }

    public Platform withL2(CacheLevel c) { return toBuilder().l2(c).build(); }

    public Platform withoutL3() { return toBuilder().noL3().build(); }

    public Platform withL3(CacheLevel c) { return toBuilder().l3(c).build(); }

    public Platform withDtlb(Tlb t) { return toBuilder().dtlb(t).build(); }

    public Platform withItlb(Tlb t) { return toBuilder().itlb(t).build(); }

    public Platform withSyscallCycles(int entry, int exit) { return toBuilder().syscallEntryCycles(entry).syscallExitCycles(exit).build(); }

    public Platform withPipelineRefillCycles(int c) { return toBuilder().pipelineRefillCycles(c).build(); }

    public Platform withMissOverlap(double f) { return toBuilder().missOverlap(f).build(); }

    public Platform withMemoryLatencyCycles(int c) { return toBuilder().memoryLatencyCycles(c).build(); }

    /** A builder holding this platform's values, to change several fields at once. */
    public Builder toBuilder() { return new Builder(this); }

    /** A builder with every field to be set (for a new machine). */
    public static Builder builder(String name) { return new Builder(name); }

    /** Mutable helper for building a {@link Platform}; {@link #build()} validates. */
    public static final class Builder {
        private String name;
        private String cpu = "";
        private int cores = 1;
        private double clockHz;
        private CacheLevel l1i;
        private CacheLevel l1d;
        private Optional<CacheLevel> l2 = Optional.empty();
        private Optional<CacheLevel> l3 = Optional.empty();
        private Tlb itlb;
        private Tlb dtlb;
        private int memoryLatencyCycles;
        private int syscallEntryCycles;
        private int syscallExitCycles;
        private int pipelineRefillCycles;
        private double missOverlap = 1;
        private int procedureCallCycles;
        private int ipiCycles;
        private int cacheToCacheCycles;

        private Builder(String name) { this.name = name; }

        private Builder(Platform p) {
            name = p.name; cpu = p.cpu; cores = p.cores; clockHz = p.clockHz; l1i = p.l1i; l1d = p.l1d; l2 = p.l2; l3 = p.l3;
            itlb = p.itlb; dtlb = p.dtlb; memoryLatencyCycles = p.memoryLatencyCycles; syscallEntryCycles = p.syscallEntryCycles;
            syscallExitCycles = p.syscallExitCycles; pipelineRefillCycles = p.pipelineRefillCycles; missOverlap = p.missOverlap;
            procedureCallCycles = p.procedureCallCycles; ipiCycles = p.ipiCycles; cacheToCacheCycles = p.cacheToCacheCycles;
        }

        public Builder name(String v) { name = v; return this; }
        public Builder cpu(String v) { cpu = v; return this; }
        public Builder cores(int v) { cores = v; return this; }
        public Builder clockHz(double v) { clockHz = v; return this; }
        public Builder clockMHz(double v) { clockHz = v * 1e6; return this; }
        public Builder l1i(CacheLevel v) { l1i = v; return this; }
        public Builder l1d(CacheLevel v) { l1d = v; return this; }
        public Builder l2(CacheLevel v) { l2 = Optional.ofNullable(v); return this; }
        public Builder noL2() { l2 = Optional.empty(); return this; }
        public Builder l3(CacheLevel v) { l3 = Optional.ofNullable(v); return this; }
        public Builder noL3() { l3 = Optional.empty(); return this; }
        public Builder itlb(Tlb v) { itlb = v; return this; }
        public Builder dtlb(Tlb v) { dtlb = v; return this; }
        public Builder memoryLatencyCycles(int v) { memoryLatencyCycles = v; return this; }
        public Builder syscallEntryCycles(int v) { syscallEntryCycles = v; return this; }
        public Builder syscallExitCycles(int v) { syscallExitCycles = v; return this; }
        public Builder pipelineRefillCycles(int v) { pipelineRefillCycles = v; return this; }
        public Builder missOverlap(double v) { missOverlap = v; return this; }
        public Builder procedureCallCycles(int v) { procedureCallCycles = v; return this; }
        public Builder ipiCycles(int v) { ipiCycles = v; return this; }
        public Builder cacheToCacheCycles(int v) { cacheToCacheCycles = v; return this; }

        public Platform build() {
            return new Platform(name, cpu, cores, clockHz, l1i, l1d, l2, l3, itlb, dtlb, memoryLatencyCycles,
                    syscallEntryCycles, syscallExitCycles, pipelineRefillCycles, missOverlap, procedureCallCycles,
                    ipiCycles, cacheToCacheCycles);
        }
    }
}
