"""A Spark standalone cluster on loopback: one master and N workers, started from pyspark's own ``spark-class``.

Contract: ``with standalone_cluster(workers=2, cores=1) as cluster:`` starts
``spark-class org.apache.spark.deploy.master.Master`` and N ``...deploy.worker.Worker`` JVMs bound to 127.0.0.1
(no Spark download, no containers: the jars ship in the pyspark package), waits until every worker has registered
with the master, and yields a ``Standalone`` whose ``url`` (``spark://127.0.0.1:<port>``) is what ``--master``
takes and whose ``conf`` holds the driver settings a loopback cluster needs. On leaving the block, whatever
happened inside it, every process it started is stopped (their pids are also written beside their logs,
``master.pid``, ``worker-1.pid``...) (SIGTERM to each one's own process group, which holds the
executors and their Python workers; SIGKILL after ``grace`` seconds) and waited for. Nothing else is touched.

A start that does not finish within ``timeout`` seconds (no Java, a port taken, a worker that cannot register)
raises ``InputError`` (E100) with the last line of the log that says why, after stopping what did start.

Imports ``marsad.errors`` only; pyspark is located, not imported.
"""
from __future__ import annotations

import contextlib
import importlib.util
import os
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ..errors import InputError

__all__ = ["Standalone", "group_alive", "spark_class", "standalone_cluster"]

MASTER_CLASS = "org.apache.spark.deploy.master.Master"
WORKER_CLASS = "org.apache.spark.deploy.worker.Worker"
_ALIVE = "New state: ALIVE"  # the master's log line once it accepts workers
_REGISTERED = "Successfully registered with master"  # a worker's log line once the master has it


@dataclass
class Standalone:
    """A running loopback cluster: ``url`` for ``--master``, ``conf`` for the driver, the logs for a post-mortem."""

    url: str
    workers: int
    cores: int
    logs: list[Path] = field(default_factory=list)
    procs: list[subprocess.Popen] = field(default_factory=list, repr=False)

    @property
    def conf(self) -> dict[str, str]:
        """Driver settings: listen on loopback (the executors call back to it), one executor per worker with all
        of its cores."""
        return {"spark.driver.host": "127.0.0.1", "spark.driver.bindAddress": "127.0.0.1",
                "spark.executor.cores": str(self.cores), "spark.cores.max": str(self.workers * self.cores)}


def spark_class() -> Path:
    """pyspark's ``bin/spark-class`` (raises InputError when pyspark is not installed)."""
    spec = importlib.util.find_spec("pyspark")
    if spec is None or not spec.submodule_search_locations:
        raise InputError("a standalone Spark cluster needs the 'pyspark' package: pip install 'marsad[spark]'")
    path = Path(next(iter(spec.submodule_search_locations))) / "bin" / "spark-class"
    if not path.is_file():
        raise InputError(f"pyspark has no bin/spark-class at {path}")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def standalone_cluster(workers: int = 2, cores: int = 1, memory: str = "1g", timeout: float = 90.0,
                       grace: float = 10.0, workdir: str | os.PathLike | None = None) -> Iterator[Standalone]:
    """Start a master and ``workers`` workers of ``cores`` cores and ``memory`` each on 127.0.0.1 (see module)."""
    if not 1 <= workers <= 16 or not 1 <= cores <= 64:
        raise InputError(f"a loopback cluster takes 1-16 workers of 1-64 cores, not {workers} x {cores}")
    exe = spark_class()
    with contextlib.ExitStack() as stack:
        base = Path(workdir) if workdir else Path(stack.enter_context(tempfile.TemporaryDirectory(
            prefix="marsad-spark-standalone-")))
        env = dict(os.environ, SPARK_LOCAL_IP="127.0.0.1", SPARK_WORKER_DIR=str(base / "work"),
                   SPARK_LOG_DIR=str(base / "logs"), SPARK_NO_DAEMONIZE="1")
        port = free_port()
        cluster = Standalone(url=f"spark://127.0.0.1:{port}", workers=workers, cores=cores)
        stack.callback(_stop, cluster.procs, grace)
        started = time.monotonic()
        _launch(cluster, exe, env, base / "master.log",
                [MASTER_CLASS, "--host", "127.0.0.1", "--port", str(port), "--webui-port", str(free_port())])
        _wait_for(cluster, 0, _ALIVE, started + timeout)
        for i in range(workers):
            _launch(cluster, exe, env, base / f"worker-{i + 1}.log",
                    [WORKER_CLASS, "--host", "127.0.0.1", "--cores", str(cores), "--memory", memory,
                     "--webui-port", str(free_port()), "--work-dir", str(base / "work" / f"worker-{i + 1}"),
                     cluster.url])
        for i in range(workers):
            _wait_for(cluster, i + 1, _REGISTERED, started + timeout)
        yield cluster


def _launch(cluster: Standalone, exe: Path, env: dict, log: Path, args: list[str]) -> None:
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "wb") as fh:  # the child keeps its own descriptor
        proc = subprocess.Popen([str(exe), *args], stdout=fh, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                env=env, start_new_session=True)  # its own group: executors stop with it
    cluster.procs.append(proc)
    cluster.logs.append(log)
    log.with_suffix(".pid").write_text(f"{proc.pid}\n", encoding="utf-8")  # to stop it by hand if need be


def _wait_for(cluster: Standalone, i: int, marker: str, deadline: float) -> None:
    proc, log = cluster.procs[i], cluster.logs[i]
    while True:
        text = log.read_text(encoding="utf-8", errors="replace")
        if marker in text:
            return
        if proc.poll() is not None or time.monotonic() > deadline:
            why = "exited with code %s" % proc.returncode if proc.returncode is not None else "timed out"
            last = next((ln for ln in reversed(text.splitlines()) if ln.strip()), "(empty log)")
            raise InputError(f"Spark {log.stem} {why} before '{marker}'; last log line: {last.strip()[:300]}")
        time.sleep(0.2)


def _stop(procs: list[subprocess.Popen], grace: float) -> None:
    """SIGTERM each started process's group (workers first, then the master), then SIGKILL what is left."""
    for proc in reversed(procs):
        _signal_group(proc, signal.SIGTERM)
    deadline = time.monotonic() + grace
    for proc in reversed(procs):
        try:
            proc.wait(max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            pass
    for proc in reversed(procs):
        _signal_group(proc, signal.SIGKILL)  # executors or Python workers that outlived their JVM
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(5)
    deadline = time.monotonic() + 10  # orphans are reaped by init: wait until the groups are empty
    while any(group_alive(p.pid) for p in procs) and time.monotonic() < deadline:
        time.sleep(0.1)


def group_alive(pgid: int) -> bool:
    """True while a process of the group ``pgid`` exists."""
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _signal_group(proc: subprocess.Popen, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, sig)  # the group this module created for the process (start_new_session)
