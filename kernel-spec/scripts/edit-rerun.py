#!/usr/bin/python3
"""Times one figure re-run after a parameter edit, through the kernel, as a reader in Jupyter would see it.

Starts the syscall-lab kernel (JUPYTER_PATH must point at the generated kernelspec, as `./lab` sets it), runs the
Fig. 2 cell of notebooks/01-flexsc.ipynb once (from the result cache if it is warm), then the same cell with one
swept value edited, several times with a different edit each time, and prints the wall time of each execute
request (send to reply, charts rendered) and the result's provenance line ("k of n points from cache").
    kernel-spec/scripts/edit-rerun.py [EDITS]       (default 3 edits; exits 1 if a cell fails)
"""
import statistics
import sys
import time

from jupyter_client.manager import KernelManager

CELL = """Result fig2 = Lab.run("flexsc.fig2"%s);
display(Charts.logX(Charts.overlay(fig2, "user_ipc")));
display(Charts.logX(Charts.lines(fig2, "degradation_pct")));
fig2.provenance()"""


def execute(kc, code):
    """Runs a cell; returns (seconds from request to reply, the text of its execute_result, images displayed)."""
    out = {"text": "", "images": 0, "error": None}

    def hook(msg):
        t, c = msg["msg_type"], msg["content"]
        if t == "execute_result":
            out["text"] = c["data"].get("text/plain", "")
        if t in ("display_data", "execute_result") and "image/png" in c.get("data", {}):
            out["images"] += 1
        if t == "error":
            out["error"] = c["ename"] + ": " + c["evalue"]

    t0 = time.monotonic()
    reply = kc.execute_interactive(code, timeout=600, output_hook=hook)
    dt = time.monotonic() - t0
    if reply["content"]["status"] != "ok" or out["error"]:
        raise RuntimeError("cell failed: %s\n%s" % (out["error"], code))
    return dt, out["text"], out["images"]


def main():
    edits = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    km = KernelManager(kernel_name="syscall-lab")
    t0 = time.monotonic()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)
        print("kernel ready: %.2f s" % (time.monotonic() - t0))
        _, xs, _ = execute(kc, 'Param.format(Lab.runner().resolve("flexsc.fig2", Map.of()).get("instructions_between_calls"))')
        xs = [int(v) for v in xs.strip().strip('"').split(",")]
        dt, prov, images = execute(kc, CELL % "")
        print("first run of the cell (default spec): %.2f s, %d charts; %s" % (dt, images, prov.strip()))
        times = []
        for i in range(edits):
            edited = list(xs)
            edited[len(xs) // 2] = xs[len(xs) // 2] + 1 + i * 7 + int(time.time()) % 997  # a value not cached before
            arg = ', "instructions_between_calls", "%s"' % ",".join(str(v) for v in edited)
            dt, prov, images = execute(kc, CELL % arg)
            times.append(dt)
            print("edit %d (x[%d] = %d): %.2f s, %d charts; %s" % (i + 1, len(xs) // 2, edited[len(xs) // 2], dt, images,
                                                                 prov.strip()))
        print("re-run after a parameter edit: median %.2f s, max %.2f s over %d edits"
              % (statistics.median(times), max(times), len(times)))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)


if __name__ == "__main__":
    main()
