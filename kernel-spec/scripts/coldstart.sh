#!/usr/bin/env bash
# Cold-starts the syscall-lab kernel N times (default 200) while two busy loops keep both cores busy.
# Each start: launch, wait_for_ready, execute `1+1` (expects 2), shutdown. Prints the failures and the start times.
#   kernel-spec/scripts/coldstart.sh [N]
# Needs a build (mvn package). It runs a snapshot of the built jars, so a rebuild during the run cannot disturb it.
set -euo pipefail
N="${1:-200}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CP_FILE="$ROOT/kernel-spec/target/kernel.classpath"
[ -f "$CP_FILE" ] || { echo "coldstart: build first (mvn package): $CP_FILE missing" >&2; exit 2; }

SNAP="$(mktemp -d)"
busy=()
cleanup() { for p in "${busy[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$SNAP"; }
trap cleanup EXIT
mkdir -p "$SNAP/kernel-spec/target" "$SNAP/engine"
cp "$ROOT"/kernel-spec/target/kernel-spec-*.jar "$SNAP/kernel-spec/target/"
cp "$ROOT"/engine/target/engine-*.jar "$SNAP/engine/"
sed "s#$ROOT/engine/target/#$SNAP/engine/#g" "$CP_FILE" >"$SNAP/kernel-spec/target/kernel.classpath"
bash "$ROOT/kernel-spec/src/main/jupyter/make-kernelspec.sh" "$SNAP" "$SNAP/jupyter"
export JUPYTER_PATH="$SNAP/jupyter"
for _ in 1 2; do ( while :; do :; done ) & busy+=($!); done

/usr/bin/python3 - "$N" <<'PY'
import signal, statistics, sys, time
from jupyter_client.manager import KernelManager


def stop(signum, frame):
    raise KeyboardInterrupt


signal.signal(signal.SIGTERM, stop)  # a stopped run still prints what it measured


def stats(xs):
    return "median %.2f s, max %.2f s" % (statistics.median(xs), max(xs)) if xs else "n/a"


def one_start(i):
    """Launch, wait_for_ready, `1+1`, shutdown; returns (seconds to ready, seconds for the cell)."""
    km = KernelManager(kernel_name="syscall-lab")
    kc = None
    try:
        t0 = time.monotonic()
        km.start_kernel()
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=60)
        t1 = time.monotonic()
        result = []
        reply = kc.execute_interactive(
            "1+1", timeout=60,
            output_hook=lambda m: result.append(m["content"]["data"]["text/plain"]) if m["msg_type"] == "execute_result" else None)
        t2 = time.monotonic()
        if reply["content"]["status"] != "ok" or result != ["2"]:
            raise RuntimeError("bad answer: %s %s" % (reply["content"]["status"], result))
        return t1 - t0, t2 - t1
    finally:
        if kc is not None:
            kc.stop_channels()
        try:
            km.shutdown_kernel(now=False)
        except Exception as e:
            print("start %d: shutdown: %s" % (i + 1, e), file=sys.stderr)


n = int(sys.argv[1])
failures, ready_s, first_cell_s = [], [], []
done = 0
try:
    for i in range(n):
        try:
            ready, cell = one_start(i)
            ready_s.append(ready)
            first_cell_s.append(cell)
        except KeyboardInterrupt:
            raise
        except Exception as e:  # a failed start of any kind counts
            failures.append("start %d: %s: %s" % (i + 1, type(e).__name__, e))
            print(failures[-1], file=sys.stderr)
        done = i + 1
        if done % 10 == 0:
            print("coldstart: %d/%d done, %d failed; ready %s" % (done, n, len(failures), stats(ready_s)),
                  file=sys.stderr, flush=True)
except KeyboardInterrupt:
    print("coldstart: stopped after %d starts" % done, file=sys.stderr)

print("coldstart: %d of %d starts done under two busy loops, %d failed" % (done, n, len(failures)))
print("  launch -> ready: %s" % stats(ready_s))
print("  first cell 1+1:  %s" % stats(first_cell_s))
sys.exit(1 if failures or done < n else 0)
PY
