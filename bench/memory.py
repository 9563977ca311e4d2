"""Memory of the caches under many heavy sessions, bounded by bytes across all of them.

Each "session" asks for its own heavy run: synthetic data of 10,000 points, one example a step,
100 epochs (800,000 updates), with its frames and grid, and two runs of the same size on
"uploaded" data, memoised in a session memo of its own (as ui/upload.py does). Printed: the
process's resident memory (RSS) and the bytes the caches hold after every 6 sessions, with the
byte pools (ui/cache.py) and, in a second process, with the pools' budgets lifted (each cache
bounded by its own entries and bytes only, as before), for comparison.

    .venv/bin/python bench/memory.py [--sessions 36]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def rss_mib() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def child(sessions: int, pooled: bool) -> None:
    import gc

    from core import lab
    from ui import cache

    if not pooled:
        cache.SHARED.max_bytes = cache.UPLOADS.max_bytes = 2**62
    memos = []
    print(f"{'pools' if pooled else 'no pools'}: start RSS {rss_mib():.0f} MiB", flush=True)
    for s in range(sessions):
        data = lab.DataSpec(scenario="synthetic", n=10_000, seed=s)
        run = lab.RunSpec(lr=0.01, batch_size=1, epochs=100, seed=s)
        cache.trajectory(data, False, run)
        cache.frames(data, False, run)
        cache.loss_grid(data, False, (0.0, 0.0))
        # and its own upload: a memo in its session, drawing on the uploads' budget
        memo = cache._Memo(cache._SESSION_MEMO_SIZE, cache._SESSION_MEMO_BYTES, cache.UPLOADS)
        problem = cache.problem(data, False)
        for lr in (0.01, 0.02):
            spec = replace(run, lr=lr)
            memo.get(("run", lr), lambda p=problem, r=spec: lab.run(p, r))
        memos.append(memo)
        if (s + 1) % 6 == 0:
            gc.collect()
            held = (cache.SHARED.bytes + cache.UPLOADS.bytes) / 2**20
            print(f"  after {s + 1:3d} sessions: RSS {rss_mib():6.0f} MiB, caches hold "
                  f"{held:6.0f} MiB", flush=True)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=36)
    parser.add_argument("--child", choices=["pooled", "unpooled"])
    args = parser.parse_args()
    if args.child:
        child(args.sessions, args.child == "pooled")
        return
    from ui import cache

    budget = (cache.SHARED.max_bytes + cache.UPLOADS.max_bytes) / 2**20
    print(f"byte budget of all caches: {budget:.0f} MiB (shared {cache.SHARED.max_bytes >> 20}, "
          f"uploads {cache.UPLOADS.max_bytes >> 20})")  # fmt: skip
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    for mode in ("pooled", "unpooled"):
        cmd = [sys.executable, __file__, "--child", mode, "--sessions", str(args.sessions)]
        subprocess.run(cmd, check=True, env=env)


if __name__ == "__main__":
    main()
