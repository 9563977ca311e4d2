"""Start ``deploy/local-cluster N PORT`` (real nginx in front of N replicas) for a test."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import queue
import shutil
import signal
import subprocess
import threading
import time

from tests.e2e.server import ROOT, free_port

NGINX = os.environ.get("LOSSLAB_NGINX", shutil.which("nginx") or "/usr/sbin/nginx")


@dataclasses.dataclass
class Cluster:
    url: str  # nginx
    replicas: dict[str, int]  # "127.0.0.1:port" -> pid
    output: list[str]  # what local-cluster printed so far


@contextlib.contextmanager
def local_cluster(n: int, timeout: float = 90.0):
    if not os.path.exists(NGINX):
        raise RuntimeError(f"nginx is missing at {NGINX}: run scripts/test, which installs it")
    port = free_port()
    env = {**os.environ, "LOSSLAB_NGINX": NGINX}  # (nginx itself reads $NGINX)
    proc = subprocess.Popen(
        [str(ROOT / "deploy" / "local-cluster"), str(n), str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: queue.Queue[str | None] = queue.Queue()
    output: list[str] = []

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            output.append(line.rstrip())
            lines.put(line.rstrip())
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    replicas: dict[str, int] = {}
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                line = None
            if line is None:
                raise RuntimeError("local-cluster did not start:\n" + "\n".join(output))
            if line.startswith("replica "):
                _, _, _, pid, url = line.split()
                replicas[url.removeprefix("http://")] = int(pid)
            if line.startswith("ready "):
                break
        assert len(replicas) == n, output
        yield Cluster(line.split()[1], replicas, output)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
