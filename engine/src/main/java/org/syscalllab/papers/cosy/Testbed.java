package org.syscalllab.papers.cosy;

import org.syscalllab.hw.Platform;

/**
 * The Cosy testbed as the workloads see it: a 1.7 GHz Pentium 4 with 128 MB of RAM and a 10,000 RPM IBM Ultrastar
 * 73LZX SCSI disk, running Linux 2.4.20 with the preemption patch (paper §4.1). The CPU side (clock, crossing, the
 * pipeline refill after a return) comes from the {@link Platform} preset; memory size, the copy cost and the disk are
 * this package's, as the platform record has no fields for them.
 *
 * @param clockHz            CPU clock [paper: 1.7 GHz; from the platform]
 * @param crossingCycles     one int 0x80 system call entry and exit [from the platform]
 * @param refillCycles       user-visible cycles lost per crossing to the pipeline drain and refill [from the platform]
 * @param copyFixedCycles    per copy_to_user/copy_from_user call: access_ok, the call, loop set-up
 * @param copyCyclesPerByte  copy_to_user/copy_from_user cost per byte
 * @param ramMb              main memory [paper: 128 MB]
 * @param reservedMb         memory not available to the page cache (kernel image, mem_map, slab, daemons, the
 *                           benchmark's own pages)
 * @param contextSwitchCycles cost of switching between two processes
 * @param quantumCycles      scheduler time slice
 * @param disk               the disk
 */
