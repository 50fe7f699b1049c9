package org.syscalllab.papers.multicall;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.syscalllab.papers.multicall.clustering.Arg;
import org.syscalllab.papers.multicall.clustering.Cond;
import org.syscalllab.papers.multicall.clustering.FileKernel;
import org.syscalllab.papers.multicall.clustering.Program;
import org.syscalllab.papers.multicall.clustering.Stmt;

/**
 * The programs of the paper, written in the clustering algorithm's statement language: the copy program of Fig. 5,
 * the read/write/sendto snippet of §3.3 (code motion), the error-handling pattern of §3.3 and Fig. 3 (restructuring),
 * a gzip-like read/compress/write loop (loop rotation), and mpeg_play's frame loop (§4.3). Paths are numbered:
 * {@link #INPUT_PATH} is {@code argv[1]}.
 */
public final class PaperPrograms {
    /** The value of the {@code argv[1]} path constant (the input file). */
    public static final long INPUT_PATH = 1;
    /** The value of the {@code argv[2]} path constant (the output file). */
    public static final long OUTPUT_PATH = 2;

    private PaperPrograms() { }

    private static Arg c(String text, long v) { return new Arg.Const(text, v); }

    private static Arg v(String name) { return new Arg.Var(name); }

    private static Stmt.User user(String id, String text, Set<String> reads, Set<String> writes, boolean sideEffects, long instructions) {
        return new Stmt.User(id, text, reads, writes, sideEffects, false, instructions);
    }

    /**
     * Fig. 5(a): {@code inp = open(argv[1], O_RDONLY); out = creat(argv[2], 0666);
     * while ((n = read(inp, &buff, N)) > 0) write(out, &buff, n);} followed by the two closes that appear in the
     * paper's system-call graph (Fig. 5(c)) when the program exits.
     *
     * @param blockBytes N, the block size
     */
    public static Program copy(long blockBytes) {
        if (blockBytes < 1) throw new IllegalArgumentException("block_bytes = " + blockBytes + " is not allowed; allowed: >= 1");
        return new Program("copy", List.of(
                new Stmt.Call("open", "inp", "open", List.of(c("argv[1]", INPUT_PATH), c("O_RDONLY", 0))),
                new Stmt.Call("creat", "out", "creat", List.of(c("argv[2]", OUTPUT_PATH), c("0666", 0666))),
                new Stmt.While("loop",
                        new Stmt.Call("read", "n", "read", List.of(v("inp"), v("buff"), c("N", blockBytes))),
                        new Cond("n", Cond.Op.GT, 0),
                        List.of(new Stmt.Call("write", null, "write", List.of(v("out"), v("buff"), v("n"))))),
                new Stmt.Call("close_in", null, "close", List.of(v("inp"))),
                new Stmt.Call("close_out", null, "close", List.of(v("out")))));
    }

    /** The file model for {@link #copy} and {@link #sendtoSnippet}: an input file of the given size. */
    public static FileKernel files(long inputBytes) {
        return new FileKernel(Map.of(INPUT_PATH, inputBytes));
    }

    /**
     * The snippet of §3.3 (interchanging independent statements), run once:
     * {@code n = read(infd, buff, 4096); write(outfd, buff, n); read_bytes += n; block_sent++;
     * sendto(sock_no, buff, n, 0, sock_addr, sock_len);}. Statement 5 is independent of 3 and 4, so code motion yields
     * the 3-call cluster {read, write, sendto}.
     */
    public static Program sendtoSnippet() {
        return new Program("read_write_sendto", List.of(
                new Stmt.Call("open", "infd", "open", List.of(c("argv[1]", INPUT_PATH), c("O_RDONLY", 0))),
                new Stmt.User("setup", "sock_no = connect_to_peer()", Set.of(), Set.of("sock_no", "sock_addr", "sock_len"), true, false, 200),
                new Stmt.Call("creat", "outfd", "creat", List.of(c("argv[2]", OUTPUT_PATH), c("0666", 0666))),
                new Stmt.Call("read", "n", "read", List.of(v("infd"), v("buff"), c("4096", 4096))),
                new Stmt.Call("write", null, "write", List.of(v("outfd"), v("buff"), v("n"))),
                user("count", "read_bytes += n", Set.of("read_bytes", "n"), Set.of("read_bytes"), false, 2),
                user("blocks", "block_sent++", Set.of("block_sent"), Set.of("block_sent"), false, 1),
                new Stmt.Call("sendto", null, "sendto", List.of(v("sock_no"), v("buff"), v("n"), c("0", 0), v("sock_addr"), v("sock_len")))));
    }

