"""Scoring on the real-newswire Arabic event GSR (ASSAULT and PROTEST sentences, OEDA arabic_event_gsr dev half).

Format (see the README in the GSR directory; its sentences are never copied into the project):

* ``assault_dev.csv`` / ``protest_dev.csv``: id, event_type, label, accept, reject, total, text. ``label`` is
  "yes", "easy no", "difficult no" or "ambiguous" (left out of scoring). Gigaword ids carry the date
  (``AAW_ARB_20071026.0026-2`` -> 2007-10-26); other ids give no date.
* ``*_spans_dev.json``: for accepted sentences, gold ``spans`` with ``source_role`` = {"main": ISO3 | "None",
  "role": sector | "None"} (sometimes a plain string such as "UNKNOWN", which carries no answer).

Definitions:

* detected(ASSAULT) = the coder returns a non-negated event of type ASSAULT, or with a CAMEO code under root
  18, 19 or 20; detected(PROTEST) = a non-negated event of type PROTEST or CAMEO root 14.
* precision/recall/F1 of detection over "yes" (positive) vs "easy no" + "difficult no" (negative); false-alarm
  rate = detected / sentences, separately on "difficult no" and on "easy no".
* source accuracy on the span file: for each sentence whose gold spans name a source country (resp. sector), the
  coder is right when one of its detected events has a source actor with that country (first 3 letters of the
  actor code, or the linked entity's country) (resp. that sector: a 3-letter chunk of the code or a sector of
  the linked entity). Reported over all such sentences and over those the coder detected.

Imports: marsad.errors, marsad.evaluate.{runner,scoring}; marsad.pipeline lazily.
"""
from __future__ import annotations

import csv
import json
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..errors import InputError, MarsadError
from .runner import repo_root
from .scoring import PRF

GSR_TYPES: dict[str, tuple[str, frozenset[str]]] = {
    "ASSAULT": ("assault", frozenset({"18", "19", "20"})),
    "PROTEST": ("protest", frozenset({"14"})),
}
POSITIVE = "yes"
NEGATIVES = ("easy no", "difficult no")
_DATE_IN_ID = re.compile(r"_(\d{4})(\d{2})(\d{2})\.")
_NO_VALUE = {"", "NONE", "UNKNOWN", "NULL", "NA", "N/A"}


def default_gsr_dir() -> Path:
    """$MARSAD_GSR_DIR, else ../shared/data/arabic-event-gsr-dev beside the checkout."""
    env = os.environ.get("MARSAD_GSR_DIR")
    if env:
        return Path(env)
    return repo_root().parent / "shared" / "data" / "arabic-event-gsr-dev"


def date_from_id(sentence_id: str) -> str | None:
    """``AAW_ARB_20071026.0026-2`` -> ``2007-10-26``; None when the id carries no valid date."""
    m = _DATE_IN_ID.search(sentence_id)
    if not m:
        return None
    y, mo, d = m.groups()
    if not ("01" <= mo <= "12" and "01" <= d <= "31"):
        return None
    return f"{y}-{mo}-{d}"


def article_of(sentence_id: str) -> str:
    """The document a GSR sentence comes from: ``AAW_ARB_20071026.0026-2`` -> ``AAW_ARB_20071026.0026``,
    ``<hash>_38`` -> ``<hash>`` (splits and cross-validation folds keep a document's sentences together)."""
    if "-" in sentence_id:
        return sentence_id.rsplit("-", 1)[0]
    return sentence_id.rsplit("_", 1)[0]


@dataclass(frozen=True, slots=True)
class GSRSentence:
    id: str
    event_type: str
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class GSRSpanGold:
    id: str
    text: str
    countries: frozenset[str]
    sectors: frozenset[str]


@dataclass(slots=True)
class AccuracyCount:
    gold: int = 0  # sentences with a gold value
    detected: int = 0  # ... of which the coder detected the event
    correct: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "detected": self.detected, "correct": self.correct,
                "accuracy": round(self.correct / self.gold, 4) if self.gold else 0.0,
                "accuracy_on_detected": round(self.correct / self.detected, 4) if self.detected else 0.0}


