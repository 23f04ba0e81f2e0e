"""Build a quiet SparkSession for the marsad job (driver side only).

Contract: ``spark_session(master=None, app_name=..., conf=None)`` returns a SparkSession with the web UI off,
no console progress bar, log level ERROR, UTC session time zone, and executors' Python set to the Python that
runs the driver (``PYSPARK_PYTHON = sys.executable``) unless the caller already chose one. ``master=None`` keeps
whatever spark-submit (or ``spark-defaults.conf``) set, and falls back to ``local[*]`` only when nothing did.

pyspark is an optional extra: it is imported here, lazily, through ``marsad.errors.require``; importing this
module does not need it. Imports only ``marsad.errors``.
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from typing import Any, Mapping

from ..errors import InputError, require

#: log4j2 configuration for the driver JVM: errors only, and silence the two loggers that warn on every start.
_LOG4J2 = """\
rootLogger.level = error
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{yy/MM/dd HH:mm:ss} %p %c{1}: %m%n%ex
logger.hadoop.name = org.apache.hadoop.util.NativeCodeLoader
logger.hadoop.level = off
logger.utils.name = org.apache.spark.util.Utils
logger.utils.level = off
logger.repl.name = org.apache.spark.repl.Main
logger.repl.level = error
"""

#: settings every marsad session gets (a caller's ``conf`` wins over these).
BASE_CONF: dict[str, str] = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.session.timeZone": "UTC",
    # the coder is pure Python: reuse each Python worker so the knowledge base is loaded once per process.
    "spark.python.worker.reuse": "true",
    # Arrow batches handed to the coder; a batch is the unit of work and of memory on the Python side.
    "spark.sql.execution.arrow.maxRecordsPerBatch": "500",
    "spark.sql.parquet.compression.codec": "zstd",
}


def java_available() -> bool:
    """True when a ``java`` executable is on PATH or JAVA_HOME points at one (Spark needs Java 17+)."""
    home = os.environ.get("JAVA_HOME")
    if home and os.path.exists(os.path.join(home, "bin", "java")):
        return True
    return shutil.which("java") is not None


def _log4j_file() -> str:
    """Write the quiet log4j2 configuration once per process and return its path (a string, not package data,
    so that it also exists when marsad is shipped to a cluster as a zip)."""
    path = os.path.join(tempfile.gettempdir(), f"marsad-log4j2-{os.getpid()}.properties")
    if not os.path.exists(path):
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(_LOG4J2)
    return path


def spark_session(master: str | None = None, app_name: str = "marsad", conf: Mapping[str, Any] | None = None):
    """Return a configured SparkSession (an existing active session is reused and only runtime settings apply).

    Raises MissingExtraError when pyspark is not installed and InputError when no Java runtime can be found.
    """
    sql = require("pyspark.sql", "marsad spark", "spark")
    if not java_available() and "SPARK_HOME" not in os.environ:
        raise InputError("Spark needs a Java runtime (17 or newer): install openjdk-17-jre-headless or set JAVA_HOME")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    if master and (master.startswith("local") or master.startswith(("spark://127.0.0.1:", "spark://localhost:"))):
        # local mode or a loopback standalone cluster: the driver listens on loopback, where executors call back.
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    builder = sql.SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    elif not _master_preset():
        builder = builder.master("local[*]")
    settings = dict(BASE_CONF)
    settings["spark.driver.extraJavaOptions"] = f"-Dlog4j2.configurationFile=file:{_log4j_file()}"
    settings.update({k: str(v) for k, v in (conf or {}).items()})
    for key, value in settings.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _master_preset() -> bool:
    """True when spark-submit (or the environment) already decided where the job runs."""
    if os.environ.get("PYSPARK_GATEWAY_PORT"):  # this Python was started by spark-submit's JVM
        return True
    return "--master" in os.environ.get("PYSPARK_SUBMIT_ARGS", "") or bool(os.environ.get("MASTER"))
