"""Store commands: ingest, events, demo, query, export, stats (dyads, actors, network), plot.

Each command is a few lines over the library (``marsad.ingest``, ``marsad.store``, ``marsad.export``,
``marsad.analytics``); errors become one line on stderr and an exit code (``handles_errors``).
"""
from __future__ import annotations

import csv
import io
import json
import math
import sys
from importlib import resources
from pathlib import Path
from typing import Any, Optional

import typer
from rich import box
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..errors import InputError
from . import app
from .common import console, err_console, handles_errors, parse_date

DB_HELP = "DuckDB file of the store."
stats_app = typer.Typer(help="Analytics over the store: dyads over time, actors, the actor network.",
                        no_args_is_help=False, invoke_without_command=True)
plot_app = typer.Typer(help="Charts (PNG) from the store.", no_args_is_help=True)
app.add_typer(stats_app, name="stats")
app.add_typer(plot_app, name="plot")


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, default=str)


def _finite(value: Any) -> Any:
    """A float that JSON cannot carry (inf, nan: ``SELECT 1e308 * 10``) becomes null; other values are kept."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _check_choice(value: str, option: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise InputError(f"{option} {value!r} is not one of {', '.join(choices)}")
    return value


MIN_CONFIDENCE_HELP = "Only events whose confidence is at least this (0-1), e.g. 0.7."


def _min_confidence(value: str | None) -> float | None:
    """--min-confidence as given (a string, so that a bad value is our one line, not typer's usage box)."""
    from ..store.queries import parse_min_confidence

    return parse_min_confidence(value, "--min-confidence")


def _print_rows(rows: list[dict[str, Any]], fmt: str, title: str | None = None,
                columns: list[str] | None = None, no_wrap: set[str] = frozenset(),
                min_width: dict[str, int] | None = None) -> None:
    """Rows as a rich table, a JSON array, or CSV with a header, on stdout."""
    cols = columns or (list(rows[0]) if rows else [])
    if fmt == "json":
        rows = [{k: _finite(v) for k, v in r.items()} for r in rows]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, default=str, indent=1, allow_nan=False) + "\n")
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(cols)
        for r in rows:
            writer.writerow(["" if r.get(c) is None else (_dumps(r[c]) if isinstance(r[c], (list, dict)) else r[c])
                             for c in cols])
        sys.stdout.write(buf.getvalue())
    else:
        table = Table(title=title, box=box.SIMPLE_HEAD, pad_edge=False)
        for c in cols:
            table.add_column(c, overflow="fold", no_wrap=c in no_wrap, min_width=(min_width or {}).get(c))
        for r in rows:
            table.add_row(*["" if r.get(c) is None else str(r[c]) for c in cols])
        console.print(table)


# -- ingest ---------------------------------------------------------------------------------------------------------
def _run_ingest(paths: list[str], db: str, *, fmt: str = "auto", workers: int = 1, batch: int = 200,
                fields: list[str] | None = None, threshold: float = 0.8, restart: bool = False,
                verbose: bool = False, quiet: bool = False, ner: bool = False, small_memos: bool = False):
    from ..ingest import IngestOptions, ingest, parse_fields
    from ..store import Store
    from ..store.serving import find as find_server

    from ..ingest.readers import FORMATS, expand

    opts = IngestOptions(fmt=fmt, fields=parse_fields(fields), workers=workers, batch=batch,
                         near_dup_threshold=None if threshold == 0 else threshold, restart=restart,
                         ner=ner, small_memos=small_memos).validated()
    _check_choice(fmt, "--format", FORMATS)
    expand(paths)  # a missing path fails here, before the database is created or a progress bar drawn
    server = find_server(db)
    if server is not None:  # marsad serve holds the file: write through it (ingest/remote.py)
        import os

        from ..ingest import IngestReport
        from ..ingest.remote import ingest_remote

        err_console.print(f"marsad: a server holds {db}: sending the documents to {server.url}/v1/documents",
                          markup=False, highlight=False)
        return ingest_remote(paths, server, os.environ.get("MARSAD_TOKEN"), opts, IngestReport())
    with Store(db) as store:
        progress = Progress(SpinnerColumn(), TextColumn("[bold]ingest[/bold]"),
                            TextColumn("{task.fields[docs]:>8,} docs"), TextColumn("{task.fields[rate]:>7.1f} docs/s"),
                            TextColumn("{task.fields[events]:>8,} events"), TextColumn("{task.fields[skipped]:,} skipped"),
                            TimeElapsedColumn(), console=err_console, transient=False, disable=quiet)
        with progress:
            task = progress.add_task("ingest", total=None, docs=0, rate=0.0, events=0, skipped=0)

            def on_batch(rep) -> None:
                progress.update(task, docs=rep.read - rep.skipped, rate=rep.docs_per_s, events=rep.events,
                                skipped=rep.skipped)
                if verbose:
                    err_console.print(f"committed batch {rep.batches}: {rep.read + rep.resumed_from} items, "
                                      f"{rep.new} new, {rep.events} events", markup=False, highlight=False)

            report = ingest(paths, store, opts, on_batch=on_batch)
    return report


