#!/usr/bin/python3
"""Executes notebooks headlessly with the syscall-lab kernel, JOBS at a time, into OUTDIR (executed .ipynb and .html).

    execute-notebooks.py OUTDIR JOBS NOTEBOOK...

One Python process imports nbclient and nbconvert once and forks JOBS workers, instead of starting two `jupyter
nbconvert` processes per notebook (executing, then converting to HTML): that start-up is most of the host time of a
notebook whose runs come from the result cache. Each notebook runs in its own kernel, with the notebook's folder as
working directory, like `jupyter nbconvert --execute`. A worker writes NAME.log (what failed, if anything) and prints
one line per notebook; the exit status is the number of notebooks that failed.
"""
import multiprocessing
import os
import sys
import time
import traceback

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter

TIMEOUT_S = 900          # one cell
STARTUP_TIMEOUT_S = 120  # the kernel's start


def execute(job):
    """Executes one notebook; returns (name, ok, seconds). The executed notebook is written even when a cell failed."""
    path, outdir = job
    name = os.path.splitext(os.path.basename(path))[0]
    t0 = time.monotonic()
    log = os.path.join(outdir, name + ".log")
    nb = nbformat.read(path, as_version=4)
    ok = True
    with open(log, "w", encoding="utf-8") as out:
        try:
            NotebookClient(nb, timeout=TIMEOUT_S, startup_timeout=STARTUP_TIMEOUT_S, kernel_name="syscall-lab",
                           resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}}).execute()
        except Exception:  # a failing cell, a dead kernel: recorded, and the notebook counts as failed
            ok = False
            out.write(traceback.format_exc())
        try:
            nbformat.write(nb, os.path.join(outdir, name + ".ipynb"))
            html, _ = HTMLExporter().from_notebook_node(nb)
            with open(os.path.join(outdir, name + ".html"), "w", encoding="utf-8") as f:
                f.write(html)
        except Exception:
            ok = False
            out.write(traceback.format_exc())
    return name, ok, time.monotonic() - t0


def main():
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    outdir, jobs, notebooks = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    os.makedirs(outdir, exist_ok=True)
    failed = 0
    # fork: the workers inherit the imported modules; each notebook still gets a kernel of its own
    with multiprocessing.get_context("fork").Pool(max(1, min(jobs, len(notebooks))), maxtasksperchild=1) as pool:
        for name, ok, seconds in pool.imap_unordered(execute, [(nb, outdir) for nb in notebooks]):
            print("notebook %s: %s (%d s)" % (name, "ok" if ok else "FAILED", round(seconds)), flush=True)
            failed += 0 if ok else 1
    return failed


if __name__ == "__main__":
    sys.exit(main())
