#!/usr/bin/python3
"""Times one figure re-run after a parameter edit, through the kernel, as a reader in Jupyter would see it.

Starts the syscall-lab kernel (JUPYTER_PATH must point at the generated kernelspec, as `./lab` sets it) with a result
cache of its own (a new temporary folder, so no earlier run can answer), runs a figure cell with the experiment's
defaults (this first run simulates every point), then re-runs it EDITS times, each time with one value of the swept
parameter changed to a value not run before, and prints the wall time of each execute request (request to reply,
chart rendered) and the result's provenance ("k of n points from cache").
    kernel-spec/scripts/edit-rerun.py [--experiment cosy.fig5] [--parameter file_mb] [--edits 3]
Exits 1 if a cell fails.
"""
import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time

from jupyter_client.manager import KernelManager

CELL = """Result r = Lab.run("%s"%s);
display(r.overlay(r.metrics().get(0)));
r.provenance()"""


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
    reply = kc.execute_interactive(code, timeout=900, output_hook=hook)
    dt = time.monotonic() - t0
    if reply["content"]["status"] != "ok" or out["error"]:
        raise RuntimeError("cell failed: %s\n%s" % (out["error"], code))
    return dt, out["text"].strip().strip('"'), out["images"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--experiment", default="cosy.fig5")
    ap.add_argument("--parameter", default="file_mb", help="the swept parameter (a list of integers)")
    ap.add_argument("--edits", type=int, default=3)
    a = ap.parse_args()
    cache = tempfile.mkdtemp(prefix="edit-rerun-cache-")
    os.environ["SYSCALL_LAB_CACHE"] = cache  # the kernel inherits it
    km = KernelManager(kernel_name="syscall-lab")
    t0 = time.monotonic()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    failed = False
    try:
        kc.wait_for_ready(timeout=120)
        print("kernel ready: %.2f s" % (time.monotonic() - t0))
        _, xs, _ = execute(kc, 'Param.format(Lab.runner().resolve("%s", Map.of()).get("%s"))' % (a.experiment, a.parameter))
        xs = [int(v) for v in xs.split(",")]
        dt, prov, images = execute(kc, CELL % (a.experiment, ""))
        print("%s with its defaults (%s = %s), every point simulated: %.2f s, %d chart; %s"
              % (a.experiment, a.parameter, ",".join(map(str, xs)), dt, images, prov))
        times = []
        mid = len(xs) // 2
        for i in range(a.edits):
            edited = list(xs)
            edited[mid] = xs[mid] + 1 + i
            arg = ', "%s", "%s"' % (a.parameter, ",".join(str(v) for v in edited))
            dt, prov, images = execute(kc, CELL % (a.experiment, arg))
            times.append(dt)
            print("edit %d (%s[%d] = %d): %.2f s, %d chart; %s" % (i + 1, a.parameter, mid, edited[mid], dt, images, prov))
        print("re-run after a parameter edit: median %.2f s, max %.2f s over %d edits"
              % (statistics.median(times), max(times), len(times)))
    except Exception as e:  # report, then stop the kernel
        print("edit-rerun: %s" % e, file=sys.stderr)
        failed = True
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
        shutil.rmtree(cache, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
