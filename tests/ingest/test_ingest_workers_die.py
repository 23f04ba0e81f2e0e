"""``kill -9`` of ``marsad ingest -w 2`` leaves no process behind (issue 21, item 6).

Before: the two spawned coding workers (~195 MB each) and multiprocessing's resource tracker kept running. Now
each worker asks the kernel for SIGKILL when its parent dies (Linux prctl PR_SET_PDEATHSIG), and the tracker ends
when the last of them closes its pipe. Real subprocesses, real signals; the timeout is only a guard.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc and prctl are Linux's")


def _children(pid: int) -> set[int]:
    """Every live descendant of ``pid`` (from /proc/<n>/stat's parent field)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if fields[0] != "Z":
                parents[int(entry.name)] = int(fields[1])
    out, frontier = set(), {pid}
    while frontier:
        frontier = {p for p, pp in parents.items() if pp in frontier} - out
        out |= frontier
    return out


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def test_kill_9_of_a_parallel_ingest_leaves_no_worker(tmp_path):
    src = tmp_path / "in.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for i in range(4000):
            fh.write(json.dumps({"text": f"Israeli jets struck Gaza on Monday, item {i}. Egypt hosted talks."}) + "\n")
    proc = subprocess.Popen([sys.executable, "-c", "import sys; from marsad.cli import main; "
                             "sys.argv[0] = 'marsad'; main()", "ingest", str(src), "--db", str(tmp_path / "k.duckdb"),
                             "-w", "2", "--batch", "20", "-v", "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    assert proc.stderr is not None
    for line in proc.stderr:  # the workers code batches by now
        if line.startswith("committed batch 2"):
            break
    kids = _children(proc.pid)
    assert len(kids) >= 2, "the workers were not found"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    deadline = time.time() + 60
    while time.time() < deadline and any(_alive(k) for k in kids):
        time.sleep(0.2)
    left = sorted(k for k in kids if _alive(k))
    for k in left:  # do not leave them to the next test
        os.kill(k, signal.SIGKILL)
    assert not left, f"{len(left)} of {len(kids)} child processes outlived kill -9 of the ingest"
