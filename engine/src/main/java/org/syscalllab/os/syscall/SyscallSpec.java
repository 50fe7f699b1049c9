package org.syscalllab.os.syscall;

import java.util.List;
import org.syscalllab.os.lock.LockUse;

/**
 * One entry of the system-call table.
 *
 * @param name           the call's name ({@code getpid}, {@code open}, {@code unlink} ...)
 * @param instructions   instructions on the kernel path, excluding entry and exit
 * @param cpi            kernel cycles per instruction on the target machine (1.0 in a simulator that charges one
 *                       cycle per instruction)
 * @param footprintLines distinct cache lines the path touches (for cache models; 0 if not modelled)
 * @param subsystem      the subsystem whose lock the call takes under per-subsystem locking ({@code fs}, {@code mm},
 *                       {@code net}, {@code proc} ...)
 * @param fineLocks      the call's critical sections under fine-grained locking (may be empty: a lock-free path)
 * @param device         the device the call may block on, or empty for none
 * @param blockProbability probability in [0, 1] that a call blocks on its device
 */
public record SyscallSpec(String name, long instructions, double cpi, int footprintLines, String subsystem,
                          List<LockUse> fineLocks, String device, double blockProbability) {
    public SyscallSpec {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name must not be blank");
        if (instructions < 0) throw new IllegalArgumentException(name + ": instructions = " + instructions + " is not allowed; allowed: >= 0");
        if (!(cpi > 0) || cpi > 100) throw new IllegalArgumentException(name + ": cpi = " + cpi + " is not allowed; allowed: (0, 100]");
        if (footprintLines < 0) throw new IllegalArgumentException(name + ": footprint_lines = " + footprintLines + " is not allowed; allowed: >= 0");
        if (subsystem == null || subsystem.isBlank()) throw new IllegalArgumentException(name + ": subsystem must not be blank");
        fineLocks = fineLocks == null ? List.of() : List.copyOf(fineLocks);
        double sum = 0;
        for (LockUse u : fineLocks) sum += u.fraction();
        if (sum > 1 + 1e-9) throw new IllegalArgumentException(name + ": fine-lock fractions sum to " + sum + "; allowed: <= 1");
        device = device == null ? "" : device;
        if (!(blockProbability >= 0 && blockProbability <= 1)) {
            throw new IllegalArgumentException(name + ": block_probability = " + blockProbability + " is not allowed; allowed: [0, 1]");
        }
        if (blockProbability > 0 && device.isEmpty()) throw new IllegalArgumentException(name + ": block_probability > 0 needs a device");
    }

    /** A call that never blocks. */
    public static SyscallSpec cpuOnly(String name, long instructions, double cpi, String subsystem, List<LockUse> fineLocks) {
        return new SyscallSpec(name, instructions, cpi, 0, subsystem, fineLocks, "", 0);
    }

    /** Cycles of the kernel path on its machine. */
    public long pathCycles() { return Math.round(instructions * cpi); }

    /** A copy with another instruction count (e.g. for a kernel version with a longer path). */
    public SyscallSpec withInstructions(long n) {
        return new SyscallSpec(name, n, cpi, footprintLines, subsystem, fineLocks, device, blockProbability);
    }

    /** A copy with another CPI. */
    public SyscallSpec withCpi(double c) {
        return new SyscallSpec(name, instructions, c, footprintLines, subsystem, fineLocks, device, blockProbability);
    }
}
