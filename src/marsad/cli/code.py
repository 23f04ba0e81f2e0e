"""`marsad code FILE|-`: code one article and print the output contract (json, jsonl) or a readable table."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.table import Table

from ..errors import InputError
from . import app
from .common import console, handles_errors, parse_date

MAX_BYTES = 20 * 1024 * 1024


def read_text_arg(path: str) -> str:
    """Read an article from a path or '-' (stdin), refusing what is not UTF-8 text with a one-line reason."""
    if path == "-":
        data = sys.stdin.buffer.read()
        where = "standard input"
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"{path}: no such file")
        if p.is_dir():
            raise InputError(f"{path} is a directory: give one file (use `marsad ingest` for directories)")
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path} is {size:,} bytes; `marsad code` takes up to {MAX_BYTES:,} (use `marsad ingest`)")
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror})") from None
        where = path
    if b"\x00" in data[:8192]:
        raise InputError(f"{where} looks binary (NUL bytes): give a UTF-8 text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where} is not UTF-8 (bad byte at offset {exc.start}): convert it, e.g. with iconv") from None
    return text


@app.command("code")
@handles_errors
def code_cmd(
    file: str = typer.Argument(..., help="A UTF-8 text file with one article, or - for standard input."),
    lang: str = typer.Option("auto", "--lang", help="ar, en or auto."),
    date: str = typer.Option(None, "--date", help="Document date YYYY-MM-DD (resolves relative dates and roles)."),
    url: str = typer.Option(None, "--url", help="Source URL to record."),
    fmt: str = typer.Option("json", "--format", "-f", help="json, jsonl or table."),
    min_confidence: float = typer.Option(None, "--min-confidence", help="Keep events scoring at least this "
                                         "(0-1) instead of the decision model's threshold per type."),
    all_candidates: bool = typer.Option(False, "--all-candidates", help="Keep every candidate the rules let "
                                        "through, with its decision score as confidence (for audit)."),
    explain: bool = typer.Option(False, "--explain", help="Add an 'explain' list: every candidate trigger, the "
                                 "rule that proposed it, its roles, score, top features, and why it was kept, "
                                 "merged or dropped (table format: printed below the tables)."),
    ner: bool = typer.Option(False, "--ner", help="Also find names the knowledge base does not know (Arabic, in "
                             "sentences with a trigger): entities with ids new:<kind>:<name>; a new organization "
                             "or titled person may become an actor."),
) -> None:
    """Code one article: entities, events, quantities and times, every one tied to its characters."""
    from ..pipeline import code

    if lang not in ("ar", "en", "auto"):
        raise InputError(f"--lang {lang!r} is not one of ar, en, auto")
    if fmt not in ("json", "jsonl", "table"):
        raise InputError(f"--format {fmt!r} is not one of json, jsonl, table")
    day = parse_date(date)
    text = read_text_arg(file)
    if min_confidence is not None and not 0.0 <= min_confidence <= 1.0:
        raise InputError(f"--min-confidence {min_confidence} is not between 0 and 1")
    doc = code(text, lang=None if lang == "auto" else lang, date=day, url=url, min_confidence=min_confidence,
               all_candidates=all_candidates, explain=explain, ner=ner)
    if fmt == "json":
        sys.stdout.write(json.dumps(doc.to_dict(), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        sys.stdout.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
    else:
        print_table(doc)
        if explain:
            print_explain(doc)


def print_explain(doc) -> None:
    """One line per candidate trigger: offsets, words, rule, type/CAMEO, roles, score, outcome, top features."""
    for r in doc.explain or []:
        t = r["trigger"]
        roles = ""
        if "source" in r:
            roles = f" source={','.join(r['source']) or '-'} target={','.join(r['target']) or '-'} " \
                    f"via={r['attachment']} modality={r['modality']} score={r['score']:.3f}"
        feats = "; ".join(f"{f} {w:+.2f}" for f, w in r.get("top_features") or [])
        by = f" [rule {r['dropped_by']}]" if r.get("dropped_by") else ""
        recoded = f" recoded by {', '.join(r['recoded_by'])}" if r.get("recoded_by") else ""
        console.print(f"[{t['start']}:{t['end']}] {t['text']}  {r['rule']} {r['type'] or '-'}/{r['cameo']}{roles}"
                      f"{recoded}  -> {r['outcome']}{by}{f'  ({feats})' if feats else ''}", markup=False,
                      highlight=False)


def _actors(actors) -> str:
    return ", ".join(f"{a.code} ({a.text})" for a in actors) or "-"


def _around(text: str, e, width: int = 45) -> str:
    """The evidence near the trigger: up to ``width`` characters either side, inside the evidence sentence."""
    lo = max(e.evidence.start, e.trigger.start - width)
    hi = min(e.evidence.end, e.trigger.end + width)
    return ("…" if lo > e.evidence.start else "") + text[lo:hi] + ("…" if hi < e.evidence.end else "")


def print_table(doc) -> None:
    head = f"document {doc.doc_id}  lang {doc.lang}  date {doc.date or '-'}  kb {doc.kb_version}"
    console.print(head, style="bold", markup=False)
    ev = Table(title=f"{len(doc.events)} events", show_lines=True)
    for col in ("type", "cameo", "source", "target", "modality", "where / when", "evidence", "conf"):
        ev.add_column(col, overflow="fold")
    for e in doc.events:
        where = e.location.name if e.location else "-"
        when = e.time.value if e.time and e.time.value else "-"
        ev.add_row(f"{e.type or '(CAMEO only)'}{'/' + e.mode if e.mode else ''}", e.cameo, _actors(e.source),
                   _actors(e.target), e.modality, f"{where} / {when}", _around(doc.text, e), f"{e.confidence:.2f}")
    console.print(ev)
    en = Table(title=f"{len(doc.entities)} entities")
    for col in ("kind", "name", "code", "mentions"):
        en.add_column(col, overflow="fold")
    for e in doc.entities:
        en.add_row(e.kind, f"{e.name}" + (f" / {e.name_ar}" if e.name_ar else ""), e.code or "-",
                   ", ".join(m.text for m in e.mentions[:4]) + (f" (+{len(e.mentions) - 4})" if len(e.mentions) > 4 else ""))
    console.print(en)
    if doc.quantities:
        qt = Table(title=f"{len(doc.quantities)} quantities")
        for col in ("kind", "value", "unit", "approx", "of", "actor", "text"):
            qt.add_column(col)
        for q in doc.quantities:
            qt.add_row(q.kind, f"{q.value:g}", q.unit or "-", "yes" if q.approx else "", q.of or "", q.actor or "", q.text)
        console.print(qt)
