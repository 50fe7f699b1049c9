package org.syscalllab.papers.cosy;

/**
 * The Cosy testbed as the workloads see it: a 1.7 GHz Pentium 4 with 128 MB of RAM and a 10,000 RPM IBM Ultrastar
 * 73LZX SCSI disk, running Linux 2.4.20 with the preemption patch (paper §4.1).
 *
 * @param clockHz            CPU clock [paper: 1.7 GHz]
 * @param crossingCycles     one int 0x80 system call entry and exit, with SAVE_ALL/RESTORE_ALL and table dispatch
 * @param copyCyclesPerByte  copy_to_user/copy_from_user cost per byte
 * @param ramMb              main memory [paper: 128 MB]
 * @param reservedMb         memory not available to the page cache (kernel image, mem_map, slab, daemons, the
 *                           benchmark's own pages)
 * @param contextSwitchCycles cost of switching between two processes
 * @param quantumCycles      scheduler time slice
 * @param disk               the disk
 */
public record Testbed(double clockHz, long crossingCycles, double copyCyclesPerByte, long ramMb, long reservedMb,
                      long contextSwitchCycles, long quantumCycles, DiskSpec disk) {

    /** ext2 block and page size. ASSUMPTION: 4096 B (the paper does not give the ext2 block size). */
    public static final int BLOCK_BYTES = 4096;

    public Testbed {
        if (!(clockHz > 0)) throw new IllegalArgumentException("clock_hz = " + clockHz + " is not allowed; allowed: > 0");
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

    public long copyCycles(long bytes) { return Math.round(bytes * copyCyclesPerByte); }

    public double seconds(long cycles) { return cycles / clockHz; }

    public Testbed withRamMb(long mb) {
        return new Testbed(clockHz, crossingCycles, copyCyclesPerByte, mb, Math.min(reservedMb, mb - 1), contextSwitchCycles, quantumCycles, disk);
    }

    public Testbed withCrossingCycles(long c) {
        return new Testbed(clockHz, c, copyCyclesPerByte, ramMb, reservedMb, contextSwitchCycles, quantumCycles, disk);
    }

    public Testbed withCopyCyclesPerByte(double c) {
        return new Testbed(clockHz, crossingCycles, c, ramMb, reservedMb, contextSwitchCycles, quantumCycles, disk);
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