    /**
     * The error-handling pattern of §3.3 and Fig. 3: {@code res = write(out, buff, size); if (res < 0) { report;
     * exit(1); } res2 = read(in, buff, size); if (res2 < 0) { report; exit(1); }}. The handlers never return, so
     * restructuring puts the next call in the else branch and the two calls form one region.
     */
    public static Program errorHandling() {
        Stmt.User exit1 = new Stmt.User("exit_w", "perror(\"write\"); exit(1)", Set.of("res"), Set.of(), true, true, 50);
        Stmt.User exit2 = new Stmt.User("exit_r", "perror(\"read\"); exit(1)", Set.of("res2"), Set.of(), true, true, 50);
        return new Program("write_then_read", List.of(
                new Stmt.Call("open", "in", "open", List.of(c("argv[1]", INPUT_PATH), c("O_RDONLY", 0))),
                new Stmt.User("fill", "fill(buff)", Set.of(), Set.of("buff"), false, false, 100),
                new Stmt.Call("creat", "out", "creat", List.of(c("argv[2]", OUTPUT_PATH), c("0666", 0666))),
                new Stmt.User("size", "size = 4096", Set.of(), Set.of("size"), false, false, 1),
                new Stmt.Call("write", "res", "write", List.of(v("out"), v("buff"), v("size"))),
                new Stmt.If("check_w", new Cond("res", Cond.Op.LT, 0), List.of(exit1), List.of(), true),
                new Stmt.Call("read", "res2", "read", List.of(v("in"), v("buff"), v("size"))),
                new Stmt.If("check_r", new Cond("res2", Cond.Op.LT, 0), List.of(exit2), List.of(), true)));
    }

    /**
     * The gzip-like loop of §3.3: {@code while ((n = read(in, buff0, size)) > 0) { compress buff0 -> buff1;
     * write(outfd, buff1, n); }}. Rotation gives the write → read multi-call; the compression stays in user space.
     *
     * @param compressInstructions user instructions to compress one block
     */
    public static Program gzipLike(long blockBytes, long compressInstructions) {
        return new Program("gzip_like", List.of(
                new Stmt.Call("open", "in", "open", List.of(c("argv[1]", INPUT_PATH), c("O_RDONLY", 0))),
                new Stmt.Call("creat", "outfd", "creat", List.of(c("argv[2]", OUTPUT_PATH), c("0666", 0666))),
                new Stmt.While("loop",
                        new Stmt.Call("read", "n", "read", List.of(v("in"), v("buff0"), c("size", blockBytes))),
                        new Cond("n", Cond.Op.GT, 0),
                        List.of(user("compress", "compress(buff0, buff1, n)", Set.of("buff0", "n"), Set.of("buff1"), false, compressInstructions),
                                new Stmt.Call("write", null, "write", List.of(v("outfd"), v("buff1"), v("n")))))));
    }

    /**
     * mpeg_play's frame loop (§4.3): read the bitstream, decode and dither a frame (user code), wait on the X
     * connection with {@code select} (4 constant arguments and a timeval pointer), read the time into the same timeval
     * with {@code gettimeofday(&tv, NULL)}, and display the frame through the X library (whose calls the paper could
     * not cluster, so they are user code here).
     *
     * @param bytesPerFrame      bitstream bytes read per frame
     * @param decodeInstructions user instructions to decode and dither one frame
     * @param displayInstructions user instructions of the X library to display one frame
     */
    public static Program mpegPlay(long bytesPerFrame, long decodeInstructions, long displayInstructions) {
        return new Program("mpeg_play", List.of(
                new Stmt.Call("open", "fd", "open", List.of(c("argv[1]", INPUT_PATH), c("O_RDONLY", 0))),
                new Stmt.While("frames",
                        new Stmt.Call("read", "n", "read", List.of(v("fd"), v("bits"), c("chunk", bytesPerFrame))),
                        new Cond("n", Cond.Op.GT, 0),
                        List.of(user("decode", "decode_and_dither(bits, n, frame)", Set.of("bits", "n"), Set.of("frame"), false, decodeInstructions),
                                new Stmt.Call("select", null, "select", List.of(c("xfd+1", 6), c("&readfds", 0), c("NULL", 0), c("NULL", 0), v("tv"))),
                                new Stmt.Call("gettimeofday", null, "gettimeofday", List.of(v("tv"), c("NULL", 0))),
                                user("display", "XPutImage(display, frame); XFlush(display)", Set.of("frame", "tv"), Set.of(), true, displayInstructions)))));
    }
}
