"""Run the coder over gold documents and score it: ``evaluate(docs) -> GoldEvaluation``.

The coder is ``marsad.pipeline.code`` unless another callable with the same signature is given (tests pass a fake
one; a saved prediction file is scored through ``predictions_from_file``). A document the coder fails on is
recorded in ``errors`` and scored as an empty prediction, so its gold events count as misses (never dropped).

Imports: marsad.errors, marsad.evaluate.{gold,scoring}; marsad.pipeline lazily.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..errors import InputError, MarsadError
from .gold import GoldDoc
from .scoring import EvalReport, score_document

Coder = Callable[..., Any]


def repo_root() -> Path:
    """The source checkout holding eval/ (the package is installed editable from it), else the working dir."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").is_file() and (parent / "eval").is_dir():
            return parent
    return Path.cwd()


def default_gold_files() -> list[Path]:
    """eval/gold/dev.jsonl and eval/gold/test.jsonl of the checkout (those that exist)."""
    gold = repo_root() / "eval" / "gold"
    return [p for p in (gold / "dev.jsonl", gold / "test.jsonl") if p.is_file()]


@dataclass(slots=True)
class GoldEvaluation:
    """The whole run: the overall report and one report per language."""

    overall: EvalReport
    by_lang: dict[str, EvalReport] = field(default_factory=dict)
    by_tag: dict[str, EvalReport] = field(default_factory=dict)  # documents carrying each gold tag
    by_split: dict[str, EvalReport] = field(default_factory=dict)
    coder: dict[str, str] = field(default_factory=dict)  # kb_version, coder_version seen in the output

    def to_dict(self, include_diff: bool = False) -> dict[str, Any]:
        return {"coder": dict(self.coder), **self.overall.to_dict(include_diff=include_diff),
                "by_lang": {k: v.to_dict() for k, v in sorted(self.by_lang.items())},
                "by_split": {k: v.to_dict() for k, v in sorted(self.by_split.items())},
                "by_tag": {k: {"docs": v.docs, "headline": v.headline(),
                               "modality": v.fields["modality"].to_dict()} for k, v in sorted(self.by_tag.items())}}


def _as_dict(coded: Any) -> dict[str, Any]:
    if isinstance(coded, dict):
        return coded
    to_dict = getattr(coded, "to_dict", None)
    if to_dict is None:
        raise TypeError(f"the coder returned {type(coded).__name__}, not a CodedDocument")
    return to_dict()


def evaluate(docs: list[GoldDoc], coder: Coder | None = None, want_diff: bool = False,
             predictions: dict[str, dict[str, Any]] | None = None) -> GoldEvaluation:
    """Code every gold document (or take its prediction from ``predictions`` by gold id, else by the content hash
    that ``marsad code`` gives as doc_id) and score it."""
    if coder is None and predictions is None:
        from ..pipeline import code as coder  # noqa: PLC0415 - the eval layer sits on top of the pipeline
    overall = EvalReport()
    by_lang: dict[str, EvalReport] = {}
    by_tag: dict[str, EvalReport] = {}
    by_split: dict[str, EvalReport] = {}
    seen: dict[str, str] = {}
    for doc in docs:
        t0 = time.perf_counter()
        error = None
        if predictions is not None:
            pred = predictions.get(doc.id)
            if pred is None:  # output of `marsad code` on the gold text: keyed by the content hash
                from ..pipeline import doc_id_of  # noqa: PLC0415

                pred = predictions.get(doc_id_of(doc.text))
            if pred is None:
                error = f"{doc.id}: no prediction in the prediction file"
                pred = {}
        else:
            try:
                pred = _as_dict(coder(doc.text, lang=doc.lang, date=doc.date, doc_id=doc.id))
            except MarsadError as exc:
                error, pred = f"{doc.id}: {exc.code} {exc}", {}
            except Exception as exc:  # noqa: BLE001 - a coder bug on one document is a counted error, not a stop
                error, pred = f"{doc.id}: coder crashed: {type(exc).__name__}: {exc}", {}
        for key in ("kb_version", "coder_version"):
            if pred.get(key):
                seen[key] = str(pred[key])
        rep = score_document(doc, pred, want_diff=want_diff)
        rep.seconds = time.perf_counter() - t0
        if error:
            rep.errors.append(error)
        overall.add(rep)
        by_lang.setdefault(doc.lang, EvalReport()).add(rep)
        by_split.setdefault(doc.split, EvalReport()).add(rep)
        for tag in set(doc.tags):
            by_tag.setdefault(tag, EvalReport()).add(rep)
    return GoldEvaluation(overall=overall, by_lang=by_lang, by_tag=by_tag, by_split=by_split,
                          coder=seen)


def predictions_from_file(path: str | Path) -> dict[str, dict[str, Any]]:
    """Read coder output (JSON lines in the output contract) keyed by ``doc_id``."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"prediction file {p} does not exist")
    out: dict[str, dict[str, Any]] = {}
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{p}:{n}: not valid JSON ({exc.msg})") from None
        if not isinstance(obj, dict) or not obj.get("doc_id"):
            raise InputError(f"{p}:{n}: a prediction must be an object with a doc_id")
        out[str(obj["doc_id"])] = obj
    return out
