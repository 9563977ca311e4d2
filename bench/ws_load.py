"""Server capacity without browsers: Locust students (bench/locustfile.py) drive Streamlit's own
websocket protocol against one replica and against N replicas behind nginx (deploy/local-cluster,
the production deploy/nginx.conf), in rounds of 30, 60 and 120 students, each moving the
learning-rate slider every 2 s on data of their own.

Printed per round: sessions held to the end, moves per second, p50 / p95 / max from sending a
move to the rerun's script_finished message, the replicas' CPU (100 % = one core) and RSS after
the round (from /proc), and the Locust process's own CPU (it shares the machine).

Usage: .venv/bin/python bench/ws_load.py [--students 30,60,120] [--replicas 1,2] [--seconds 30]

Every request goes to 127.0.0.1 only; each round stops itself SECONDS after its last student
has opened the page.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.e2e.cluster import local_cluster  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK  # utime + stime


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def one_round(host: str, pids: list[int], students: int, seconds: float) -> dict:
    with tempfile.TemporaryDirectory(prefix="losslab-ws-") as tmp:
        out = Path(tmp) / "figures.json"
        env = {**os.environ, "LOSSLAB_WS_OUT": str(out), "LOSSLAB_WS_SECONDS": str(seconds)}
        cpu0 = sum(cpu_seconds(p) for p in pids)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        peak = [0.0]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.5):
                peak[0] = max(peak[0], sum(rss_mib(p) for p in pids))

        threading.Thread(target=sample, daemon=True).start()
        t0 = time.perf_counter()
        subprocess.run(
            [str(Path(sys.executable).parent / "locust"), "-f", str(ROOT / "bench/locustfile.py"),
             "--headless", "-u", str(students), "-r", str(max(1, students // 10)),
             "-t", f"{int(seconds) + 240}s", "--host", host, "--only-summary",
             "--loglevel", "ERROR"],
            env=env, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            timeout=seconds + 300,
        )  # fmt: skip
        wall = time.perf_counter() - t0
        done.set()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        fig = json.loads(out.read_text()) if out.exists() else {}
    cpu = sum(cpu_seconds(p) for p in pids) - cpu0
    client = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    fig.update(
        server_cpu=cpu / wall,
        client_cpu=client / wall,
        rss=[rss_mib(p) for p in pids],
        peak=peak[0],
        wall=wall,
    )
    return fig


def report(label: str, students: int, f: dict) -> None:
    moves = f.get("moves") or []
    if not moves or not f.get("window"):
        print(f"{label:<22} {students:>4}  no measured window: {f}")
        return
    print(
        f"{label:<22} {students:>4}  {f['held']:>3}/{students:<4} "
        f"{len(moves) / f['window']:>6.1f}  {statistics.median(moves):>6.2f} "
        f"{pct(moves, 0.95):>6.2f} {max(moves):>6.2f}   "
        f"{f['server_cpu'] * 100:>4.0f} %  {'+'.join(f'{r:.0f}' for r in f['rss']):>9} MiB"
        f"  {f['client_cpu'] * 100:>4.0f} %   open p50 {statistics.median(f['opens']):.1f} s",
        flush=True,
    )


def main(students: list[int], replicas: list[int], seconds: float) -> None:
    print(f"{os.cpu_count()} CPUs; {seconds:.0f} s measured per round after every student opened")
    print(
        "target                 stud. held       moves/s   p50    p95    max   server CPU"
        "   RSS after      Locust CPU"
    )
    for n in replicas:
        with local_cluster(n) as cluster:
            pids = list(cluster.replicas.values())
            # one replica: straight to it; several: through nginx
            host = f"http://{next(iter(cluster.replicas))}" if n == 1 else cluster.url
            label = "1 replica (direct)" if n == 1 else f"{n} replicas (nginx)"
            print(f"{label}: RSS at start {'+'.join(f'{rss_mib(p):.0f}' for p in pids)} MiB")
            for s in students:
                report(label, s, one_round(host, pids, s, seconds))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", default="30,60,120")
    parser.add_argument("--replicas", default="1,2")
    parser.add_argument("--seconds", type=float, default=30)
    args = parser.parse_args()
    main(
        [min(int(s), 300) for s in args.students.split(",")],
        [min(int(r), 16) for r in args.replicas.split(",")],
        min(args.seconds, 300),
    )
