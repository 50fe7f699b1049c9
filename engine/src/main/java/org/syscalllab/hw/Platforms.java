package org.syscalllab.hw;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The machines of the five papers, one method each. Every constant names its source: a paper (table, section), a
 * public datasheet fact about the CPU model (named as such), or {@code ASSUMPTION:} with the reason. These presets are
 * the single home of platform constants; experiments take a {@link Platform} and readers change it with the
 * {@code with...} methods of {@link Platform} or {@link Platform#toBuilder()}.
 *
 * <p>Abbreviations in the comments: FlexSC = Soares and Stumm, OSDI 2010; CC = the cluster-call thesis (Windows
 * Research Kernel, Core i7 920); MC = the multi-call paper (Linux 2.4, Pentium II laptop); Cosy = the compound system
 * call paper (Pentium 4); MPK = Kågström's thesis on multiprocessor kernels.
 */
public final class Platforms {
    private Platforms() { }

    /** Every preset by name, in a stable order (for listings and notebook drop-downs). */
    public static Map<String, Supplier<Platform>> all() {
        Map<String, Supplier<Platform>> m = new LinkedHashMap<>();
        m.put("flexsc-nehalem", Platforms::flexscNehalem);
        m.put("cc-core-i7-920", Platforms::clusterCallCoreI7920);
        m.put("mc-pentium2-266-laptop", Platforms::multicallPentium2Laptop);
        m.put("mc-pentium3-650-desktop", Platforms::multicallPentium3Desktop);
        m.put("mc-sun-e450", Platforms::multicallSunE450);
        m.put("mc-ipaq-strongarm", Platforms::multicallIpaq);
        m.put("mc-skiff-strongarm", Platforms::multicallSkiff);
        m.put("cosy-pentium4-1.7", Platforms::cosyPentium4);
        m.put("mpk-dual-pentium-pro-200", Platforms::kagstromDualPentiumPro);
        m.put("mpk-pentium3-1000", Platforms::kagstromPentium3);
        m.put("mpk-dual-pentium2-300", Platforms::kagstromDualPentium2);
        m.put("mpk-simics-ia32", Platforms::kagstromSimicsIa32);
        m.put("mpk-simics-p4", Platforms::kagstromSimicsP4);
        return m;
    }

    /** The preset of the given name (see {@link #all()}). */
    public static Platform byName(String name) {
        Supplier<Platform> s = all().get(name);
        if (s == null) throw new IllegalArgumentException("platform = " + name + " is not allowed; allowed: one of " + String.join(", ", all().keySet()));
        return s.get();
    }

    /** The preset names. */
    public static List<String> names() { return List.copyOf(all().keySet()); }

    // ---------------------------------------------------------------------------------------------------------------
    /**
     * FlexSC's machine: Intel Nehalem Core i7 at 2.3 GHz, 4 cores, hyper-threading and TurboBoost off (FlexSC §2, §5,
     * Table 3 caption; the body of Table 3 did not survive, so the Nehalem datasheet and CC Table 6.1, which describes
     * the same microarchitecture, fill in).
     */
    public static Platform flexscNehalem() {
        return Platform.builder("flexsc-nehalem")
                .cpu("Intel Core i7 (Nehalem), 2.3 GHz, 4 cores")
                .cores(4)                                   // FlexSC §5: "4 cores"
                .clockHz(2.3e9)                             // FlexSC Table 3 caption: "2.3GHz Core i7"
                // 32 KB (datasheet; = CC Table 6.1), 4-way (Nehalem datasheet), 64 B lines (FlexSC Table 1 caption), 3 cycles (CC Table 6.1)
                .l1i(new CacheLevel("l1i", 32 * 1024, 4, 64, 3, 0, false))
                // 32 KB (FlexSC §2.2), 8-way (Nehalem datasheet), 4 cycles (CC Table 6.1, same microarchitecture)
                .l1d(new CacheLevel("l1d", 32 * 1024, 8, 64, 4, 0, false))
                // 256 KB 8-way (Nehalem datasheet; CC Table 6.1 says 256 KB), 11 cycles (CC Table 6.1).
                // ASSUMPTION: prefetch 2 lines per demand miss: the adjacent-line prefetcher adds the other half of the
                // 128-byte pair (Intel optimisation manual, Nehalem) and the streamer about one more line on the short
                // runs of kernel objects. FlexSC §2.2 says only that L2/L3 "use more aggressive prefetching".
                .l2(new CacheLevel("l2", 256 * 1024, 8, 64, 11, 2, false))
                // 8 MB 16-way shared (Core i7 9xx datasheet), 38 cycles (CC Table 6.1: "35-40 cycles", midpoint).
                // ASSUMPTION: a miss in L3 brings 10 more lines of the page (Nehalem's streamer runs up to 20 lines
                // ahead, Intel optimisation manual). No public figure gives the LLC fill per miss; the value was chosen
                // from Table 1's average L3/L2 ratio (about 3.5), i.e. reasoned backwards, so the L3 evictions test the
                // per-call spread, not the average level.
                .l3(new CacheLevel("l3", 8L * 1024 * 1024, 16, 64, 38, 10, true))
                // 128 entries 4-way, 4 KB pages (Nehalem datasheet). ASSUMPTION: 20-cycle average miss (second-level
                // TLB of 512 entries hits in ~7 cycles, page walks hit the caches: a blend).
                .itlb(new Tlb("itlb", 128, 4, 4096, 20))
                // 64 entries (FlexSC §2.2: "The 64 entry first level d-TLB"), 4-way (Nehalem datasheet); miss as itlb.
                .dtlb(new Tlb("dtlb", 64, 4, 4096, 20))
                .memoryLatencyCycles(250)                   // FlexSC §2.1: "250 cycles on our machine"
                .syscallEntryCycles(79)                     // FlexSC §2.1: gettsc, "79 cycles" to enter
                .syscallExitCycles(71)                      // FlexSC §2.1: "71 cycles" to leave (150 round trip)
                // ASSUMPTION: the exception drains the out-of-order window before entry and the return refills the
                // front end and window: 2 x (17-cycle front-end refill, the Nehalem mispredict penalty in Intel's
                // optimisation manual + 128-entry ROB / 4-wide = 32 cycles) ~= 100 cycles seen by user mode.
                .pipelineRefillCycles(100)
                // ASSUMPTION: an out-of-order Nehalem keeps up to 10 L1 misses in flight (10 fill buffers, datasheet);
                // typical integer codes overlap about 3, so ~0.3 of a miss's latency stalls the core.
                .missOverlap(0.3)
                .procedureCallCycles(5)                     // CC Table 3.1: call 2 + ret 3 cycles, same microarchitecture
                // ASSUMPTION: FlexSC gives no IPI cost; ~0.65 us from send to handler on Nehalem-class Linux.
                .ipiCycles(1500)
                // ASSUMPTION: FlexSC §3.3 says "in the order of 10s of cycles"; 40 chosen.
                .cacheToCacheCycles(40)
                .build();
    }

    /** CC's machine: Intel Core i7 920 (Nehalem/Bloomfield) at 2.67 GHz fixed, 4 cores, HT off (CC Table 6.1). */
    public static Platform clusterCallCoreI7920() {
        Platform n = flexscNehalem();
        return n.toBuilder()
                .name("cc-core-i7-920")
                .cpu("Intel Core i7 920 (Nehalem), 2.67 GHz, 4 cores")
                .cores(4)                                   // CC Table 6.1
                .clockHz(2.67e9)                            // CC Table 6.1: 2.67 GHz, fixed
                .l1i(n.l1i().withLatencyCycles(3))          // CC Table 6.1: 32 KB, 3 cycles
                .l1d(n.l1d().withLatencyCycles(4))          // CC Table 6.1: 32 KB, 4 cycles
                .l2(n.l2().orElseThrow().withLatencyCycles(11)) // CC Table 6.1: 256 KB, 11 cycles
                .l3(n.l3().orElseThrow().withLatencyCycles(38)) // CC Table 6.1: 8 MB, 35-40 cycles (midpoint)
                // ASSUMPTION: CC gives no memory latency; FlexSC's 250 cycles at 2.3 GHz (109 ns) on the same
                // microarchitecture is kept in nanoseconds: 109 ns x 2.67 GHz = 290 cycles.
                .memoryLatencyCycles(290)
                .syscallEntryCycles(152)                    // CC Table 3.1: sysenter entry 152 cycles
                .syscallExitCycles(140)                     // CC Table 3.1: exit 140 cycles
                .procedureCallCycles(5)                     // CC Table 3.1: 2 + 3 cycles
                .build();
    }

    /**
     * MC's primary machine: a laptop with an Intel Pentium II at 266 MHz, 64 MB, Linux 2.4 (MC §5 and Table 1). MC
     * gives no cache sizes; the Pentium II datasheet fills in.
     */
    public static Platform multicallPentium2Laptop() {
        return Platform.builder("mc-pentium2-266-laptop")
                .cpu("Intel Pentium II (mobile), 266 MHz")
                .cores(1)                                   // MC: a laptop, one processor
                .clockMHz(266)                              // MC Table 1 caption: "Pentium II 266 MHz"
                .l1i(CacheLevel.of("l1i", 16 * 1024, 4, 32, 1))   // Pentium II datasheet: 16 KB 4-way, 32 B lines
                .l1d(CacheLevel.of("l1d", 16 * 1024, 4, 32, 3))   // Pentium II datasheet: 16 KB 4-way, 3-cycle load
                // ASSUMPTION: the 266 MHz mobile part (Tonga) has a 512 KB 4-way off-die L2 at half clock: ~16 cycles.
                .l2(CacheLevel.of("l2", 512 * 1024, 4, 32, 16))
                .itlb(new Tlb("itlb", 32, 4, 4096, 15))     // Pentium II datasheet: 32 entries 4-way. ASSUMPTION: 15-cycle walk
                .dtlb(new Tlb("dtlb", 64, 4, 4096, 15))     // Pentium II datasheet: 64 entries 4-way. ASSUMPTION: 15-cycle walk
                // ASSUMPTION: 66 MHz SDRAM, ~120 ns to first word = 32 cycles at 266 MHz.
                .memoryLatencyCycles(32)
                .syscallEntryCycles(140)                    // MC Table 1: entry 173 - 33 = 140 cycles
                .syscallExitCycles(189)                     // MC Table 1: exit 222 - 33 = 189 cycles
                // ASSUMPTION: P6 mispredict penalty ~11-15 cycles (Intel optimisation manual); drain + refill ~ 2 x 15.
                .pipelineRefillCycles(30)
                .missOverlap(0.6)                           // ASSUMPTION: narrow P6 window overlaps little
                .procedureCallCycles(7)                     // MC Table 1: procedure entry 3 + exit 4 cycles
                .ipiCycles(0)                               // single processor
                .cacheToCacheCycles(0)                      // single processor
                .build();
    }

    /** MC Table 2's desktop: Intel Pentium III at 650 MHz, Linux 2.4.4 (MC Table 2). */
    public static Platform multicallPentium3Desktop() {
        return Platform.builder("mc-pentium3-650-desktop")
                .cpu("Intel Pentium III (Coppermine), 650 MHz")
                .cores(1)                                   // MC Table 2: a desktop
                .clockMHz(650)                              // MC Table 2: "PIII-650"
                .l1i(CacheLevel.of("l1i", 16 * 1024, 4, 32, 1))   // Pentium III datasheet: 16 KB 4-way, 32 B lines
                .l1d(CacheLevel.of("l1d", 16 * 1024, 4, 32, 3))   // Pentium III datasheet: 16 KB 4-way
                .l2(CacheLevel.of("l2", 256 * 1024, 8, 32, 7))    // Coppermine datasheet: 256 KB 8-way on-die; ASSUMPTION: 7 cycles
                .itlb(new Tlb("itlb", 32, 4, 4096, 15))     // Pentium III datasheet; ASSUMPTION: 15-cycle walk
                .dtlb(new Tlb("dtlb", 64, 4, 4096, 15))     // Pentium III datasheet; ASSUMPTION: 15-cycle walk
                .memoryLatencyCycles(80)                    // ASSUMPTION: PC100/133 SDRAM ~120 ns = 78 cycles at 650 MHz
                // ASSUMPTION: MC measured entry/exit only on the laptop; the same P6 core and Linux 2.4 int 0x80 path is
                // assumed to take the same cycles (MC Table 1: 140 / 189).
                .syscallEntryCycles(140)
                .syscallExitCycles(189)
                .pipelineRefillCycles(30)                   // ASSUMPTION: as the Pentium II (same P6 pipeline)
                .missOverlap(0.6)                           // ASSUMPTION: as the Pentium II
                .procedureCallCycles(7)                     // ASSUMPTION: as MC Table 1 on the P6 laptop
                .build();
    }

    /**
     * MC Table 2's Sun Enterprise 450 (4 processors, Solaris 7). MC gives neither the processor type nor the clock.
     */
    public static Platform multicallSunE450() {
        return Platform.builder("mc-sun-e450")
                .cpu("Sun Enterprise 450, 4 x UltraSPARC-II (clock not given)")
                .cores(4)                                   // MC Table 2: "4 processors"
                .clockMHz(300)                              // ASSUMPTION: E450 shipped with 250-480 MHz UltraSPARC-II; 300 chosen
                .l1i(CacheLevel.of("l1i", 16 * 1024, 2, 32, 1))   // UltraSPARC-II datasheet: 16 KB 2-way I-cache
                .l1d(CacheLevel.of("l1d", 16 * 1024, 1, 32, 2))   // UltraSPARC-II datasheet: 16 KB direct-mapped D-cache
                .l2(CacheLevel.of("l2", 2L * 1024 * 1024, 1, 32, 10)) // ASSUMPTION: 2 MB direct-mapped external cache, ~10 cycles
                .itlb(new Tlb("itlb", 64, 64, 8192, 30))    // UltraSPARC-II datasheet: 64-entry fully associative, 8 KB pages; ASSUMPTION: 30-cycle software refill
                .dtlb(new Tlb("dtlb", 64, 64, 8192, 30))    // as itlb
                .memoryLatencyCycles(60)                    // ASSUMPTION: ~200 ns at 300 MHz
                .syscallEntryCycles(150)                    // ASSUMPTION: not given by MC; trap entry of the same order as x86
                .syscallExitCycles(150)                     // ASSUMPTION: as entry
                .pipelineRefillCycles(20)                   // ASSUMPTION: 9-stage in-order pipeline, ~2 x 9
                .missOverlap(1.0)                           // ASSUMPTION: in-order core, misses fully exposed
                .procedureCallCycles(5)                     // ASSUMPTION
                .ipiCycles(1000)                            // ASSUMPTION: cross-call through the UPA interconnect
                .cacheToCacheCycles(60)                     // ASSUMPTION: as a memory access
                .build();
    }

    /** MC Table 2's Compaq iPAQ (StrongARM, Linux 2.4.18-rmk3); MC gives no clock. */
    public static Platform multicallIpaq() {
        return Platform.builder("mc-ipaq-strongarm")
                .cpu("Compaq iPAQ, Intel StrongARM SA-1110")
                .cores(1)
                .clockMHz(206)                              // SA-1110 datasheet: iPAQ H3600 series runs at 206 MHz (not in MC)
                .l1i(CacheLevel.of("l1i", 16 * 1024, 32, 32, 1))  // SA-1110 datasheet: 16 KB 32-way I-cache
                .l1d(CacheLevel.of("l1d", 8 * 1024, 32, 32, 1))   // SA-1110 datasheet: 8 KB 32-way D-cache
                .noL2()                                     // SA-1110 datasheet: no L2 (a 512 B mini-cache is not modelled)
                .itlb(new Tlb("itlb", 32, 32, 4096, 30))    // SA-1110 datasheet: 32-entry fully associative; ASSUMPTION: 30-cycle walk
                .dtlb(new Tlb("dtlb", 32, 32, 4096, 30))    // SA-1110 datasheet: 32-entry fully associative
                .memoryLatencyCycles(40)                    // ASSUMPTION: SDRAM ~200 ns at 206 MHz
                .syscallEntryCycles(100)                    // ASSUMPTION: MC gives none (Table 2 is in microseconds)
                .syscallExitCycles(100)                     // ASSUMPTION
                .pipelineRefillCycles(10)                   // ASSUMPTION: 5-stage pipeline
                .missOverlap(1.0)                           // ASSUMPTION: in-order core
                .procedureCallCycles(4)                     // ASSUMPTION
                .build();
    }

    /** MC Table 2's Compaq Personal Server prototype "skiff" (StrongARM, Linux 2.4.0); MC gives no clock. */
    public static Platform multicallSkiff() {
        return multicallIpaq().toBuilder()
                .name("mc-skiff-strongarm")
                .cpu("Compaq Personal Server \"skiff\", Intel StrongARM SA-110")
                .clockMHz(233)                              // ASSUMPTION: SA-110 parts ran at 160-233 MHz; 233 chosen
                .l1d(CacheLevel.of("l1d", 16 * 1024, 32, 32, 1))  // SA-110 datasheet: 16 KB I and 16 KB D, 32-way
                .build();
    }

    /** Cosy's machine: Intel Pentium 4 at 1.7 GHz, 128 MB, Linux 2.4.20 (Cosy §5). Cache sizes: P4 datasheet. */
    public static Platform cosyPentium4() {
        return Platform.builder("cosy-pentium4-1.7")
                .cpu("Intel Pentium 4 (Willamette), 1.7 GHz")
                .cores(1)                                   // Cosy §5: single CPU
                .clockHz(1.7e9)                             // Cosy §5: "Pentium 4, 1.7 GHz"
                // ASSUMPTION: the 12 K-uop trace cache is modelled as a 16 KB 8-way instruction cache of 64 B lines.
                .l1i(CacheLevel.of("l1i", 16 * 1024, 8, 64, 1))
                .l1d(CacheLevel.of("l1d", 8 * 1024, 4, 64, 2))    // Willamette datasheet: 8 KB 4-way, 64 B lines, 2 cycles
                .l2(new CacheLevel("l2", 256 * 1024, 8, 64, 7, 1, false)) // Willamette datasheet: 256 KB 8-way, 7 cycles; 128 B sectors = 1 extra line
                .itlb(new Tlb("itlb", 128, 4, 4096, 30))    // P4 datasheet: 128-entry I-TLB; ASSUMPTION: 4-way, 30-cycle walk
                .dtlb(new Tlb("dtlb", 64, 64, 4096, 30))    // P4 datasheet: 64-entry fully associative D-TLB; ASSUMPTION: 30-cycle walk
                .memoryLatencyCycles(255)                   // ASSUMPTION: RDRAM on a 400 MT/s bus, ~150 ns = 255 cycles
                // ASSUMPTION: Cosy gives no crossing cost; Linux 2.4's int 0x80 / iret on the P4 is known to be slow,
                // ~1,000 cycles round trip in public measurements: 500 + 500.
                .syscallEntryCycles(500)
                .syscallExitCycles(500)
                .pipelineRefillCycles(60)                   // ASSUMPTION: 20-stage pipeline, ~2 x 30 cycles drain + refill
                .missOverlap(0.5)                           // ASSUMPTION
                .procedureCallCycles(6)                     // ASSUMPTION
                .build();
    }

    /** MPK's real machine for the application kernel: dual Pentium Pro at 200 MHz (MPK Ch. 4, Table 4.2). */
    public static Platform kagstromDualPentiumPro() {
        return Platform.builder("mpk-dual-pentium-pro-200")
                .cpu("2 x Intel Pentium Pro, 200 MHz")
                .cores(2)                                   // MPK Ch. 4: "dual"
                .clockMHz(200)                              // MPK Table 4.2: "PPro 200MHz"
                .l1i(CacheLevel.of("l1i", 8 * 1024, 4, 32, 1))    // MPK Ch. 4: 8 KB L1 I; 4-way, 32 B lines (PPro datasheet)
                .l1d(CacheLevel.of("l1d", 8 * 1024, 2, 32, 3))    // MPK Ch. 4: 8 KB L1 D; 2-way (PPro datasheet)
                .l2(CacheLevel.of("l2", 256 * 1024, 4, 32, 6))    // MPK Ch. 4: 256 KB L2 per processor; 4-way (datasheet); ASSUMPTION: 6 cycles (full-speed on-package)
                .itlb(new Tlb("itlb", 32, 4, 4096, 15))     // PPro datasheet; ASSUMPTION: 15-cycle walk
                .dtlb(new Tlb("dtlb", 64, 4, 4096, 15))     // PPro datasheet; ASSUMPTION: 15-cycle walk
                .memoryLatencyCycles(30)                    // ASSUMPTION: ~150 ns EDO memory at 200 MHz
                // MPK 4.6.1: Linux's getpid takes about 970 cycles on this machine and "the cost for Linux is dominated
                // by the two privilege level switches"; the switches get what the 74 instructions of the path (the
                // Simics count, Table 4.2) leave at the model's P6 kernel CPI of 1.5: 970 - 111 = 859 cycles.
                // ASSUMPTION: split between int 0x80 and iret as the MC laptop's P6 measures them (140 : 189).
                .syscallEntryCycles(366)
                .syscallExitCycles(493)
                .pipelineRefillCycles(30)                   // ASSUMPTION: as the Pentium II (P6 pipeline)
                .missOverlap(0.6)                           // ASSUMPTION: as the Pentium II
                .procedureCallCycles(7)                     // ASSUMPTION: as MC Table 1 on the P6
                .ipiCycles(2000)                            // ASSUMPTION: APIC IPI ~10 us on P6-era SMP = 2,000 cycles
                .cacheToCacheCycles(30)                     // ASSUMPTION: bus snoop transfer ~ a memory access
                .build();
    }

    /** MPK Ch. 5's measurement machine: Pentium III at 1 GHz, 256 MB (MPK Ch. 5; caches as its Simics model). */
    public static Platform kagstromPentium3() {
        return Platform.builder("mpk-pentium3-1000")
                .cpu("Intel Pentium III, 1 GHz")
                .cores(1)                                   // MPK Ch. 5
                .clockHz(1e9)                               // MPK Ch. 5: "1 GHz Pentium III"
                .l1i(CacheLevel.of("l1i", 16 * 1024, 4, 32, 1))   // MPK Ch. 5 Simics model: 16 KB 4-way; 32 B lines (datasheet)
                .l1d(CacheLevel.of("l1d", 16 * 1024, 4, 32, 3))   // MPK Ch. 5 Simics model: 16 KB 4-way
                .l2(CacheLevel.of("l2", 512 * 1024, 8, 32, 7))    // MPK Ch. 5 Simics model: unified 512 KB 8-way; ASSUMPTION: 7 cycles
                .itlb(new Tlb("itlb", 32, 4, 4096, 15))     // Pentium III datasheet; ASSUMPTION: 15-cycle walk
                .dtlb(new Tlb("dtlb", 64, 4, 4096, 15))     // Pentium III datasheet; ASSUMPTION: 15-cycle walk
                .memoryLatencyCycles(110)                   // ASSUMPTION: PC133 SDRAM ~110 ns at 1 GHz
                .syscallEntryCycles(140)                    // ASSUMPTION: as MC Table 1 (P6 core, Linux 2.4)
                .syscallExitCycles(189)                     // ASSUMPTION: as MC Table 1
                .pipelineRefillCycles(30)                   // ASSUMPTION: P6 pipeline
                .missOverlap(0.6)                           // ASSUMPTION: as the Pentium II
                .procedureCallCycles(7)                     // ASSUMPTION: as MC Table 1
                .build();
    }

    /** MPK Ch. 3's in-house kernel machine: 2-way SMP Pentium II at 300 MHz, 128 MB (MPK Ch. 3, Table 3.1). */
    public static Platform kagstromDualPentium2() {
        return multicallPentium2Laptop().toBuilder()
                .name("mpk-dual-pentium2-300")
                .cpu("2 x Intel Pentium II, 300 MHz")
                .cores(2)                                   // MPK Ch. 3: "2-way SMP"
                .clockMHz(300)                              // MPK Ch. 3: "300 MHz Pentium II"
                .l2(CacheLevel.of("l2", 512 * 1024, 4, 32, 16)) // Pentium II (Klamath/Deschutes) datasheet: 512 KB off-die at half clock; ASSUMPTION: 16 cycles
                .memoryLatencyCycles(36)                    // ASSUMPTION: ~120 ns SDRAM at 300 MHz
                .ipiCycles(2000)                            // ASSUMPTION: as the dual Pentium Pro
                .cacheToCacheCycles(36)                     // ASSUMPTION: bus snoop ~ a memory access
                .build();
    }

    /**
     * MPK Ch. 4's Simics machine: a complete IA-32 system with 1 to 8 processors where "each instruction executes in
     * one cycle and there is no additional penalty for changing privilege mode" and caches and cross-processor cache
     * accesses are not simulated (MPK Sections 4.5.1 and 4.6.1). Cache geometry is kept from the Pentium Pro only so
     * that the record is complete; nothing charges it. The simulated clock is not given.
     */
    public static Platform kagstromSimicsIa32() {
        return kagstromDualPentiumPro().toBuilder()
                .name("mpk-simics-ia32")
                .cpu("Simics IA-32, 1 instruction per cycle, no caches")
                .cores(8)                                   // MPK Ch. 4: "1 to 8 processors"
                .clockMHz(100)                              // ASSUMPTION: not given; only cycles are reported
                .memoryLatencyCycles(1)                     // MPK 4.5.1: caches are not simulated (1 = the minimum the record allows; nothing charges it)
                .syscallEntryCycles(0)                      // MPK 4.6.1: no penalty for changing privilege mode
                .syscallExitCycles(0)                       // MPK 4.6.1
                .pipelineRefillCycles(0)                    // one cycle per instruction, no pipeline model
                .missOverlap(1)
                .ipiCycles(100)                             // ASSUMPTION: only the interrupt path's instructions
                .cacheToCacheCycles(0)                      // MPK 4.5.1: cross-processor cache access not accounted
                .build();
    }

    /**
     * MPK Ch. 2's Simics machine: 1 to 8 processors with "the memory hierarchy modeled after the Pentium 4" (MPK
     * Section 2.5); sizes not given, so the Cosy Pentium 4's datasheet geometry is used. ASSUMPTION: no privilege
     * switch penalty (as Ch. 4's Simics set-up); a cross-CPU line transfer costs a memory access.
     */
    public static Platform kagstromSimicsP4() {
        Platform p4 = cosyPentium4();
        return p4.toBuilder()
                .name("mpk-simics-p4")
                .cpu("Simics IA-32 with a Pentium 4-like memory hierarchy")
                .cores(8)                                   // MPK Ch. 2: 1 to 8 processors
                .clockMHz(100)                              // ASSUMPTION: not given; results are ratios
                .syscallEntryCycles(0)                      // ASSUMPTION: as MPK 4.6.1's Simics
                .syscallExitCycles(0)
                .ipiCycles(100)                             // ASSUMPTION: as mpk-simics-ia32
                .cacheToCacheCycles(p4.memoryLatencyCycles()) // ASSUMPTION: a dirty line comes through memory
                .build();
    }

    // ---------------------------------------------------------------------------------------------------------------
    /**
     * A modern server core for what-if studies (not a machine of the five papers): an Intel Skylake-SP class Xeon, 8
     * of its cores, at 2.1 GHz. {@code meltdownMitigations} selects the kernel entry/exit path before the Meltdown
     * mitigations (no page-table isolation) or after them (kernel page-table isolation with PCID, plus the Spectre
     * v2 entry hardening shipped alongside it). Cache geometry and latencies are public Skylake-SP datasheet and
     * optimisation-manual facts; the mode-switch costs are order-of-magnitude readings of public measurements and
     * are marked as assumptions because no measurement on this exact part is cited.
     */
    public static Platform modernServerCore(boolean meltdownMitigations) {
        return Platform.builder(meltdownMitigations ? "modern-skylake-sp-kpti" : "modern-skylake-sp")
                .cpu("Intel Xeon (Skylake-SP class), 2.1 GHz, 8 cores" + (meltdownMitigations ? ", KPTI on" : ", KPTI off"))
                // ASSUMPTION: 8 cores, the largest core count the what-if sweeps use (the part has more)
                .cores(8)
                .clockHz(2.1e9)                             // Xeon Gold 6130 datasheet base clock (a Skylake-SP part)
                // 32 KB 8-way, 64 B lines, 4 cycles (Intel optimisation manual, Skylake client/server core)
                .l1i(new CacheLevel("l1i", 32 * 1024, 8, 64, 4, 0, false))
                .l1d(new CacheLevel("l1d", 32 * 1024, 8, 64, 4, 0, false))
                // 1 MB 16-way private L2, 14 cycles (Intel optimisation manual, Skylake-SP). ASSUMPTION: prefetch as
                // the Nehalem preset (adjacent-line + streamer), 2 lines per demand miss
                .l2(new CacheLevel("l2", 1024 * 1024, 16, 64, 14, 2, false))
                // 1.375 MB per core non-inclusive shared L3 (Skylake-SP datasheet) -> 11 MB for 8 cores, 11-way;
                // ASSUMPTION: ~50 cycles load-to-use on the mesh (public microbenchmarks give 50-70), 10 lines fill
                .l3(new CacheLevel("l3", 11L * 1024 * 1024, 11, 64, 50, 10, true))
                // 128 entries 8-way iTLB, 64 entries 4-way dTLB, 4 KB pages (Intel optimisation manual, Skylake).
                // ASSUMPTION: 20-cycle average miss, as the Nehalem preset (1536-entry STLB hits in ~9 cycles)
                .itlb(new Tlb("itlb", 128, 8, 4096, 20))
                .dtlb(new Tlb("dtlb", 64, 4, 4096, 20))
                // ASSUMPTION: ~90 ns DRAM latency on a 2-socket Skylake-SP (public microbenchmarks), x 2.1 GHz
                .memoryLatencyCycles(190)
                // ASSUMPTION: without KPTI a null system call (syscall + sysret and the entry stub) costs ~100 cycles
                // on Skylake, about 50 each way (public null-syscall microbenchmarks, e.g. lmbench "null call"); with
                // KPTI the two CR3 writes plus the Spectre v2 entry hardening add several hundred cycles (public
                // post-KPTI reports of 2-5x slower null system calls, e.g. LWN's and Brendan Gregg's 2018 write-ups):
                // 300 each way chosen, i.e. 600 round trip, 6x the unmitigated path.
                .syscallEntryCycles(meltdownMitigations ? 300 : 50)
                .syscallExitCycles(meltdownMitigations ? 300 : 50)
                // ASSUMPTION: as the Nehalem preset, 2 x (16-cycle front-end refill + 224-entry ROB / 4-wide = 56)
                // ~= 140 cycles seen by user mode per round trip; the mitigations add serialising steps, +60 assumed
                .pipelineRefillCycles(meltdownMitigations ? 200 : 140)
                // ASSUMPTION: a deeper out-of-order window than Nehalem (12 fill buffers): ~0.25 of a miss stalls
                .missOverlap(0.25)
                .procedureCallCycles(5)                     // ASSUMPTION: call + ret, as on Nehalem
                // ASSUMPTION: ~1 us from IPI send to handler on a modern Linux server, x 2.1 GHz
                .ipiCycles(2100)
                // ASSUMPTION: ~100 cycles to pull a line from another core's L2 across the mesh
                .cacheToCacheCycles(100)
                .build();
    }
}
