"""Start one linkfarm.py per loopback host (same port), reset and read their
request logs, and stop them: SIGTERM to each PID, and --lifetime as a backstop."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any


class Farms:
    def __init__(self, script: Path, hosts: list[str], port: int, latency_ms: int, lifetime: float) -> None:
        self.script, self.hosts, self.port = script, hosts, port
        self.latency_ms, self.lifetime = latency_ms, lifetime
        self.procs: list[subprocess.Popen[str]] = []

    def __enter__(self) -> Farms:
        for host in self.hosts:
            proc = subprocess.Popen([sys.executable, str(self.script), "--host", host, "--port", str(self.port),
                                     "--latency-ms", str(self.latency_ms), "--lifetime", str(self.lifetime)],
                                    stdout=subprocess.PIPE, text=True)
            self.procs.append(proc)
            first = proc.stdout.readline() if proc.stdout else ""
            if "port=" not in first:
                self.__exit__()
                raise SystemExit(f"linkfarm on {host}:{self.port} did not start (port busy?)")
        return self

    def __exit__(self, *exc: object) -> None:
        for proc in self.procs:
            proc.send_signal(signal.SIGTERM)
        for proc in self.procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

    def _get(self, host: str, path: str) -> bytes:
        with urllib.request.urlopen(f"http://{host}:{self.port}{path}", timeout=10) as answer:
            data: bytes = answer.read()
            return data

    def reset(self) -> None:
        for host in self.hosts:
            self._get(host, "/__reset")

    def log(self) -> list[dict[str, Any]]:
        """Every request of every farm since the last reset, with its host."""
        entries = []
        for host in self.hosts:
            for entry in json.loads(self._get(host, "/__stats"))["requests"]:
                entries.append({**entry, "host": host})
        return entries
