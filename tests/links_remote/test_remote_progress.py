"""The progress line: on a terminal, for long runs only."""

from __future__ import annotations

import io

import pytest
from remote_server import Farm
from remote_support import quick

from blogcheck.links.model import Target
from blogcheck.links.progress import Progress
from blogcheck.links.remote import check_targets


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_long_run_on_a_terminal_shows_and_then_wipes_the_line() -> None:
    stream = _Terminal()
    bar = Progress(120, stream=stream)
    for _ in range(120):
        bar.step()
    bar.close()
    assert "\rlinks: 120/120 checked" in stream.getvalue()
    assert stream.getvalue().endswith("\r\x1b[K")


def test_quiet_for_short_runs_and_off_a_terminal() -> None:
    short, piped = _Terminal(), io.StringIO()
    for bar in (Progress(10, stream=short), Progress(500, stream=piped), Progress(500, enabled=False, stream=short)):
        for _ in range(bar.total):
            bar.step()
        bar.close()
    assert (short.getvalue(), piped.getvalue()) == ("", "")


def test_check_targets_keeps_stderr_clean_when_not_a_terminal(farm: Farm, capsys: pytest.CaptureFixture[str]) -> None:
    check_targets([Target(farm.url(f"/ok/{i}")) for i in range(80)], quick(), progress=True)
    assert capsys.readouterr().err == ""
