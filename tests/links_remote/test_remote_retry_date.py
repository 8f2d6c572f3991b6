"""A Retry-After date written as asctime (`Fri Nov 27 13:17:10 2026`, legal in
RFC 9110) names no zone: HTTP dates are GMT, whatever the machine's time zone.
Run in a child process with TZ set, since the zone is read at start-up."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

_CHILD = """
import socket, time
from raw_server import RawServer, answer
from remote_support import verdicts

def busy(client: socket.socket, request, server) -> bool:
    when = time.strftime("%a %b %d %H:%M:%S %Y", time.gmtime(time.time() + 100))
    return answer(client, request, "503 Busy", (("Retry-After", when),))

with RawServer({"/busy": busy}) as server:
    url = server.url("/busy")
    print(verdicts([url], max_retry_wait=5)[url].hint)
"""


def test_an_asctime_retry_after_is_read_as_gmt_in_any_time_zone() -> None:
    here = Path(__file__).parent
    path = os.pathsep.join(p for p in (str(here), os.environ.get("PYTHONPATH", "")) if p)
    env = {**os.environ, "TZ": "America/New_York", "PYTHONPATH": path}
    done = subprocess.run([sys.executable, "-c", _CHILD], env=env, capture_output=True, text=True, timeout=30,
                          cwd=here, check=True)
    wait = re.search(r"asks to wait (\d+) s", done.stdout)
    assert wait is not None, done.stdout
    assert 90 <= int(wait.group(1)) <= 101  # it was 100 s plus New York's 4 or 5 hours
