package org.syscalllab.mech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syscalllab.mech.CosyArg.lit;
import static org.syscalllab.mech.CosyArg.ref;
import static org.syscalllab.mech.CosyArg.var;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CosyKernelTest {

    /** 1000-cycle crossing, 1 cycle per copied byte. */
    static final CostModel PLATFORM = new CostModel() {
        @Override public long crossingCycles() { return 1000; }
        @Override public long kernelCycles(CallRequest call) { return call.kernelInstructions(); }
        @Override public long userCycles(long instructions) { return instructions; }
        @Override public long copyCycles(long bytes) { return bytes; }
        @Override public double clockHz() { return 1e9; }
    };

    /** A tiny kernel: open returns fd 7, read returns min(len, remaining) of a 10,000-byte file, bad fds fail. */
    static final class FakeKernel implements CosyServices {
        final List<String> log = new ArrayList<>();
        long remaining = 10_000;
        int userFnCalls;

        @Override
        public CosyCallResult syscall(String call, long[] args, boolean zeroCopy) {
            log.add(call + (args.length > 0 ? "(" + args[0] + ")" : "()"));
            switch (call) {
                case "open": return CosyCallResult.of(7, 100);
                case "read": {
                    if (args[0] != 7) return CosyCallResult.of(-9, 50);       // EBADF
                    long n = Math.min(args[2], remaining);
                    remaining -= n;
                    return new CosyCallResult(n, 200, zeroCopy ? 0 : n, zeroCopy ? n : 0, 0);
                }
                case "fail": return CosyCallResult.of(-1, 10);
                default: return CosyCallResult.of(0, 30);
            }
        }

        @Override
        public CosyCallResult userFunction(String function, long[] args) {
            userFnCalls++;
            return CosyCallResult.of(args.length > 0 ? args[0] * 2 : 0, 500);
        }
    }

    static CosyKernel kernel(CosyMode mode) {
        return new CosyKernel(CosyCosts.defaults(), PLATFORM, mode, CosySafety.DATA_SEGMENT);
    }

    /** The paper's §2.7 example: open, do { read } while (rln == ln), close. */
    static CosyProgram readFile() {
        CosyBuilder b = new CosyBuilder();
        int fd = b.syscall("open", lit(1), lit(0), lit(0));
        int[] rln = new int[1];
        b.doWhile(() -> rln[0] = b.syscallShared("read", ref(fd), lit(0), lit(4096)), ref(0 + 1), CosyOp.Cmp.EQ, lit(4096));
        b.syscall("close", ref(fd));
        return b.build();
    }

    @Test
    void referenceArgumentsCarryEarlierResults() {
        FakeKernel k = new FakeKernel();
        CosyRun r = kernel(CosyMode.COSY).run(readFile(), k);
        assertEquals(List.of("open(1)", "read(7)", "read(7)", "read(7)", "close(7)"), k.log);
        assertEquals(CosyRun.Status.COMPLETED, r.status());
        assertEquals(1808, r.result(1), "the last read's result slot holds the short read");
        assertEquals(5, r.syscalls());
        assertEquals(8, r.opsExecuted(), "open + 3 x (read + while) + close");
        assertEquals(1000, r.crossingCycles(), "one crossing for the whole compound");
    }

    @Test
    void literalArgumentIsNotResolved() {
        CosyBuilder b = new CosyBuilder();
        b.syscall("open", lit(1));
        b.syscall("read", lit(0), lit(0), lit(4096));   // literal 0, not a reference to op 0
        FakeKernel k = new FakeKernel();
        CosyRun r = kernel(CosyMode.COSY).run(b.build(), k);
        assertEquals(-9, r.result(1));
    }

    @Test
    void operationLimitStopsAnInfiniteLoop() {
        CosyBuilder b = new CosyBuilder();
        b.label("top");
        b.syscall("getpid");
        b.jump("top");
        b.limit(1001);
        CosyRun r = kernel(CosyMode.COSY).run(b.build(), new FakeKernel());
        assertEquals(CosyRun.Status.OP_LIMIT, r.status());
        assertEquals(1001, r.opsExecuted());
        assertEquals(334, r.syscalls());
    }

    @Test
    void exitOnFirstFailureStopsTheRest() {
        CosyBuilder b = new CosyBuilder();
        b.syscall("getpid");
        b.syscall("fail");
        b.syscall("getpid");
        CosyProgram p = b.build();
        CosyKernel stopping = new CosyKernel(CosyCosts.defaults(), PLATFORM, CosyMode.COSY, CosySafety.DATA_SEGMENT, true, true, Long.MAX_VALUE);
        FakeKernel k1 = new FakeKernel();
        CosyRun r1 = stopping.run(p, k1);
        assertEquals(CosyRun.Status.FAILED, r1.status());
        assertEquals(1, r1.stoppedAt());
        assertEquals(2, k1.log.size());
        FakeKernel k2 = new FakeKernel();
        CosyRun r2 = kernel(CosyMode.COSY).run(p, k2);
        assertEquals(CosyRun.Status.COMPLETED, r2.status());
        assertEquals(3, k2.log.size(), "normal mode goes on after a failure");
    }

    @Test
    void optimisedForIsOneOperationAndDecodesOnce() {
        int n = 256;
        CosyBuilder b = new CosyBuilder();
        int i = b.newVar();
        b.forLoop(i, 0, CosyOp.Cmp.LT, lit(n), 1, () -> b.syscall("getpid"));
        CosyProgram p = b.build();
        assertEquals(2, p.entries(), "the getpid compound is exactly two operations");
        CosyRun r = kernel(CosyMode.COSY).run(p, new FakeKernel());
        assertEquals(n, r.syscalls());
        assertEquals(n, r.var(i));
        assertEquals(2, r.decodesFirst());
        assertEquals(2L * n - 1, r.decodesCached());
        CosyKernel noCache = new CosyKernel(CosyCosts.defaults(), PLATFORM, CosyMode.COSY, CosySafety.DATA_SEGMENT, false, false, Long.MAX_VALUE);
        CosyRun r2 = noCache.run(p, new FakeKernel());
        assertEquals(2L * n + 1, r2.decodesFirst());
        assertTrue(r2.kernelCycles() > r.kernelCycles());
    }

    @Test
    void generalForTakesThreeOperationsAndRunsTheSameIterations() {
        CosyBuilder b = new CosyBuilder();
        int i = b.newVar();
        b.forLoopGeneral(i, 0, CosyOp.Cmp.LT, lit(10), 2, () -> b.syscall("getpid"));
        CosyRun r = kernel(CosyMode.COSY).run(b.build(), new FakeKernel());
        assertEquals(5, r.syscalls());
        assertEquals(10, r.var(i));
    }

    @Test
    void nestedLoopsAndConditionals() {
        CosyBuilder b = new CosyBuilder();
        int i = b.newVar(), j = b.newVar(), c = b.newVar();
        b.forLoop(i, 0, CosyOp.Cmp.LT, lit(3), 1, () ->
                b.forLoop(j, 0, CosyOp.Cmp.LT, lit(4), 1, () ->
                        b.ifThen(var(j), CosyOp.Cmp.NE, lit(2), () -> b.inc(c))));
        CosyRun r = kernel(CosyMode.COSY).run(b.build(), new FakeKernel());
        assertEquals(9, r.var(c));
    }

    @Test
    void zeroCopySkipsTheBoundaryCopy() {
        CosyRun slow = kernel(CosyMode.COSY).run(readFile(), new FakeKernel());
        CosyRun fast = kernel(CosyMode.COSY_FAST).run(readFile(), new FakeKernel());
        assertEquals(10_000, slow.copiedBytes());
        assertEquals(10_000, slow.copyCycles());
        assertEquals(0, fast.copyCycles());
        assertEquals(10_000, fast.avoidedCopyBytes());
        assertEquals(slow.systemCycles() - 10_000, fast.systemCycles());
    }

    @Test
    void isolatedSegmentChargesEveryUserFunctionCall() {
        CosyBuilder b = new CosyBuilder();
        int i = b.newVar();
        int[] f = new int[1];
        b.forLoop(i, 0, CosyOp.Cmp.LT, lit(100), 1, () -> f[0] = b.userFn("twice", var(i)));
        CosyProgram p = b.build();
        CosyCosts costs = CosyCosts.defaults();
        CosyRun data = new CosyKernel(costs, PLATFORM, CosyMode.COSY, CosySafety.DATA_SEGMENT).run(p, new FakeKernel());
        CosyRun iso = new CosyKernel(costs, PLATFORM, CosyMode.COSY, CosySafety.ISOLATED_SEGMENT).run(p, new FakeKernel());
        assertEquals(0, data.safetyCycles());
        assertEquals(100 * costs.isolatedCallCycles(), iso.safetyCycles());
        assertEquals(198, data.result(f[0]));
    }

    @Test
    void timeLimitTerminatesALongCompound() {
        CosyCosts costs = new CosyCosts(60, 30, 200, 250, 40, 15, 4, 2, 120, 50, 10_000);
        CosyBuilder b = new CosyBuilder();
        b.label("top");
        b.userFn("spin");
        b.jump("top");
        CosyKernel k = new CosyKernel(costs, PLATFORM, CosyMode.COSY, CosySafety.DATA_SEGMENT, false, true, 100_000);
        CosyRun r = k.run(b.build(), new FakeKernel());
        assertEquals(CosyRun.Status.TIME_LIMIT, r.status());
        assertTrue(r.systemCycles() - r.crossingCycles() < 120_000);
        assertTrue(r.safetyCycles() >= 10 * 50, "a check per tick");
    }

    @Test
    void headerFieldsAndValidation() {
        CosyProgram p = readFile();
        assertEquals(4, p.entries());
        assertTrue(p.lengthBytes() > CosyProgram.GLOBAL_HEADER_BYTES);
        CosyBuilder bad = new CosyBuilder();
        bad.label("x");
        bad.syscall("read", ref(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad::build);
        assertTrue(e.getMessage().contains("returns no value"), e.getMessage());
        CosyBuilder unknown = new CosyBuilder();
        unknown.jump("nowhere");
        assertThrows(IllegalArgumentException.class, unknown::build);
        assertThrows(IllegalArgumentException.class, () -> new CosyBuilder().limit(0));
    }

    @Test
    void compoundMechanismCrossesOnceWhereTheTrapCrossesPerCall() {
        List<CallRequest> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) calls.add(new CallRequest("read", 500, 20, 4096, true, false));
        CallCost trap = new SyncTrap().execute(calls, PLATFORM);
        CallCost cosy = new CosyCompound(CosyMode.COSY).execute(calls, PLATFORM);
        CallCost fast = new CosyCompound(CosyMode.COSY_FAST).execute(calls, PLATFORM);
        assertEquals(10, trap.crossings());
        assertEquals(1, cosy.crossings());
        assertEquals(10, cosy.callsExecuted());
        assertEquals(trap.copyCycles(), cosy.copyCycles());
        assertEquals(0, fast.copyCycles());
        assertTrue(fast.totalCycles() < cosy.totalCycles() && cosy.totalCycles() < trap.totalCycles());
    }

    @Test
    void compoundMechanismStopsAtACheckedFailure() {
        List<CallRequest> calls = List.of(CallRequest.of("a", 10), new CallRequest("b", 10, 0, 0, true, true), CallRequest.of("c", 10));
        CallCost c = new CosyCompound(CosyMode.COSY).execute(calls, PLATFORM);
        assertEquals(2, c.callsExecuted());
    }
}
