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
def lookup(name: str = typer.Argument(..., help="a name as it may appear in an article"),
           date: Optional[str] = typer.Option(None, "--date", help="resolve people to the post held on YYYY-MM-DD"),
           data_dir: Optional[Path] = DATA_DIR_OPT,
           as_json: bool = typer.Option(False, "--json", help="print JSON instead of a table")) -> None:
    """What NAME resolves to and why: record, file:line, code, coordinates, the post held on --date."""
    from ..kb import load_kb
    from ..kb.lookup import composed_code, segments
    from ..kb.lookup import lookup as run

    if not name.strip():
        raise InputError("NAME is empty: give a name to look up")
    on = parse_date(date)
    kb = load_kb(_dir(data_dir))
    found = run(kb, name, on)
    segs = [] if found else segments(kb, name, on)
    if as_json:
        out = {"query": name, "date": on.isoformat() if on else None, "candidates": [c.to_dict() for c in found],
               "segments": [{"text": s.text, "candidates": [c.to_dict() for c in s.candidates]} for s in segs],
               "composed_code": composed_code(segs) if segs else None}
        console.print_json(json.dumps(out, ensure_ascii=False, default=str))
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
