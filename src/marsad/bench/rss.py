"""Resident memory of a ``marsad ingest -v`` child process, as the process that started it sees it (Linux).

``ingest_rss(cmd)`` runs the command, reads its stderr as it comes, and at every ``committed batch N: X items``
line samples the child's VmRSS from ``/proc``; the peak is the kernel's own (``wait4``'s ``ru_maxrss``), so a spike
between two samples still counts. Used by ``bench/memory_bench.py`` and by the memory test of the suite
(``tests/ingest/test_ingest_rss.py``). Imports nothing of marsad.
"""
from __future__ import annotations

import os
import re
import subprocess
import threading
from dataclasses import dataclass, field
from typing import Sequence

__all__ = ["IngestRss", "ingest_rss", "rss_mb"]

_COMMITTED = re.compile(r"committed batch \d+: ([\d,]+) items")


@dataclass(slots=True)
class IngestRss:
    """What a measured run gave: exit code, peak RSS (MB), (items committed, RSS MB) per batch, its output."""

    returncode: int
    peak_mb: float
    curve: list[tuple[int, float]] = field(default_factory=list)
    stdout: str = ""
    stderr: list[str] = field(default_factory=list)

    def at(self, fraction: float) -> float:
        """RSS (MB) at the first batch that reached ``fraction`` of the last batch's items (0.0 without batches)."""
        if not self.curve:
            return 0.0
        goal = self.curve[-1][0] * fraction
        return next(r for items, r in self.curve if items >= goal)


def rss_mb(pid: int) -> float:
    """A process's resident memory now (MB), 0.0 when it is gone or /proc is not there."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def ingest_rss(cmd: Sequence[str], env: dict[str, str] | None = None) -> IngestRss:
    """Run ``cmd`` (a ``marsad ingest ... -v``) to its end and measure it; never raises on a failed run."""
    proc = subprocess.Popen(list(cmd), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    out = IngestRss(returncode=-1, peak_mb=0.0)

    def read_err() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            out.stderr.append(line)
            m = _COMMITTED.search(line)
            if m:
                out.curve.append((int(m.group(1).replace(",", "")), rss_mb(proc.pid)))

    reader = threading.Thread(target=read_err, daemon=True)
    reader.start()
    out.stdout = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = out.returncode = os.waitstatus_to_exitcode(status)
    reader.join(5)
    for pipe in (proc.stdout, proc.stderr):
        if pipe is not None:
            pipe.close()
    out.peak_mb = usage.ru_maxrss / 1024
    return out