def _print_report(report, db: str) -> None:
    if report.already_done:
        console.print(f"nothing to do: these inputs were ingested into {db} before "
                      f"({report.resumed_from:,} items); use --restart to read them again", markup=False)
        return
    t = Table(title=f"ingest into {db}", show_header=True)
    t.add_column("read", justify="right")
    t.add_column("new", justify="right")
    t.add_column("duplicates", justify="right")
    t.add_column("near-duplicates", justify="right")
    t.add_column("already stored", justify="right")
    t.add_column("skipped", justify="right")
    t.add_column("events", justify="right")
    t.add_column("docs/s", justify="right")
    t.add_row(*[f"{v:,}" for v in (report.read, report.new, report.duplicates, report.near_duplicates,
                                    report.already, report.skipped, report.events)], f"{report.docs_per_s:,.1f}")
    console.print(t)
    if report.resumed_from:
        console.print(f"resumed after {report.resumed_from:,} items committed by an earlier run", markup=False)
    if report.skipped:
        s = Table(title="skipped records", show_header=True)
        s.add_column("reason")
        s.add_column("count", justify="right")
        s.add_column("example")
        examples = {}
        for where, reason in report.skip_examples:
            examples.setdefault(reason.split(":", 1)[0].split("(", 1)[0].strip()[:60], f"{where}: {reason}")
        for kind, n in report.skip_reasons.most_common():
            s.add_row(kind, f"{n:,}", examples.get(kind, ""))
        console.print(s)


