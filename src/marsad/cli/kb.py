"""`marsad kb validate | stats | lookup NAME [--date D]`: thin commands over marsad.kb."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from ..errors import InputError, KBError
from . import app
from .common import console, handles_errors, parse_date

kb_app = typer.Typer(help="Knowledge base: validate the data files, show coverage, look a name up.",
                     no_args_is_help=True)
app.add_typer(kb_app, name="kb")

DATA_DIR_OPT = typer.Option(None, "--data-dir", help="a KB directory of the same layout (default: the shipped KB)")


def _dir(data_dir: Optional[Path]) -> Optional[Path]:
    if data_dir is not None and not data_dir.is_dir():
        raise InputError(f"--data-dir {data_dir}: no such directory")
    return data_dir


@kb_app.command()
@handles_errors
def validate(data_dir: Optional[Path] = DATA_DIR_OPT,
             strict: bool = typer.Option(False, "--strict", help="fail on warnings too"),
             as_json: bool = typer.Option(False, "--json", help="print the problems as JSON lines")) -> None:
    """Check every KB file: schema, codes, role periods, name clashes, manifest. Exit 3 on errors."""
    from ..kb.validate import validate as run

    report = run(_dir(data_dir))
    if as_json:
        for p in report.problems:
            typer.echo(json.dumps({"severity": p.severity, "file": p.file, "line": p.line, "message": p.message},
                                  ensure_ascii=False))
        if report.errors or (strict and report.warnings):
            raise typer.Exit(KBError.exit_code)
        return
    for p in report.problems:  # one unwrapped line each: grep-able file:line
        typer.echo(str(p), err=p.severity == "error")
    counts = report.kb.counts() if report.kb else {}
    summary = ", ".join(f"{v} {k}" for k, v in sorted(counts.items()))
    typer.echo(f"{len(report.errors)} errors, {len(report.warnings)} warnings" + (f" ({summary})" if summary else ""))
    if report.errors or (strict and report.warnings):
        raise typer.Exit(KBError.exit_code)


@kb_app.command()
@handles_errors
def stats(data_dir: Optional[Path] = DATA_DIR_OPT,
          as_json: bool = typer.Option(False, "--json", help="print JSON instead of tables")) -> None:
    """Counts and coverage per file: records, names per language, role coverage 2015-today, Arabic places."""
    from ..kb import load_kb
    from ..kb.stats import stats as compute

    kb = load_kb(_dir(data_dir))
    st = compute(kb)
    if as_json:
        console.print_json(json.dumps(st, ensure_ascii=False))
        return
    t = Table(title=f"KB {st['kb_version']} (fingerprint {st['fingerprint'][:12]}, "
                    f"manifest {'current' if st['manifest_current'] else 'STALE'})")
    for col in ("file", "records", "names ar", "names en", "need context"):
        t.add_column(col, justify="left" if col == "file" else "right")
    for name, f in st["files"].items():
        t.add_row(name, str(f["records"]), str(f["names_ar"]), str(f["names_en"]), str(f["needs_context"]))
    console.print(t)
    p, c = st["places"], st["countries"]
    console.print(f"places: {p['total']} ({p['with_arabic']} with Arabic names); capitals: {p['capitals']} "
                  f"({p['capitals_with_arabic']} with Arabic names); countries: {c['total']} "
                  f"({c['with_nisba']} with nisba, {c['with_demonym']} with demonyms, "
                  f"{p['countries_with_capital']} with a capital)", markup=False, highlight=False)
    for what, counts in st["kinds"].items():
        if counts:
            console.print(f"{what} by kind: " + ", ".join(f"{k} {v}" for k, v in counts.items()), markup=False,
                          highlight=False)
    cov = st["role_coverage_2015_today"]
    posts = [k for k in next(iter(cov.values())) if k != "people"]
    for group, codes in st["coverage_groups"].items():
        t = Table(title=f"share of 2015-01-01..today covered by role spells: {group}")
        t.add_column("country")
        t.add_column("people", justify="right")
        for post in posts:
            t.add_column(post, justify="right")
        for code in codes:
            row = cov[code]
            t.add_row(code, str(row["people"]), *(f"{row[post]:.0%}" if row[post] else "-" for post in posts))
        console.print(t)


@kb_app.command()
@handles_errors
def lookup(name: str = typer.Argument(..., help="a name as it may appear in an article, or an actor code "
                                               "(IRQGOV, ---REB, SDNREBRSF)"),
           date: Optional[str] = typer.Option(None, "--date", help="resolve people to the post held on YYYY-MM-DD"),
           data_dir: Optional[Path] = DATA_DIR_OPT,
           as_json: bool = typer.Option(False, "--json", help="print JSON instead of a table")) -> None:
    """What NAME resolves to and why: record, file:line, code, coordinates, the post held on --date. An actor code
    (SDNREBRSF) is decoded into its country, sectors and organization, each named in English and Arabic."""
    from ..kb import load_kb
    from ..kb.codes import decode, looks_like_code
    from ..kb.lookup import composed_code, segments
    from ..kb.lookup import lookup as run

    if not name.strip():
        raise InputError("NAME is empty: give a name to look up")
    on = parse_date(date)
    kb = load_kb(_dir(data_dir))
    decoded = decode(name.strip(), kb) if looks_like_code(name.strip()) else None
    if decoded is not None and not any(p.name for p in decoded.parts):
        decoded = None
    found = run(kb, name, on)
    segs = [] if found or decoded else segments(kb, name, on)
    if as_json:
        out = {"query": name, "date": on.isoformat() if on else None,
               "code": decoded.to_dict() if decoded else None, "candidates": [c.to_dict() for c in found],
               "segments": [{"text": s.text, "candidates": [c.to_dict() for c in s.candidates]} for s in segs],
               "composed_code": composed_code(segs) if segs else None}
        console.print_json(json.dumps(out, ensure_ascii=False, default=str))
        return
    if decoded is not None:
        _print_code(decoded)
        if not found:
            if not decoded.known:
                raise typer.Exit(1)
            return
    if not found:
        if not segs:
            console.print(f"{name!r}: no entity or role of the KB has this name", markup=False, highlight=False)
            raise typer.Exit(1)
        console.print(f"{name!r} is no single KB name; it contains:", markup=False, highlight=False)
        for seg in segs:
            best = seg.candidates[0]
            console.print(f"  {seg.text!r} -> {best.entry.target} ({best.entry.kind}"
                          f"{', needs context' if best.entry.needs_context else ''})", markup=False, highlight=False)
        code = composed_code(segs)
        if code:
            console.print(f"  together: actor code {code} (role sector + the country of the nisba/name)",
                          markup=False, highlight=False)
        return
    console.print(f"{name} -> {len(found)} candidate(s)" + (f" on {on}" if on else ""), markup=False,
                  highlight=False)
    for i, c in enumerate(found, 1):
        t = Table(show_header=False, title=f"{i}. {c.entry.target}", title_justify="left")
        t.add_column("field", style="bold")
        t.add_column("value", overflow="fold")
        code = c.code
        if c.spell is not None and c.spell.country:
            code = f"{c.spell.country}{''.join(c.spell.sectors[:1])}"
        rows = [("name", f"{c.name} / {c.name_ar or '-'}"), ("kind", f"{c.kind} (matched as {c.entry.kind})"),
                ("code", code or "-"), ("country", c.country or "-"), ("sectors", " ".join(c.sectors) or "-"),
                ("coordinates", f"{c.lat}, {c.lon}" if c.lat is not None else "-"),
                ("record", f"{c.file}:{c.line}"), ("why", c.why)]
        if c.stripped:
            rows.append(("note", f"found after removing the proclitic {c.stripped!r}"))
        for k, v in rows:
            t.add_row(k, v)
        console.print(t)


def _print_code(decoded) -> None:
    t = Table(title=f"actor code {decoded.code}: {decoded.name} / {decoded.name_ar}", title_justify="left")
    for col in ("part", "kind", "name", "name (ar)", "record"):
        t.add_column(col)
    for p in decoded.parts:
        t.add_row(p.code, p.kind, p.name or "?", p.name_ar or "?", p.entity or "-")
    console.print(t)
    if not decoded.known:
        console.print("parts marked ? are no country, sector or organization code of the KB", markup=False,
                      highlight=False)


@kb_app.command()
@handles_errors
def suggest(db: str = typer.Option(..., "--db", help="DuckDB file of a store ingested with --ner"),
            min_docs: int = typer.Option(2, "--min-docs", help="only names found in at least this many documents"),
            limit: Optional[int] = typer.Option(None, "--limit", help="at most this many drafts (most frequent)"),
            kind: Optional[str] = typer.Option(None, "--kind", help="only person, organization or place"),
            examples: int = typer.Option(3, "--examples", help="example sentences per draft (doc id, snippet)"),
            out: Optional[Path] = typer.Option(None, "--out", "-o", help="write the drafts here (default: stdout)"),
            data_dir: Optional[Path] = DATA_DIR_OPT) -> None:
    """Draft KB records for the names the KB does not know, most frequent first: one JSON line each, in the schema
    of people/organizations/places.jsonl, marked "needs_review" with example sentences. Never writes into the KB;
    names the KB resolves by now are left out."""
    from ..kb import load_kb
    from ..kb.loader import DATA_DIR
    from ..kb.lookup import lookup as run
    from ..kb.suggest import drafts
    from ..store import Store

    if not Path(db).is_file():
        raise InputError(f"--db {db}: no such store; ingest with `marsad ingest PATH --db {db} --ner` first")
    if min_docs < 1:
        raise InputError(f"--min-docs must be at least 1, not {min_docs}")
    if not 0 <= examples <= 20:
        raise InputError(f"--examples must be between 0 and 20, not {examples}")
    kb_dir = (_dir(data_dir) or DATA_DIR).resolve()
    if out is not None:
        target = out.resolve()
        if target.is_relative_to(kb_dir) or target.is_relative_to(DATA_DIR.resolve()):
            raise InputError(f"--out {out} is inside the knowledge base ({kb_dir}): write the drafts elsewhere "
                             "and review them before adding any")
        if not target.parent.is_dir():
            raise InputError(f"cannot write {out}: directory {out.parent} does not exist")
    with Store(db, read_only=True) as store:
        rows = store.unlinked(limit=None, min_docs=min_docs, kind=kind)
        kb = load_kb(_dir(data_dir))
        unknown = [r for r in rows if not run(kb, r["name"])]  # a name may have been added since the ingest
        known, rows = len(rows) - len(unknown), unknown
        if limit is not None:
            if limit < 1:
                raise InputError(f"--limit must be at least 1, not {limit}")
            rows = rows[:limit]
        details = store.unlinked_details([r["id"] for r in rows], examples=examples)
    lines = "".join(json.dumps(rec, ensure_ascii=False) + "\n" for rec in drafts(rows, details))
    if known:
        typer.echo(f"left out {known} name(s) the KB resolves now (see `marsad kb lookup NAME`)", err=True)
    if out is None:
        typer.echo(lines, nl=False)
        return
    out.write_text(lines, encoding="utf-8")
    typer.echo(f"wrote {out}: {len(rows)} draft(s) to review (needs_review: true); none is in the KB yet", err=True)