@dataclass(slots=True)
class GSRTypeReport:
    event_type: str
    detection: PRF = field(default_factory=PRF)
    labels: dict[str, int] = field(default_factory=dict)  # sentences scored per label
    detected: dict[str, int] = field(default_factory=dict)  # detected per label
    skipped_ambiguous: int = 0
    errors: list[str] = field(default_factory=list)
    source_country: AccuracyCount = field(default_factory=AccuracyCount)
    source_sector: AccuracyCount = field(default_factory=AccuracyCount)
    rules_right: dict[str, int] = field(default_factory=dict)  # rule -> detections on "yes" sentences
    rules_false: dict[str, int] = field(default_factory=dict)  # rule -> detections on "no" sentences
    misses: list[tuple[str, str]] = field(default_factory=list)  # (id, text) of "yes" sentences not detected
    false_alarms: list[tuple[str, str]] = field(default_factory=list)  # (id, text) of "no" sentences detected

    def false_alarm_rate(self, label: str) -> float:
        n = self.labels.get(label, 0)
        return self.detected.get(label, 0) / n if n else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"event_type": self.event_type, "detection": self.detection.to_dict(),
                "labels": dict(self.labels), "detected": dict(self.detected),
                "false_alarm_rate_difficult_no": round(self.false_alarm_rate("difficult no"), 4),
                "false_alarm_rate_easy_no": round(self.false_alarm_rate("easy no"), 4),
                "skipped_ambiguous": self.skipped_ambiguous, "errors": list(self.errors),
                "rules": {r: {"yes": self.rules_right.get(r, 0), "no": self.rules_false.get(r, 0)}
                          for r in sorted(set(self.rules_right) | set(self.rules_false))},
                "source_country": self.source_country.to_dict(), "source_sector": self.source_sector.to_dict(),
                **({"misses": [i for i, _ in self.misses], "false_alarms": [i for i, _ in self.false_alarms]}
                   if self.misses or self.false_alarms else {})}


@dataclass(slots=True)
class GSRReport:
    directory: str
    types: dict[str, GSRTypeReport] = field(default_factory=dict)
    sentences: int = 0
    seconds: float = 0.0

    def headline(self) -> dict[str, float]:
        return {f"gsr_{t.lower()}_f1": round(r.detection.f1, 4) for t, r in self.types.items()}

    def to_dict(self) -> dict[str, Any]:
        return {"directory": self.directory, "sentences": self.sentences, "seconds": round(self.seconds, 3),
                "headline": self.headline(), "types": {k: v.to_dict() for k, v in self.types.items()}}


def read_gsr_csv(path: Path) -> list[GSRSentence]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = {"id", "event_type", "label", "text"} - set(reader.fieldnames or [])
            if missing:
                raise InputError(f"{path}: not a GSR file (missing columns {', '.join(sorted(missing))})")
            return [GSRSentence(r["id"], (r["event_type"] or "").strip().upper(), (r["label"] or "").strip().lower(),
                                r["text"] or "") for r in reader]
    except UnicodeDecodeError as exc:
        raise InputError(f"{path} is not UTF-8 ({exc.reason})") from None
    except csv.Error as exc:
        raise InputError(f"{path}: broken CSV ({exc})") from None


def _role_values(role: Any, key: str) -> set[str]:
    if not isinstance(role, dict):
        return set()
    value = role.get(key)
    if not isinstance(value, str) or value.strip().upper() in _NO_VALUE:
        return set()
    return {value.strip().upper()}


def read_gsr_spans(path: Path) -> list[GSRSpanGold]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a UTF-8 JSON file ({exc})") from None
    if not isinstance(data, list):
        raise InputError(f"{path}: a span file must hold a JSON list of sentences")
    out = []
    for item in data:
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            continue
        countries: set[str] = set()
        sectors: set[str] = set()
        for sp in item.get("spans") or []:
            if isinstance(sp, dict):
                countries |= _role_values(sp.get("source_role"), "main")
                sectors |= _role_values(sp.get("source_role"), "role")
        out.append(GSRSpanGold(str(item.get("source") or ""), item["text"], frozenset(countries), frozenset(sectors)))
    return out


def detected_events(coded: dict[str, Any], event_type: str) -> list[dict[str, Any]]:
    """The coder's non-negated events that count as ``event_type`` (by PLOVER type or CAMEO root); an act
    recalled as background is no new event."""
    roots = GSR_TYPES[event_type][1]
    return [ev for ev in coded.get("events") or []
            if ev.get("modality") != "negated" and not ev.get("background")
            and (ev.get("type") == event_type or str(ev.get("cameo") or "")[:2] in roots)]


def _source_facets(coded: dict[str, Any], events: list[dict[str, Any]]) -> tuple[set[str], set[str]]:
    entities = {e.get("id"): e for e in coded.get("entities") or []}
    countries: set[str] = set()
    sectors: set[str] = set()
    for ev in events:
        for actor in ev.get("source") or []:
            code = str(actor.get("code") or "")
            if code:
                countries.add(code[:3])
                sectors.update(code[i:i + 3] for i in range(0, len(code) - 2, 3))
            ent = entities.get(actor.get("entity"))
            if ent:
                if ent.get("country"):
                    countries.add(str(ent["country"]))
                sectors.update(str(s) for s in ent.get("sectors") or [])
    return countries, sectors