@app.command("ingest")
@handles_errors
def ingest_cmd(
    paths: list[str] = typer.Argument(None, help="Files, directories (recursive), glob patterns, or - for stdin."),
    db: str = typer.Option("marsad.duckdb", "--db", help=DB_HELP),
    fmt: str = typer.Option("auto", "--format", "-f", help="auto, txt, jsonl, csv, html, rss (RSS/Atom), warc."),
    workers: int = typer.Option(1, "--workers", "-w", help="Coding processes (each loads the KB once)."),
    batch: int = typer.Option(200, "--batch", help="Items per transaction / checkpoint."),
    field: list[str] = typer.Option(None, "--field", help="Map a field to a column: text=body, date=published..."),
    threshold: float = typer.Option(0.8, "--near-dup-threshold",
                                    help="MinHash Jaccard for near-duplicates (0.5-1.0; 0 turns it off)."),
    from_parquet: Optional[str] = typer.Option(None, "--from-parquet",
                                               help="Load the Parquet tables written by `marsad spark code`."),
    restart: bool = typer.Option(False, "--restart", help="Read inputs again even if a checkpoint says done."),
    ner: bool = typer.Option(False, "--ner", help="Also find names the knowledge base does not know (Arabic; stored "
                             "as entities new:<kind>:<name>, listed by `marsad stats unlinked`). Documents already "
                             "stored are not coded again."),
    small_memos: bool = typer.Option(False, "--small-memos", help="Run the coder's memos with tenfold smaller bounds "
                                     "(less memory on long runs, 9-16% more coding CPU; ingest/memos.py)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="One line per committed batch on stderr."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Ingest news into the store: code each document, deduplicate, commit batch by batch (resumable)."""
    if from_parquet:
        from ..ingest.parquet import load_parquet
        from ..store import Store

        with Store(db) as store:
            res = load_parquet(from_parquet, store, near_dup_threshold=None if threshold == 0 else threshold)
        _print_rows([res], "table", title=f"loaded {from_parquet} into {db}")
        return
    if not paths:
        raise InputError("give at least one PATH to ingest (or - for standard input, or --from-parquet DIR)")
    try:
        report = _run_ingest(list(paths), db, fmt=fmt, workers=workers, batch=batch, fields=field,
                             threshold=threshold, restart=restart, verbose=verbose, quiet=quiet, ner=ner,
                             small_memos=small_memos)
    except KeyboardInterrupt:  # the library turns Ctrl-C inside a DuckDB statement into this too
        err_console.print("marsad: interrupted; every committed batch is kept: run the same command again to "
                          "resume", markup=False, highlight=False)
        raise typer.Exit(130) from None
    _print_report(report, db)


# -- events ---------------------------------------------------------------------------------------------------------
def _dyad_arg(dyad: str | None) -> tuple[str, str] | None:
    if not dyad:
        return None
    parts = [p.strip() for p in dyad.split(",")]
    if len(parts) != 2 or not all(parts):
        raise InputError(f"--dyad {dyad!r} must be two actor codes separated by a comma, e.g. USA,JPN")
    return parts[0], parts[1]


@app.command("events")
@handles_errors
def events_cmd(
    db: str = typer.Option("marsad.duckdb", "--db", help=DB_HELP),
    actor: Optional[str] = typer.Option(None, "--actor", help="Actor code or country, e.g. USA, JPNMIL, IGOUNO."),
    dyad: Optional[str] = typer.Option(None, "--dyad", help="SOURCE,TARGET, e.g. USA,JPN."),
    undirected: bool = typer.Option(False, "--undirected", help="--dyad in either direction."),
    type_: Optional[str] = typer.Option(None, "--type", help="PLOVER type, e.g. COOPERATE."),
    cameo: Optional[str] = typer.Option(None, "--cameo", help="CAMEO code prefix, e.g. 06 or 0311."),
    quad: Optional[int] = typer.Option(None, "--quad", help="QuadClass 1-4."),
    since: Optional[str] = typer.Option(None, "--since", help="From this date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Up to this date (YYYY-MM-DD)."),
    modality: Optional[str] = typer.Option(None, "--modality", help="asserted, negated, planned, ..."),
    text: Optional[str] = typer.Option(None, "--text", help="Words in the evidence sentence."),
    place: Optional[str] = typer.Option(None, "--place", help="Event location: a name or an ISO3 country code."),
    include_duplicates: bool = typer.Option(False, "--include-duplicates", help="Also events of duplicates."),
    background: str = typer.Option("exclude", "--background",
                                   help="Past acts recalled as context: exclude (default), include or only."),
    min_confidence: Optional[str] = typer.Option(None, "--min-confidence", help=MIN_CONFIDENCE_HELP),
    limit: int = typer.Option(50, "--limit", "-n", help="Events per page."),
    cursor: Optional[str] = typer.Option(None, "--cursor", help="Continue after a previous page."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json or csv."),
) -> None:
    """List stored events, newest first, with filters (background events, recalled as context, only if asked)."""
    from ..store import EventFilter, Store
    from ..store.queries import BACKGROUND

    _check_choice(fmt, "--format", ("table", "json", "csv"))
    _check_choice(background, "--background", BACKGROUND)
    bar = _min_confidence(min_confidence)
    flt = EventFilter(actor=actor, dyad=_dyad_arg(dyad), undirected=undirected, type=type_, cameo=cameo,
                      quad_class=quad, since=parse_date(since, "--since"), until=parse_date(until, "--until"),
                      modality=modality, text=text, place=place, include_duplicates=include_duplicates,
                      background=background, min_confidence=bar)
    with Store(db, read_only=True) as store:
        page = store.events(flt, limit=limit, cursor=cursor)
    if fmt == "json":
        sys.stdout.write(json.dumps(page.to_dict(), ensure_ascii=False, default=str, indent=1) + "\n")
        return
    rows = [{"id": e["id"], "date": e["date"], "type": e["type"] or f"CAMEO {e['cameo']}", "mode": e["mode"],
             "cameo": e["cameo"], "quad": e["quad_class"], "goldstein": e["goldstein"],
             "source": ";".join(a["code"] for a in e["source"]), "target": ";".join(a["code"] for a in e["target"]),
             "modality": e["modality"], "location": (e["location"] or {}).get("name"),
             "evidence": e["evidence"]["text"] if fmt == "csv" else _short(e["evidence"]["text"]),
             "url": e["url"], "background": e["background"]} for e in page.items]
    cols = ["id", "date", "type", "mode", "cameo", "quad", "goldstein", "source", "target", "modality", "location",
            "evidence", "url", "background"]
    if fmt == "table":
        for r in rows:  # the short id (8 hex of the document + event) keeps the table readable in 80 columns
            doc, _, local = r["id"].partition(":")
            r["id"] = f"{doc[:8]}:{local}"
        for r, e in zip(rows, page.items):
            r["trigger"] = _short(e["trigger"]["text"], 24)
            r["gs"] = r["goldstein"]
        cols = ["id", "date", "type", "gs", "source", "target", "modality", "trigger"]
        what = "background events" if background == "only" else "events"
        if background == "include":  # mark the past acts recalled as context (before trigger, which may be cut)
            for r in rows:
                r["bg"] = "yes" if r["background"] else ""
            cols.insert(cols.index("type") + 1, "bg")
            what = "events, bg = recalled as context"
        if bar is not None:
            what += f", confidence >= {bar:g}"
        _print_rows(rows, "table", title=f"{len(rows)} of {page.total:,} {what} (--format json for evidence)",
                    columns=cols, no_wrap={"id", "date", "type", "bg", "gs", "modality"},
                    min_width={"source": 6, "target": 6, "trigger": 8})
        if page.next_cursor:
            console.print(f"more: --cursor {page.next_cursor}", markup=False)
    else:
        _print_rows(rows, "csv", columns=cols)


def _short(text: str | None, n: int = 90) -> str:
    t = " ".join((text or "").split())
    return t if len(t) <= n else t[: n - 1] + "\u2026"


# -- demo -----------------------------------------------------------------------------------------------------------
def demo_corpus() -> Path:
    ref = resources.files("marsad") / "demo" / "articles.jsonl"
    path = Path(str(ref))
    if not path.is_file():
        raise InputError(f"the demo corpus is missing from the package ({path}): reinstall marsad")
    return path


@app.command("demo")
@handles_errors
def demo_cmd(
    db: str = typer.Option("marsad.duckdb", "--db", help=DB_HELP),
    top: int = typer.Option(8, "--top", help="How many dyads and actors to list."),
) -> None:
    """Ingest the shipped demo corpus and print what it holds: counts by type, top dyads, top actors."""
    from ..store import Store
    from ..store.queries import row_limit

    row_limit(top, "--top")  # refused before the ingest, not after it
    corpus = demo_corpus()
    report = _run_ingest([str(corpus)], db)
    _print_report(report, db)
    with Store(db, read_only=True) as store:
        summary = store.summary(top=top)
    print_summary(summary, corpus)


def print_summary(summary: dict[str, Any], corpus: Path | None = None) -> None:
    if corpus is not None:
        console.print(f"demo corpus: {corpus}", markup=False)
    console.print(f"database:    {Path(summary['db']).resolve()}", markup=False)
    console.print(f"documents:   {summary['documents']:,} ({summary['duplicates']} duplicates, "
                  f"{summary['near_duplicates']} near-duplicates)   events: {summary['events']:,}   "
                  f"skipped: {summary['skipped']:,}", markup=False)
    _print_rows([{"type": k, "events": v} for k, v in summary["by_type"].items()], "table",
                title="events by type (canonical)")
    _print_rows([{"source": d["source"], "target": d["target"], "events": d["events"],
                  "goldstein": d["goldstein_mean"], "coop": d["q1"] + d["q2"], "conflict": d["q3"] + d["q4"]}
                 for d in summary["top_dyads"]], "table", title="top dyads")
    _print_rows([{"actor": a["actor"], "events": a["events"], "as source": a["as_source"],
                  "as target": a["as_target"], "goldstein": a["goldstein_mean"], "as written": a["example_text"]}
                 for a in summary["top_actors"]], "table", title="top actors")


# -- query ----------------------------------------------------------------------------------------------------------
@app.command("query")
@handles_errors
def query_cmd(
    sql: str = typer.Argument(..., help="One SQL statement (read-only: the database is opened read-only)."),
    db: str = typer.Option("marsad.duckdb", "--db", help=DB_HELP),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json or csv."),
    limit: int = typer.Option(1000, "--limit", help="At most this many rows are printed."),
) -> None:
    """Run SQL on the store, read-only: writes are refused, and so is any access to other files."""
    import duckdb

    from ..store import Store

    _check_choice(fmt, "--format", ("table", "json", "csv"))
    if limit < 0:
        raise InputError(f"--limit {limit} must be 0 or more (rows printed)")
    with Store(db, read_only=True) as store:
        store.lock_down()  # read-only refuses writes to the database; this refuses writes (and reads) elsewhere
        try:
            cur = store.con.execute(sql)
            names = [d[0] for d in cur.description] if cur.description else []
            rows = [dict(zip(names, r)) for r in cur.fetchmany(limit)] if names else []
        except duckdb.Error as exc:
            msg = " ".join(str(exc).split())
            raise InputError(f"query failed: {msg[:300]}") from None
    _print_rows(rows, fmt, columns=names)


# -- export ---------------------------------------------------------------------------------------------------------
EXPORTS = ("gdelt", "gdelt-clusters", "plover", "parquet", "csv")


@app.command("export")
@handles_errors
def export_cmd(
    kind: str = typer.Argument(..., help="gdelt (2.0 events TSV), gdelt-clusters (one row per act, with "
                               "NumMentions/NumSources/NumArticles), plover (JSON lines), parquet or csv "
                               "(directories)."),
    db: str = typer.Option("marsad.duckdb", "--db", help=DB_HELP),
    out: str = typer.Option(..., "--out", "-o", help="Output file (gdelt, plover) or directory (parquet, csv)."),
    modality: list[str] = typer.Option(None, "--modality",
                                       help="Only these modalities (gdelt default: asserted, reported)."),
    all_modalities: bool = typer.Option(False, "--all-modalities", help="Every modality, also for gdelt."),
    include_duplicates: bool = typer.Option(False, "--include-duplicates",
                                            help="parquet/csv: also rows of duplicate documents."),
    header: bool = typer.Option(False, "--header", help="gdelt: write a header row (GDELT files have none)."),
    force: bool = typer.Option(False, "--force", help="Replace existing output files (never the store)."),
    since: Optional[str] = typer.Option(None, "--since", help="Only events of documents dated on or after "
                                                              "YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, "--until", help="Only events of documents dated on or before "
                                                              "YYYY-MM-DD."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Only events with this actor (code, code prefix or "
                                                              "country, source or target: SDN, SDNREBRSF; or a "
                                                              "name the KB knows: إيران, Iraq)."),
    event_type: list[str] = typer.Option(None, "--type", help="Only events of this PLOVER type (repeatable)."),
) -> None:
    """Export the store for other tools: written whole under a temporary name, then renamed (never the store).
    --since/--until/--actor/--type keep the selected events (and, in parquet/csv, their documents)."""
    from ..export import files, gdelt, plover
    from ..export.select import Selection
    from ..store import Store
    from ..evaluate.gold import PLOVER_TYPES
    from ..store.queries import MODALITIES

    _check_choice(kind, "export kind", EXPORTS)
    for m in modality or []:
        _check_choice(m, "--modality", MODALITIES)
    types = tuple(t.upper() for t in event_type or [])
    for t in types:
        _check_choice(t, "--type", tuple(sorted(PLOVER_TYPES)))
    if actor is not None:
        from ..store.queries import resolve_actor

        actor = resolve_actor(actor, "--actor")  # a code as given; a name the KB knows (إيران) -> its code
    selection = Selection(since=parse_date(since, "--since"), until=parse_date(until, "--until"), actor=actor,
                          types=types)
    out_path = Path(out)
    if kind in ("gdelt", "gdelt-clusters", "plover") and out_path.is_dir():
        raise InputError(f"{out} is a directory: give a file name for the {kind} export")
    if not out_path.parent.exists():
        raise InputError(f"cannot write {out}: directory {out_path.parent} does not exist")
    mods = None if all_modalities else (list(modality) if modality else None)
    with Store(db, read_only=True) as store:
        if kind == "gdelt":
            chosen = mods if (mods or all_modalities) else list(gdelt.DEFAULT_MODALITIES)
            counts = {"events": gdelt.export_gdelt(store, out, modalities=chosen, header=header,
                                                         force=force, selection=selection)}
        elif kind == "gdelt-clusters":
            from ..export.gdelt_clusters import export_gdelt_clusters

            counts = {"clusters": export_gdelt_clusters(store, out, all_modalities=all_modalities, header=header,
                                                        force=force, selection=selection)}
        elif kind == "plover":
            counts = {"events": plover.export_plover(store, out, modalities=mods, force=force, selection=selection)}
        elif kind == "parquet":
            counts = files.export_parquet(store, out, include_duplicates=include_duplicates, force=force,
                                          selection=selection)
        else:
            counts = files.export_csv(store, out, include_duplicates=include_duplicates, force=force,
                                      selection=selection)
    console.print(f"wrote {out}: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()), markup=False)


# -- stats ----------------------------------------------------------------------------------------------------------
COUNT_HELP = ("clusters (default: one count per act, however many articles told it; `marsad cluster`) or mentions "
              "(every telling).")

def _mods(modality: list[str] | None) -> list[str] | None:
    return list(modality) if modality else None


@stats_app.callback()
@handles_errors
def stats_main(ctx: typer.Context,
               db: str = typer.Option("marsad.duckdb", "--db", help=DB_HELP),
               fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
               min_confidence: Optional[str] = typer.Option(None, "--min-confidence",
                                                            help="Count only events whose confidence is at least "
                                                                 "this (0-1).")) -> None:
    """Without a subcommand: counts of documents, duplicates, events by type, modality and QuadClass."""
    if ctx.invoked_subcommand is not None:
        return
    from ..store import Store

    _check_choice(fmt, "--format", ("table", "json"))
    bar = _min_confidence(min_confidence)
    with Store(db, read_only=True) as store:
        st = store.stats(min_confidence=bar)
    if fmt == "json":
        sys.stdout.write(json.dumps(st, ensure_ascii=False, default=str, indent=1) + "\n")
        return
    flat = [{"measure": k, "value": v} for k, v in st.items() if not isinstance(v, dict)]
    _print_rows(flat, "table", title="store")
    for key in ("by_type", "by_modality", "by_quad_class", "by_lang"):
        _print_rows([{key[3:]: k, "count": v} for k, v in st[key].items()], "table", title=key.replace("_", " "))
    if st.get("unlinked_names"):  # names the KB does not know (ingest --ner): the few most frequent
        with Store(db, read_only=True) as store:
            rows = store.unlinked(limit=UNLINKED_IN_SUMMARY)
        _print_unlinked(rows, "table", title=f"names the KB does not know: top {len(rows)} of "
                                             f"{st['unlinked_names']:,} (marsad stats unlinked)")


UNLINKED_IN_SUMMARY = 5
UNLINKED_COLUMNS = ["name", "kind", "sector", "docs", "mentions", "events", "first", "last", "id"]


def _print_unlinked(rows: list[dict[str, Any]], fmt: str, title: str) -> None:
    """Unlinked names as a table (narrow enough for 80 columns: "org" for organization, no id), JSON or CSV (with
    the id ``new:<kind>:<normalized name>``)."""
    if fmt == "table":
        rows = [{**r, "kind": "org" if r["kind"] == "organization" else r["kind"], "sector": r["sector"] or "-"}
                for r in rows]
        _print_rows(rows, "table", title=title, columns=UNLINKED_COLUMNS[:-1],
                    no_wrap={"kind", "sector", "docs", "mentions", "events", "first", "last"})
    else:
        _print_rows(rows, fmt, columns=["id"] + UNLINKED_COLUMNS[:-1])


@stats_app.command("unlinked")
@handles_errors
def stats_unlinked(
    db: str = typer.Option("marsad.duckdb", "--db", help=DB_HELP),
    limit: int = typer.Option(20, "--limit", "-n", help="At most this many names (the most frequent)."),
    min_docs: int = typer.Option(1, "--min-docs", help="Only names found in at least this many documents."),
    kind: Optional[str] = typer.Option(None, "--kind", help="person, organization or place."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json or csv."),
) -> None:
    """The most frequent names the KB does not know (found by `ingest --ner`): documents, mentions, events, first
    and last date, an organization's sector. `marsad kb suggest` drafts KB records for them."""
    from ..store import Store

    _check_choice(fmt, "--format", ("table", "json", "csv"))
    with Store(db, read_only=True) as store:
        rows = store.unlinked(limit=limit, min_docs=min_docs, kind=kind)
        total = store.unlinked_count(min_docs=min_docs, kind=kind)
    if fmt == "table" and not rows:
        console.print(f"no unlinked names in {db} with these options (`marsad ingest --ner` stores them)",
                      markup=False)
        return
    _print_unlinked(rows, fmt, title=f"names the KB does not know: top {len(rows)} of {total:,}")


@stats_app.command("dyads")
@handles_errors
def stats_dyads(
    db: str = typer.Option("marsad.duckdb", "--db", help=DB_HELP),
    by: str = typer.Option("month", "--by", help="day, week, month, quarter, year, or all."),
    level: str = typer.Option("country", "--level", help="country (USAGOV counts as USA) or code."),
    modality: list[str] = typer.Option(None, "--modality", help="Only these modalities (default: all but negated)."),
    min_confidence: Optional[str] = typer.Option(None, "--min-confidence", help=MIN_CONFIDENCE_HELP),
    count: str = typer.Option("clusters", "--count", help=COUNT_HELP),
    limit: Optional[int] = typer.Option(None, "--limit", help="At most this many rows."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json or csv."),
) -> None:
    """Events per dyad (source -> target) and period: count, mean Goldstein, QuadClass mix (duplicates once)."""
    from ..store import Store
    from ..store.queries import row_limit

    _check_choice(fmt, "--format", ("table", "json", "csv"))
    bar = _min_confidence(min_confidence)
    row_limit(limit, "--limit")
    with Store(db, read_only=True) as store:
        rows = store.dyads(by=None if by == "all" else by, level=level, modalities=_mods(modality), limit=limit,
                           min_confidence=bar, count=count)
    if by == "all":
        for r in rows:
            r.pop("period", None)
    _print_rows(rows, fmt, title=f"dyads by {by}")


@stats_app.command("actors")
@handles_errors
def stats_actors(
    db: str = typer.Option("marsad.duckdb", "--db", help=DB_HELP),
    level: str = typer.Option("country", "--level", help="country or code."),
    modality: list[str] = typer.Option(None, "--modality", help="Only these modalities (default: all but negated)."),
    min_confidence: Optional[str] = typer.Option(None, "--min-confidence", help=MIN_CONFIDENCE_HELP),
    count: str = typer.Option("clusters", "--count", help=COUNT_HELP),
    limit: Optional[int] = typer.Option(None, "--limit", help="At most this many rows."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json or csv."),
) -> None:
    """Actors by number of events, as source and as target, with mean Goldstein and first/last date."""
    from ..store import Store
    from ..store.queries import row_limit

    _check_choice(fmt, "--format", ("table", "json", "csv"))
    bar = _min_confidence(min_confidence)
    row_limit(limit, "--limit")
    with Store(db, read_only=True) as store:
        rows = store.actors(level=level, modalities=_mods(modality), limit=limit, min_confidence=bar, count=count)
    _print_rows(rows, fmt, title="actors")


@stats_app.command("network")
@handles_errors
def stats_network(
    db: str = typer.Option("marsad.duckdb", "--db", help=DB_HELP),
    level: str = typer.Option("country", "--level", help="country or code."),
    modality: list[str] = typer.Option(None, "--modality", help="Only these modalities (default: all but negated)."),
    min_confidence: Optional[str] = typer.Option(None, "--min-confidence", help=MIN_CONFIDENCE_HELP),
    count: str = typer.Option("clusters", "--count", help=COUNT_HELP),
    fmt: str = typer.Option("json", "--format", "-f", help="json or gexf."),
    out: Optional[str] = typer.Option(None, "--out", "-o", help="Write to this file (gexf needs it)."),
) -> None:
    """The weighted actor graph: nodes = actors, edges = source -> target with events, Goldstein, coop/conflict."""
    from ..analytics.network import write_gexf
    from ..store import Store

    _check_choice(fmt, "--format", ("json", "gexf"))
    if fmt == "gexf" and not out:
        raise InputError("--format gexf needs --out FILE.gexf")
    bar = _min_confidence(min_confidence)
    with Store(db, read_only=True) as store:
        net = store.network(level=level, modalities=_mods(modality), min_confidence=bar, count=count)
    if fmt == "gexf":
        write_gexf(net, out)  # type: ignore[arg-type]
        console.print(f"wrote {out}: {len(net['nodes'])} nodes, {len(net['edges'])} edges", markup=False)
    elif out:
        Path(out).write_text(json.dumps(net, ensure_ascii=False, default=str, indent=1) + "\n", encoding="utf-8")
        console.print(f"wrote {out}: {len(net['nodes'])} nodes, {len(net['edges'])} edges", markup=False)
    else:
        sys.stdout.write(json.dumps(net, ensure_ascii=False, default=str, indent=1) + "\n")


# -- plot -----------------------------------------------------------------------------------------------------------
@plot_app.command("dyad")
@handles_errors
def plot_dyad_cmd(
    a: str = typer.Argument(..., help="First actor, e.g. USA."),
    b: str = typer.Argument(..., help="Second actor, e.g. JPN."),
    db: str = typer.Option("marsad.duckdb", "--db", help=DB_HELP),
    out: str = typer.Option("dyad.png", "--out", "-o", help="PNG file to write."),
    by: str = typer.Option("month", "--by", help="day, week, month, quarter or year."),
    level: str = typer.Option("country", "--level", help="country or code."),
    modality: list[str] = typer.Option(None, "--modality", help="Only these modalities (default: all but negated)."),
    min_confidence: Optional[str] = typer.Option(None, "--min-confidence", help=MIN_CONFIDENCE_HELP),
) -> None:
    """PNG chart of cooperation vs conflict between two actors over time (both directions)."""
    from ..analytics.plot import plot_dyad
    from ..store import Store

    from ..export.output import check_target

    if not Path(out).parent.exists():
        raise InputError(f"cannot write {out}: directory {Path(out).parent} does not exist")
    check_target(out, store_path=db, force=True)  # a chart may replace a chart, never the store
    bar = _min_confidence(min_confidence)
    with Store(db, read_only=True) as store:
        series = plot_dyad(store, a, b, out, by=by, level=level, modalities=_mods(modality), min_confidence=bar)
    console.print(f"wrote {out}: {len(series)} periods, {sum(s['events'] for s in series):,} events", markup=False)

