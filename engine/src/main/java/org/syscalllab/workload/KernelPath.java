package org.syscalllab.workload;

import java.util.List;
import org.syscalllab.hw.Burst;
import org.syscalllab.hw.Owner;
import org.syscalllab.hw.Region;
import org.syscalllab.hw.Stream;

/**
 * The kernel's work for one system call (or a fixed sequence such as open+write+close), as the hardware sees it: the
 * instructions it runs, its core IPC when its lines are cached, and the code and data lines it walks (its
 * footprint). The cycles, the kernel IPC and the lines it evicts are outputs of the memory and timing models.
 *
 * @param name             call name ({@code stat}, {@code pwrite}, {@code open+close} ...)
 * @param instructions     kernel instructions per call
 * @param coreIpc          kernel IPC with every line cached (the CPI stack's base)
 * @param codeLines        distinct instruction lines the path executes
 * @param codeRunLines     lines per contiguous piece of code (a function body)
 * @param dataLines        distinct data lines the path touches
 * @param dataRunLines     lines per contiguous piece of data (1 = scattered objects; 64 = a whole 4 KB page copied)
 * @param dataTlbEntries   distinct d-TLB entries its data needs (few when the kernel's direct map uses large pages)
 * @param codeTlbEntries   distinct i-TLB entries its code needs
 * @param copyLines        of the data lines, how many are one contiguous buffer the call copies (file data in a
 *                         page-cache page for pread and pwrite), laid out as dense pages; 0 = none. The rest of the
 *                         data lines are in runs of {@code dataRunLines}
 */