def score_gsr(directory: str | Path | None = None, coder: Callable[..., Any] | None = None,
              types: tuple[str, ...] = ("ASSAULT", "PROTEST"), limit: int | None = None,
              keep_ids: bool = False) -> GSRReport:
    """Code every labelled sentence of the GSR directory and score detection and source coding.

    ``limit`` caps the sentences per type (for quick looks; the full set is the reported figure).
    Raises ``InputError`` when the directory or its CSV files are missing.
    """
    root = Path(directory) if directory else default_gsr_dir()
    if not root.is_dir():
        raise InputError(f"GSR directory {root} does not exist (pass a directory or set MARSAD_GSR_DIR)")
    if coder is None:
        from ..pipeline import code as coder  # noqa: PLC0415
    report = GSRReport(directory=str(root))
    cache: dict[str, dict[str, Any]] = {}
    t0 = time.perf_counter()

    def run(text: str, sid: str) -> dict[str, Any]:
        key = f"{date_from_id(sid)}\x00{text}"
        if key not in cache:
            out = coder(text, lang="ar", date=date_from_id(sid))
            cache[key] = out if isinstance(out, dict) else out.to_dict()
        return cache[key]

    for etype in types:
        stem = GSR_TYPES[etype][0]
        csv_path = root / f"{stem}_dev.csv"
        if not csv_path.is_file():
            candidates = sorted(root.glob(f"{stem}_*.csv"))
            if not candidates:
                raise InputError(f"{root} holds no {stem}_*.csv file (is it the arabic-event-gsr directory?)")
            csv_path = candidates[0]
        rep = GSRTypeReport(event_type=etype)
        rows = [r for r in read_gsr_csv(csv_path) if not r.event_type or r.event_type == etype]
        if limit is not None:
            rows = rows[:limit]
        by_text: dict[str, str] = {}
        for row in rows:
            by_text.setdefault(row.text, row.id)
            if row.label not in (POSITIVE, *NEGATIVES):
                rep.skipped_ambiguous += 1
                continue
            try:
                found = detected_events(run(row.text, row.id), etype)
                hit = bool(found)
                tally = rep.rules_right if row.label == POSITIVE else rep.rules_false
                for rule in {str(ev.get("rule") or "?") for ev in found}:
                    tally[rule] = tally.get(rule, 0) + 1
            except MarsadError as exc:
                rep.errors.append(f"{row.id}: {exc.code} {exc}")
                hit = False
            except Exception as exc:  # noqa: BLE001 - a coder bug on one sentence is counted, not a stop
                rep.errors.append(f"{row.id}: coder crashed: {type(exc).__name__}: {exc}")
                hit = False
            report.sentences += 1
            rep.labels[row.label] = rep.labels.get(row.label, 0) + 1
            rep.detected[row.label] = rep.detected.get(row.label, 0) + hit
            gold_yes = row.label == POSITIVE
            rep.detection.n_gold += gold_yes
            rep.detection.n_pred += hit
            rep.detection.tp += hit and gold_yes
            if keep_ids and gold_yes and not hit:
                rep.misses.append((row.id, row.text))
            if keep_ids and hit and not gold_yes:
                rep.false_alarms.append((row.id, row.text))
        spans_path = root / f"{stem}_spans_dev.json"
        if spans_path.is_file():
            for gold in read_gsr_spans(spans_path):
                if limit is not None and gold.text not in by_text:
                    continue
                sid = gold.id if date_from_id(gold.id) else by_text.get(gold.text, gold.id)
                try:
                    coded = run(gold.text, sid)
                except MarsadError as exc:
                    rep.errors.append(f"{sid}: {exc.code} {exc}")
                    coded = {}
                except Exception as exc:  # noqa: BLE001 - as above
                    rep.errors.append(f"{sid}: coder crashed: {type(exc).__name__}: {exc}")
                    coded = {}
                events = detected_events(coded, etype)
                countries, sectors = _source_facets(coded, events)
                for acc, want, got in ((rep.source_country, gold.countries, countries),
                                       (rep.source_sector, gold.sectors, sectors)):
                    if not want:
                        continue
                    acc.gold += 1
                    acc.detected += bool(events)
                    acc.correct += bool(want & got)
        report.types[etype] = rep
    report.seconds = time.perf_counter() - t0
    return report
