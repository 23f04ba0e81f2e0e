"""``run_bench``: time marsad over the synthetic corpus, beside the floor of a plain regex tokenization pass.

Reports (``BenchReport.to_dict()``): corpus size, KB load time, warm-up (first document: builds the automata),
whole-pipeline time -> articles/s, MB/s (UTF-8 bytes / 10^6), time per stage when the pipeline accepts a
``timings`` dict, the text layer alone (``marsad.text.bench.text_layer_throughput`` when present), a
``re.findall(r"\\w+")`` pass over the same texts in the same run and the ratio marsad/regex, peak RSS
(``resource.getrusage``), events/entities produced, and the machine. A report, never a timed test.

Imports: marsad.bench.corpus; marsad.pipeline, marsad.kb, marsad.text lazily.
"""
from __future__ import annotations

import inspect
import os
import platform
import re
import sys
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from .corpus import Corpus, generate

_WORD = re.compile(r"\w+")


def peak_rss_mb() -> float | None:
    """Peak resident set size of this process in MB (None where ``resource`` is unavailable)."""
    try:
        import resource  # noqa: PLC0415 - POSIX only
    except ImportError:  # pragma: no cover
        return None
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {"cpu": cpu, "cpus": os.cpu_count(), "python": platform.python_version(),
            "platform": platform.platform(terse=True)}


@dataclass(slots=True)
class BenchReport:
    docs: int
    lang: str
    seed: int
    bytes: int
    chars: int
    kb_entries: bool
    kb_load_s: float | None = None
    kb_version: str | None = None
    warmup_s: float = 0.0
    pipeline_s: float = 0.0
    regex_s: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)
    text_layer: dict[str, Any] | None = None
    events: int = 0
    entities: int = 0
    errors: int = 0
    peak_rss_mb: float | None = None
    machine: dict[str, Any] = field(default_factory=machine)

    @property
    def articles_per_s(self) -> float:
        return self.docs / self.pipeline_s if self.pipeline_s > 0 else 0.0

    @property
    def mb_per_s(self) -> float:
        return self.bytes / 1e6 / self.pipeline_s if self.pipeline_s > 0 else 0.0

    @property
    def regex_mb_per_s(self) -> float:
        return self.bytes / 1e6 / self.regex_s if self.regex_s > 0 else 0.0

    @property
    def ratio(self) -> float:
        """How many times slower than a plain ``re.findall(r"\\w+")`` pass over the same texts."""
        return self.pipeline_s / self.regex_s if self.regex_s > 0 else 0.0

    def _text_ratio(self) -> float | None:
        secs = (self.text_layer or {}).get("seconds")
        return round(secs / self.regex_s, 1) if isinstance(secs, (int, float)) and self.regex_s > 0 else None

    def to_dict(self) -> dict[str, Any]:
        r = lambda x: None if x is None else round(x, 6)  # noqa: E731
        return {
            "corpus": {"docs": self.docs, "lang": self.lang, "seed": self.seed, "bytes": self.bytes,
                       "chars": self.chars, "avg_bytes": round(self.bytes / self.docs) if self.docs else 0,
                       "kb_entries": self.kb_entries},
            "kb": {"load_s": r(self.kb_load_s), "version": self.kb_version},
            "pipeline": {"warmup_s": r(self.warmup_s), "seconds": r(self.pipeline_s),
                         "articles_per_s": round(self.articles_per_s, 2), "mb_per_s": round(self.mb_per_s, 4),
                         "ms_per_article": round(1000 * self.pipeline_s / self.docs, 3) if self.docs else 0.0,
                         "stages": {k: r(v) for k, v in self.stages.items()},
                         "events": self.events, "entities": self.entities, "errors": self.errors},
            "text_layer": self.text_layer,
            "regex_floor": {"seconds": r(self.regex_s), "mb_per_s": round(self.regex_mb_per_s, 2),
                            "pattern": r"re.findall(r'\w+')"},
            "ratio_to_regex": round(self.ratio, 1),
            "text_layer_ratio_to_regex": self._text_ratio(),
            "peak_rss_mb": None if self.peak_rss_mb is None else round(self.peak_rss_mb, 1),
            "machine": self.machine,
        }


def _regex_pass(texts: list[str], repeat: int = 3) -> float:
    """Best of ``repeat`` timings of ``re.findall(r"\\w+")`` over every text (the practical floor)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        n = 0
        for t in texts:
            n += len(_WORD.findall(t))
        best = min(best, time.perf_counter() - t0)
    return best


def _text_layer(texts: list[str]) -> dict[str, Any] | None:
    try:
        from ..text.bench import text_layer_throughput  # noqa: PLC0415 - helper A's, optional
    except ImportError:
        return None
    try:
        result = text_layer_throughput(texts)
    except Exception as exc:  # noqa: BLE001 - an optional measure: its failure is reported, the bench goes on
        return {"error": f"{type(exc).__name__}: {exc}"}
    return dict(result) if isinstance(result, dict) else {"result": result}


def _kb_load() -> tuple[float | None, str | None]:
    try:
        from ..kb import load_kb  # noqa: PLC0415
    except ImportError:
        return None, None
    t0 = time.perf_counter()
    try:
        kb = load_kb()
    except Exception:  # noqa: BLE001 - the bench still runs (fallback pool); `marsad kb` reports KB errors
        return None, None
    return time.perf_counter() - t0, getattr(kb, "version", None)


def run_bench(n: int = 200, lang: str = "ar", seed: int = 7, coder: Callable[..., Any] | None = None,
              corpus: Corpus | None = None, text_layer: bool = True) -> BenchReport:
    """Generate (or take) the corpus and measure; see the module docstring for what is reported."""
    kb_s, kb_version = _kb_load()  # first: measures the cold load before the generator uses the KB
    corpus = corpus or generate(n, lang, seed)
    if coder is None:
        from ..pipeline import code as coder  # noqa: PLC0415
    texts = [d.text for d in corpus.docs]
    rep = BenchReport(docs=len(texts), lang=corpus.lang, seed=corpus.seed, bytes=corpus.bytes, chars=corpus.chars,
                      kb_entries=corpus.kb_entries, kb_load_s=kb_s, kb_version=kb_version)
    try:
        takes_timings = "timings" in inspect.signature(coder).parameters
    except (TypeError, ValueError):
        takes_timings = False
    first = corpus.docs[0]
    t0 = time.perf_counter()
    coder(first.text, lang=first.lang, date=first.date)  # warm-up: lazy automata, caches
    rep.warmup_s = time.perf_counter() - t0
    stages: dict[str, float] = {}
    from ..errors import MarsadError  # noqa: PLC0415

    t0 = time.perf_counter()
    for d in corpus.docs:
        try:
            if takes_timings:
                out = coder(d.text, lang=d.lang, date=d.date, timings=stages)
            else:
                out = coder(d.text, lang=d.lang, date=d.date)
        except MarsadError:
            rep.errors += 1
            continue
        rep.events += len(getattr(out, "events", None) or [])
        rep.entities += len(getattr(out, "entities", None) or [])
    rep.pipeline_s = time.perf_counter() - t0
    rep.stages = dict(sorted(stages.items(), key=lambda kv: -kv[1])) if stages else {"total": rep.pipeline_s}
    rep.regex_s = _regex_pass(texts)
    if text_layer:
        rep.text_layer = _text_layer(texts)
    rep.peak_rss_mb = peak_rss_mb()
    return rep
