"""Throughput of the whole text layer (normalize + sentences + tokens + numbers + dates) for ``marsad bench``.

May import: stdlib and ``marsad.text``.
"""
from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterable

from .dates import find_times
from .normalize import _normalize_cached
from .numbers import find_numbers
from .sentences import split_sentences
from .tokens import tokenize

__all__ = ["text_layer_throughput"]

_BASELINE = re.compile(r"\w+|[^\w\s]")
_uncached = _normalize_cached.__wrapped__


def text_layer_throughput(texts: Iterable[str], doc_date: dt.date | None = None,
                          split_clitics: bool = True) -> dict[str, float]:
    """Run every text-layer stage over ``texts`` once (normalizing each text once, as the pipeline can) and report

    ``docs``, ``mb`` (UTF-8 megabytes, 10**6 bytes), ``chars``, ``seconds`` (wall), ``cpu_seconds`` (this
    process), ``mb_per_s`` (wall), ``mb_per_cpu_s``, ``docs_per_s``, counts (``tokens``, ``sentences``,
    ``numbers``, ``times``), per-stage CPU seconds (``s_normalize``, ``s_sentences``, ``s_tokens``, ``s_numbers``,
    ``s_times``) and ``baseline_mb_per_cpu_s`` / ``ratio_to_baseline``: a plain ``re.findall(r"\\w+|[^\\w\\s]")``
    pass over the same texts in the same run (the practical floor; the ratio stays meaningful on a busy machine).
    """
    docs = 0
    size = 0
    chars = 0
    counts = {"tokens": 0, "sentences": 0, "numbers": 0, "times": 0}
    stage = {"normalize": 0.0, "sentences": 0.0, "tokens": 0.0, "numbers": 0.0, "times": 0.0}
    clock = time.process_time
    base_cpu = 0.0
    wall0 = time.perf_counter()
    cpu0 = clock()
    for text in texts:
        docs += 1
        size += len(text.encode("utf-8", "surrogatepass"))
        chars += len(text)
        t0 = clock()
        nt = _uncached(text)  # the cache would flatter a corpus of repeated texts
        t1 = clock()
        counts["sentences"] += len(split_sentences(text, normalized=nt))
        t2 = clock()
        counts["tokens"] += len(tokenize(text, normalized=nt, split_clitics=split_clitics))
        t3 = clock()
        counts["numbers"] += len(find_numbers(text, normalized=nt))
        t4 = clock()
        counts["times"] += len(find_times(text, doc_date=doc_date, normalized=nt))
        t5 = clock()
        _BASELINE.findall(text)
        base_cpu += clock() - t5
        for k, a, b in (("normalize", t0, t1), ("sentences", t1, t2), ("tokens", t2, t3), ("numbers", t3, t4),
                        ("times", t4, t5)):
            stage[k] += b - a
    cpu = clock() - cpu0 - base_cpu
    wall = time.perf_counter() - wall0
    mb = size / 1e6
    out: dict[str, float] = {
        "docs": docs, "mb": mb, "chars": chars, "seconds": wall, "cpu_seconds": cpu,
        "mb_per_s": mb / wall if wall > 0 else 0.0, "mb_per_cpu_s": mb / cpu if cpu > 0 else 0.0,
        "docs_per_s": docs / wall if wall > 0 else 0.0, **counts,
        "baseline_mb_per_cpu_s": mb / base_cpu if base_cpu > 0 else 0.0,
        "ratio_to_baseline": cpu / base_cpu if base_cpu > 0 else 0.0,
    }
    out.update({f"s_{k}": v for k, v in stage.items()})
    return out
