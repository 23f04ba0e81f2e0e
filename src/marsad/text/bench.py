"""Throughput of the whole text layer (normalize + sentences + tokens + numbers + dates) for ``marsad bench``.

May import: stdlib and ``marsad.text``.
"""
from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable

from .dates import find_times
from .normalize import normalize
from .numbers import find_numbers
from .sentences import split_sentences
from .tokens import tokenize

__all__ = ["text_layer_throughput"]


def text_layer_throughput(texts: Iterable[str], doc_date: dt.date | None = None) -> dict[str, float]:
    """Run every text-layer stage over ``texts`` once (normalizing each text once, as the pipeline does) and
    report ``{"docs", "mb", "chars", "seconds", "mb_per_s", "docs_per_s", "tokens", "sentences", "numbers",
    "times"}`` plus per-stage seconds (``"s_normalize"`` ...). MB are UTF-8 megabytes (10**6 bytes)."""
    docs = 0
    size = 0
    chars = 0
    counts = {"tokens": 0, "sentences": 0, "numbers": 0, "times": 0}
    stage = {"normalize": 0.0, "sentences": 0.0, "tokens": 0.0, "numbers": 0.0, "times": 0.0}
    clock = time.perf_counter
    t_all = clock()
    for text in texts:
        docs += 1
        size += len(text.encode("utf-8", "surrogatepass"))
        chars += len(text)
        t0 = clock()
        nt = normalize(text)
        t1 = clock()
        counts["sentences"] += len(split_sentences(text, normalized=nt))
        t2 = clock()
        counts["tokens"] += len(tokenize(text, normalized=nt))
        t3 = clock()
        counts["numbers"] += len(find_numbers(text, normalized=nt))
        t4 = clock()
        counts["times"] += len(find_times(text, doc_date=doc_date, normalized=nt))
        t5 = clock()
        for k, a, b in (("normalize", t0, t1), ("sentences", t1, t2), ("tokens", t2, t3), ("numbers", t3, t4),
                        ("times", t4, t5)):
            stage[k] += b - a
    seconds = clock() - t_all
    mb = size / 1e6
    out: dict[str, float] = {"docs": docs, "mb": mb, "chars": chars, "seconds": seconds,
                             "mb_per_s": mb / seconds if seconds > 0 else 0.0,
                             "docs_per_s": docs / seconds if seconds > 0 else 0.0, **counts}
    out.update({f"s_{k}": v for k, v in stage.items()})
    return out