public record KernelPath(String name, long instructions, double coreIpc, int codeLines, int codeRunLines,
                         int dataLines, int dataRunLines, int dataTlbEntries, int codeTlbEntries, int copyLines) {
    /** First page of the kernel's address space in the model (far above any user region). */
    public static final long KERNEL_BASE_PAGE = 1L << 32;

    public KernelPath {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name must not be blank");
        if (instructions < 1) throw new IllegalArgumentException(name + ".instructions = " + instructions + " is not allowed; allowed: >= 1");
        if (!(coreIpc > 0 && coreIpc <= 8)) throw new IllegalArgumentException(name + ".core_ipc = " + coreIpc + " is not allowed; allowed: (0, 8]");
        if (codeLines < 1) throw new IllegalArgumentException(name + ".code_lines = " + codeLines + " is not allowed; allowed: >= 1");
        if (dataLines < 1) throw new IllegalArgumentException(name + ".data_lines = " + dataLines + " is not allowed; allowed: >= 1");
        if (codeRunLines < 1 || codeRunLines > codeLines) {
            throw new IllegalArgumentException(name + ".code_run_lines = " + codeRunLines + " is not allowed; allowed: [1, code_lines]");
        }
        if (dataRunLines < 1 || dataRunLines > dataLines) {
            throw new IllegalArgumentException(name + ".data_run_lines = " + dataRunLines + " is not allowed; allowed: [1, data_lines]");
        }
        if (copyLines < 0 || copyLines >= dataLines) {
            throw new IllegalArgumentException(name + ".copy_lines = " + copyLines + " is not allowed; allowed: [0, data_lines - 1 = " + (dataLines - 1) + "]");
        }
        int scattered = dataLines - copyLines;
        if (dataRunLines > scattered) {
            throw new IllegalArgumentException(name + ".data_run_lines = " + dataRunLines + " is not allowed; allowed: [1, data_lines - copy_lines = " + scattered + "]");
        }
        int dataRuns = (scattered + dataRunLines - 1) / dataRunLines;
        int codeRuns = (codeLines + codeRunLines - 1) / codeRunLines;
        if (dataTlbEntries < 1 || dataTlbEntries > dataRuns) {
            throw new IllegalArgumentException(name + ".data_tlb_entries = " + dataTlbEntries + " is not allowed; allowed: [1, " + dataRuns + "]");
        }
        if (codeTlbEntries < 1 || codeTlbEntries > codeRuns) {
            throw new IllegalArgumentException(name + ".code_tlb_entries = " + codeTlbEntries + " is not allowed; allowed: [1, " + codeRuns + "]");
        }
    }

    /** A path without a copied buffer (every data line in runs of {@code dataRunLines}). */
    public KernelPath(String name, long instructions, double coreIpc, int codeLines, int codeRunLines,
                      int dataLines, int dataRunLines, int dataTlbEntries, int codeTlbEntries) {
        this(name, instructions, coreIpc, codeLines, codeRunLines, dataLines, dataRunLines, dataTlbEntries, codeTlbEntries, 0);
    }

    /** A copy with the data and code footprints scaled (at least one line each; TLB entries scale too). */
    public KernelPath withFootprintScale(double factor) {
        if (!(factor > 0 && factor <= 16)) throw new IllegalArgumentException("footprint_scale = " + factor + " is not allowed; allowed: (0, 16]");
        int copy = (int) Math.round(copyLines * factor);
        int d = copy + Math.max(dataRunLines, (int) Math.round((dataLines - copyLines) * factor));
        int c = Math.max(codeRunLines, (int) Math.round(codeLines * factor));
        int dRuns = (d - copy + dataRunLines - 1) / dataRunLines;
        int cRuns = (c + codeRunLines - 1) / codeRunLines;
        return new KernelPath(name, instructions, coreIpc, c, codeRunLines, d, dataRunLines,
                Math.max(1, Math.min(dRuns, (int) Math.round(dataTlbEntries * factor))),
                Math.max(1, Math.min(cRuns, (int) Math.round(codeTlbEntries * factor))), copy);
    }

    /**
     * The path's streams, placed at {@code basePage} in the kernel's address space: each run of code or data on a page
     * frame of its own (kernel objects come from different slabs and functions), walked in order once per call; the
     * copied buffer, if any, on dense pages of its own (one d-TLB entry per page, taken from the path's total).
     */
    public List<Stream> streams(long basePage, int pageLines) {
        int codeRuns = (codeLines + codeRunLines - 1) / codeRunLines;
        Region code = new Region(basePage, codeLines, codeRuns, codeRunLines, pageLines);
        int scattered = dataLines - copyLines;
        int dataRuns = (scattered + dataRunLines - 1) / dataRunLines;
        Region data = new Region(code.endPage(), scattered, dataRuns, dataRunLines, pageLines);
        Stream codeStream = new Stream(name + ".kernel_code", Owner.KERNEL, code, Stream.Pattern.SWEEP, true, codeTlbEntries);
        if (copyLines == 0) {
            return List.of(codeStream, new Stream(name + ".kernel_data", Owner.KERNEL, data, Stream.Pattern.SWEEP, false, dataTlbEntries));
        }
        Region copy = Region.dense(data.endPage(), copyLines, pageLines);
        int copyTlb = Math.min(copy.pages(), Math.max(1, dataTlbEntries - 1));
        return List.of(codeStream,
                new Stream(name + ".kernel_data", Owner.KERNEL, data, Stream.Pattern.SWEEP, false, Math.max(1, dataTlbEntries - copyTlb)),
                new Stream(name + ".kernel_copy", Owner.KERNEL, copy, Stream.Pattern.SWEEP, false, copyTlb));
    }

    /** Pages the path's regions span from their base (to place the next path; the copied buffer counted generously). */
    public long pagesSpanned() {
        return (codeLines + codeRunLines - 1) / codeRunLines + (dataLines - copyLines + dataRunLines - 1) / dataRunLines + copyLines;
    }

    /** One call's references: one pass over the code, the data and the copied buffer. */
    public Burst burst(List<Stream> streams) {
        return copyLines == 0
                ? new Burst(streams, new double[] {codeLines, dataLines})
                : new Burst(streams, new double[] {codeLines, dataLines - copyLines, copyLines});
    }
}
