#!/usr/bin/env bash
# Cold-starts the syscall-lab kernel N times (default 200) while two busy loops keep both cores busy.
# Each start: launch, wait_for_ready, execute `1+1` (expects 2), shutdown. Prints the failures and the start times.
#   kernel-spec/scripts/coldstart.sh [N]
# Needs the kernelspec (./lab builds it under kernel-spec/target/jupyter; JUPYTER_PATH may point elsewhere).
set -euo pipefail
N="${1:-200}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export JUPYTER_PATH="${JUPYTER_PATH:-$ROOT/kernel-spec/target/jupyter}"
[ -x "$JUPYTER_PATH/kernels/syscall-lab/launch.sh" ] || { echo "coldstart: no kernelspec under $JUPYTER_PATH (run ./lab test or ./lab reproduce first)" >&2; exit 2; }

busy=()
stop_busy() { for p in "${busy[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap stop_busy EXIT
for _ in 1 2; do ( while :; do :; done ) & busy+=($!); done

/usr/bin/python3 - "$N" <<'PY'
import statistics, sys, time
from jupyter_client.manager import KernelManager

n = int(sys.argv[1])
failures, ready_s, first_cell_s = [], [], []
for i in range(n):
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
        ready_s.append(t1 - t0)
        first_cell_s.append(t2 - t1)
    except Exception as e:  # a failed start of any kind counts
        failures.append("start %d: %s: %s" % (i + 1, type(e).__name__, e))
        print(failures[-1], file=sys.stderr)
    finally:
        if kc is not None:
            kc.stop_channels()
        try:
            km.shutdown_kernel(now=False)
        except Exception as e:
            print("start %d: shutdown: %s" % (i + 1, e), file=sys.stderr)
    if (i + 1) % 20 == 0:
        print("coldstart: %d/%d done, %d failed" % (i + 1, n, len(failures)), file=sys.stderr, flush=True)

def stats(xs):
    return "median %.2f s, max %.2f s" % (statistics.median(xs), max(xs)) if xs else "n/a"
print("coldstart: %d starts under two busy loops, %d failed" % (n, len(failures)))
print("  launch -> ready: %s" % stats(ready_s))
print("  first cell 1+1:  %s" % stats(first_cell_s))
sys.exit(1 if failures else 0)
PY