public record Testbed(double clockHz, long crossingCycles, long refillCycles, long copyFixedCycles,
                      double copyCyclesPerByte, long ramMb, long reservedMb, long contextSwitchCycles,
                      long quantumCycles, DiskSpec disk) {

    /** The Pentium 4 (Willamette) front-side bus: 400 MT/s, 64 bits wide (datasheet). */
    public static final double FSB_BYTES_PER_S = 400e6 * 8;
    /** ASSUMPTION: fraction of the bus peak a streaming copy sustains with the hardware prefetcher. */
    public static final double FSB_SUSTAINED_FRACTION = 0.6;

    /** ext2 block and page size. ASSUMPTION: 4096 B (the paper does not give the ext2 block size). */
    public static final int BLOCK_BYTES = 4096;

    public Testbed {
        if (!(clockHz > 0)) throw new IllegalArgumentException("clock_hz = " + clockHz + " is not allowed; allowed: > 0");
        if (refillCycles < 0) throw new IllegalArgumentException("refill_cycles = " + refillCycles + " is not allowed; allowed: >= 0");
        if (copyFixedCycles < 0) throw new IllegalArgumentException("copy_fixed_cycles = " + copyFixedCycles + " is not allowed; allowed: >= 0");
        if (crossingCycles < 0) throw new IllegalArgumentException("crossing_cycles = " + crossingCycles + " is not allowed; allowed: >= 0");
        if (!(copyCyclesPerByte >= 0)) throw new IllegalArgumentException("copy_cycles_per_byte = " + copyCyclesPerByte + " is not allowed; allowed: >= 0");
        if (ramMb < 1) throw new IllegalArgumentException("ram_mb = " + ramMb + " is not allowed; allowed: >= 1");
        if (reservedMb < 0 || reservedMb >= ramMb) {
            throw new IllegalArgumentException("reserved_mb = " + reservedMb + " is not allowed; allowed: 0.." + (ramMb - 1));
        }
        if (contextSwitchCycles < 0) throw new IllegalArgumentException("context_switch_cycles = " + contextSwitchCycles + " is not allowed; allowed: >= 0");
        if (quantumCycles < 1) throw new IllegalArgumentException("quantum_cycles = " + quantumCycles + " is not allowed; allowed: >= 1");
        if (disk == null) throw new IllegalArgumentException("disk is required");
    }

    /** Pages the page cache may hold. */
    public long pageCachePages() { return (ramMb - reservedMb) * 1024 * 1024 / BLOCK_BYTES; }

    /** Cycles of one boundary copy of {@code bytes} bytes (none for zero bytes). */
    public long copyCycles(long bytes) { return bytes == 0 ? 0 : copyFixedCycles + Math.round(bytes * copyCyclesPerByte); }

    public double seconds(long cycles) { return cycles / clockHz; }

    /**
     * The paper's testbed on a platform preset (normally {@code Platforms.cosyPentium4()}).
     * <ul>
     * <li>copy: ASSUMPTION 40 fixed cycles per call; per byte, the copy is limited by the front-side bus that brings a
     * page-cache page not in the 256 KB L2 to the core: {@link #FSB_BYTES_PER_S} (400 MT/s x 8 B, Willamette
     * datasheet) at a sustained {@link #FSB_SUSTAINED_FRACTION} of peak (ASSUMPTION), i.e. about 0.89 cycles per
     * byte at 1.7 GHz;</li>
     * <li>RAM 128 MB [paper §4.1]; ASSUMPTION 24 MB of it not available to the page cache (kernel, mem_map, slab,
     * free-page reserve, daemons);</li>
     * <li>context switch: ASSUMPTION 2,000 cycles (2.4 scheduler, TLB flush, refill); quantum: Linux 2.4's default
     * time slice of 6 ticks at HZ = 100, 60 ms;</li>
     * <li>disk: 36 GB [paper §4.1] = 9.4 M blocks; 10,000 RPM [paper] = 6.0 ms per revolution; ASSUMPTION from the
     * Ultrastar 73LZX's class: 0.6 ms track-to-track and 10.5 ms full-stroke seek (4.9 ms average), 40 MB/s media
     * rate (its 29-57 MB/s zones), 0.1 ms command overhead.</li>
     * </ul>
     */
    public static Testbed cosy(Platform p) {
        double clock = p.clockHz();
        double copyPerByte = clock / (FSB_BYTES_PER_S * FSB_SUSTAINED_FRACTION);
        return new Testbed(clock, p.syscallRoundTripCycles(), p.pipelineRefillCycles(), 40, copyPerByte, 128, 24, 2000,
                Math.round(0.060 * clock),
                new DiskSpec(36L * 1024 * 1024 * 1024 / BLOCK_BYTES, 60_000.0 / 10_000, 0.6, 10.5, 40, 0.1));
    }

    public Testbed withRamMb(long mb) {
        return new Testbed(clockHz, crossingCycles, refillCycles, copyFixedCycles, copyCyclesPerByte, mb, Math.min(reservedMb, mb - 1),
                contextSwitchCycles, quantumCycles, disk);
    }

    public Testbed withCrossingCycles(long c) {
        return new Testbed(clockHz, c, refillCycles, copyFixedCycles, copyCyclesPerByte, ramMb, reservedMb, contextSwitchCycles, quantumCycles, disk);
    }

    public Testbed withCopyCyclesPerByte(double c) {
        return new Testbed(clockHz, crossingCycles, refillCycles, copyFixedCycles, c, ramMb, reservedMb, contextSwitchCycles, quantumCycles, disk);
    }

    /**
     * The disk.
     *
     * @param totalBlocks        capacity in 4 KB blocks (seek distances are relative to it) [paper: 36 GB]
     * @param revolutionMs       one revolution [derived from the paper's 10,000 RPM: 6.0 ms]
     * @param trackToTrackSeekMs shortest seek
     * @param fullStrokeSeekMs   longest seek
     * @param mediaMBps          sustained media transfer rate
     * @param commandOverheadMs  controller and SCSI command overhead per request
     */
    public record DiskSpec(long totalBlocks, double revolutionMs, double trackToTrackSeekMs, double fullStrokeSeekMs,
                           double mediaMBps, double commandOverheadMs) {
        public DiskSpec {
            if (totalBlocks < 1) throw new IllegalArgumentException("total_blocks = " + totalBlocks + " is not allowed; allowed: >= 1");
            if (!(revolutionMs >= 0) || !(trackToTrackSeekMs >= 0) || !(fullStrokeSeekMs >= trackToTrackSeekMs)) {
                throw new IllegalArgumentException("disk timings must be >= 0 with full_stroke_seek_ms >= track_to_track_seek_ms");
            }
            if (!(mediaMBps > 0)) throw new IllegalArgumentException("media_mbps = " + mediaMBps + " is not allowed; allowed: > 0");
            if (!(commandOverheadMs >= 0)) throw new IllegalArgumentException("command_overhead_ms = " + commandOverheadMs + " is not allowed; allowed: >= 0");
        }
    }
}
