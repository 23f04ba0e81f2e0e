"""`marsad eval` (gold set, GSR, CI floor) and `marsad bench` (speed report): thin wrappers over
marsad.evaluate and marsad.bench."""
from __future__ import annotations

import contextlib
import functools
import json
import sys
from pathlib import Path
from typing import Any, Callable, Iterator, List, Optional

import typer

from ..errors import InputError
from . import app
from .common import console, err_console, handles_errors, stdout_write

SPLITS = ("dev", "test")


@contextlib.contextmanager
def _progress(label: str, total: int | None = None) -> Iterator[Callable[..., Any]]:
    """The pipeline's ``code`` wrapped to advance a transient progress line on a terminal (silent otherwise)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn  # noqa: PLC0415

    from ..pipeline import code  # noqa: PLC0415

    with Progress(SpinnerColumn(), TextColumn(label), BarColumn(), MofNCompleteColumn(), console=err_console,
                  transient=True, disable=not err_console.is_terminal) as bar:
        task = bar.add_task(label, total=total)

        def coder(*args: Any, **kwargs: Any) -> Any:
            try:
                return code(*args, **kwargs)
            finally:
                bar.advance(task)

        yield coder


def _write_json(data: dict[str, Any], out: str) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if out == "-":
        sys.stdout.write(text + "\n")
    else:
        try:
            Path(out).write_text(text + "\n", encoding="utf-8")
        except OSError as exc:
            raise InputError(f"--json {out}: cannot write ({exc.strerror})") from None
        err_console.print(f"wrote {out}", highlight=False)


def _read_report(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"--compare {path}: file does not exist") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"--compare {path}: not a JSON report ({exc})") from None
    if not isinstance(data, dict) or "headline" not in data:
        raise InputError(f"--compare {path}: not a report written by `marsad eval --json`")
    return data


def _gold_docs(gold: list[Path] | None, split: str | None, strict: bool = True):
    from ..evaluate import default_gold_files, kb_codes, load_gold, validate_gold  # noqa: PLC0415

    files = list(gold or []) or default_gold_files()
    if not files:
        raise InputError("no gold files given and eval/gold/*.jsonl not found; pass GOLD.jsonl paths")
    docs = load_gold(files, split=split)
    if not docs:
        raise InputError(f"no gold documents{f' of split {split!r}' if split else ''} in {', '.join(map(str, files))}")
    problems = validate_gold(docs, kb_codes())
    span_problems = [p for p in problems if p.kind != "code"]  # unknown codes: the KB may lag the gold set
    if span_problems and strict:
        for p in span_problems[:20]:
            err_console.print(str(p), markup=False, highlight=False)
        raise InputError(f"{len(span_problems)} problems in the gold files (run `marsad eval --validate`)")
    code_problems = len(problems) - len(span_problems)
    if code_problems:
        err_console.print(f"warning: {code_problems} gold actor codes are not in the KB "
                          "(`marsad eval --validate` lists them)", highlight=False)
    return files, docs


@app.command("eval")
@handles_errors
def eval_cmd(
    gold: Optional[List[Path]] = typer.Argument(None, metavar="GOLD.jsonl... | GSR_DIR", help="Gold JSONL files (default eval/gold/dev.jsonl and "
                                                "test.jsonl); with --gsr: the GSR directory."),
    split: Optional[str] = typer.Option(None, "--split", help="Score only this split: dev or test."),
    json_out: Optional[str] = typer.Option(None, "--json", help="Write the full report as JSON to this file "
                                           "('-' = stdout, no tables)."),
    diff: bool = typer.Option(False, "--diff", help="List every missed / spurious event and mention, and every "
                              "wrong field, with its sentence (with --gsr: missed and falsely detected sentences)."),
    diff_kind: Optional[List[str]] = typer.Option(None, "--diff-kind", help="Only these diff kinds: event-miss, "
                                                  "event-false-alarm, field, mention-miss, mention-false-alarm, "
                                                  "mention-code."),
    gsr: bool = typer.Option(False, "--gsr", help="Score the Arabic event GSR (ASSAULT/PROTEST) instead; DIR "
                             "defaults to $MARSAD_GSR_DIR or ../shared/data/arabic-event-gsr-dev."),
    real: bool = typer.Option(False, "--real", help="Score the real-text gold (eval/real: real newswire sentences "
                              "and articles, all 16 types; texts read from ../shared/data) instead."),
    ner: bool = typer.Option(False, "--ner", help="Score the Arabic NER and the KB-only baseline on ANERcorp "
                             "(../shared/data/anercorp; --split dev by default): entity P/R/F1 per class."),
    with_ner: bool = typer.Option(False, "--with-ner", help="With --real or --gsr: code with the NER layer on "
                                  "(code(..., ner=True), as `marsad code --ner`)."),
    unknown_actors: bool = typer.Option(False, "--unknown-actors", help="With --real: the gold events whose source "
                                        "or target the KB does not know, and how many are coded right KB-only and "
                                        "with NER (marsad.evaluate.unknown)."),
    newspapers: bool = typer.Option(False, "--newspapers", help="Event rates per newspaper section and on sports "
                                    "pages of the real SaudiNewsNet dev half (../shared/data; all 14,791 articles)."),
    limit: Optional[int] = typer.Option(None, "--limit", help="With --gsr: only the first N sentences per type; "
                                        "with --newspapers: only the first N articles."),
    pred: Optional[Path] = typer.Option(None, "--pred", help="Score saved coder output (JSON lines, output "
                                        "contract, doc_id = gold id) instead of running the coder."),
    validate: bool = typer.Option(False, "--validate", help="Only check the gold files (spans, enumerations, "
                                  "KB codes); exit 1 when a problem is found."),
    check_baseline: bool = typer.Option(False, "--check-baseline", help="Score the test split (+ GSR when "
                                        "present) and exit 1 if a figure is below eval/baseline.json."),
    update_baseline: bool = typer.Option(False, "--update-baseline", help="Score the test split (+ GSR) and "
                                         "raise eval/baseline.json where the figures went up."),
    force: bool = typer.Option(False, "--force", help="With --update-baseline: also lower figures."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Baseline file (default eval/baseline.json)."),
    no_gsr: bool = typer.Option(False, "--no-gsr", help="With --check/--update-baseline: skip the GSR figures."),
    markdown: bool = typer.Option(False, "--markdown", help="Print README-ready markdown tables instead of the "
                                  "terminal tables."),
    compare: Optional[Path] = typer.Option(None, "--compare", help="A report saved earlier with --json: show "
                                           "what went up or down since."),
    clusters: bool = typer.Option(False, "--clusters", help="Score the event clusters on the written cluster "
                                  "corpus (eval/clusters/articles.jsonl, or GOLD): B-cubed P/R/F1, acts wrongly "
                                  "merged, overall and per split (tune, test)."),
) -> None:
    """Precision/recall/F1 of the coder on the gold set (entities, linking, events, fields) or on the GSR."""
    from ..evaluate import (evaluate, load_baseline, predictions_from_file, score_gsr,  # noqa: PLC0415
                            validate_gold)
    from ..evaluate import kb_codes, load_gold  # noqa: PLC0415
    from ..evaluate.gsr import default_gsr_dir  # noqa: PLC0415
    from ..evaluate.report import (markdown_gold, markdown_gsr, render_diff, render_gold,  # noqa: PLC0415
                                   render_gsr, render_gsr_diff)

    if clusters:
        from ..evaluate.clusters import render as render_clusters, score_splits  # noqa: PLC0415

        scores = score_splits(gold[0] if gold else None)
        if json_out:
            _write_json({k: v.to_dict() for k, v in scores.items()}, json_out)
        if json_out != "-":
            stdout_write(render_clusters(scores))
        return
    if split is not None and split not in SPLITS:
        raise InputError(f"--split {split!r} is not dev or test")
    if limit is not None and limit < 1:
        raise InputError(f"--limit must be at least 1 (got {limit})")
    quiet = json_out == "-" or markdown
    if validate:
        from ..evaluate import default_gold_files  # noqa: PLC0415

        files = list(gold or []) or default_gold_files()
        docs = load_gold(files, split=split)
        problems = validate_gold(docs, kb_codes())
        for p in problems:
            console.print(str(p), markup=False, highlight=False)
        console.print(f"{len(docs)} gold documents in {len(files)} files, {sum(len(d.events) for d in docs)} "
                      f"events, {sum(len(d.entities) for d in docs)} mentions: {len(problems)} problems")
        if problems:
            raise typer.Exit(1)
        return
    if ner:
        from ..evaluate.ner import evaluate_ner, render_ner  # noqa: PLC0415

        data = evaluate_ner(split or "dev", gold[0] if gold else None, limit=limit)
        if not quiet:
            render_ner(data, console)
        if json_out:
            _write_json(data, json_out)
        return
    if newspapers:
        from ..evaluate.newspapers import newspaper_rates, render_newspapers  # noqa: PLC0415

        with _progress("coding newspaper articles", limit) as coder:
            data = newspaper_rates(gold[0] if gold else None, coder=coder, limit=limit)
        if not quiet:
            render_newspapers(data, console)
        if json_out:
            _write_json(data, json_out)
        return
    if real:
        from ..evaluate.real import load_real_gold, render_real, score_real  # noqa: PLC0415

        docs = load_real_gold(gold[0] if gold else None, split=split)
        if not docs:
            raise InputError(f"no real-gold texts{f' of split {split!r}' if split else ''}")
        if unknown_actors:
            from ..evaluate.unknown import render_unknown, score_unknown  # noqa: PLC0415

            with _progress("coding real-gold texts (KB-only, NER)", 2 * len(docs)) as coder:
                unknown = score_unknown(docs, coder=coder)
            if not quiet:
                render_unknown(unknown, console, split)
            if json_out:
                _write_json({"split": split, **{k: v.to_dict() for k, v in unknown.items()}}, json_out)
            return
        with _progress("coding real-gold texts", len(docs)) as coder:
            reports = score_real(docs, coder=functools.partial(coder, ner=with_ner), want_diff=diff, explain=True)
        if not quiet:
            render_real(reports, console, split)
        if json_out:
            _write_json({"split": split, **{k: v.to_dict() for k, v in reports.items()}}, json_out)
        return
    if gsr:
        if gold and len(gold) > 1:
            raise InputError("--gsr takes one directory")
        with _progress("coding GSR sentences") as coder:
            rep = score_gsr(gold[0] if gold else None, coder=functools.partial(coder, ner=with_ner), limit=limit,
                            keep_ids=diff)
        if not quiet:
            render_gsr(rep, console)
            if diff:
                render_gsr_diff(rep, console)
        if markdown:
            sys.stdout.write(markdown_gsr(rep))
        if json_out:
            _write_json(rep.to_dict(), json_out)
        return
    if check_baseline or update_baseline:
        from ..evaluate import check_floor, raise_baseline, write_baseline  # noqa: PLC0415

        files, docs = _gold_docs(gold, split or "test")
        with _progress("coding gold articles", len(docs)) as coder:
            result = evaluate(docs, coder=coder)
        measured = dict(result.overall.headline())
        gsr_dir = default_gsr_dir()
        if not no_gsr and gsr_dir.is_dir():
            with _progress("coding GSR sentences") as coder:
                measured.update(score_gsr(gsr_dir, coder=coder).headline())
            from ..evaluate.real import real_headline  # noqa: PLC0415

            with _progress("coding real-gold texts") as coder:
                measured.update(real_headline("test", coder=coder))
        base = load_baseline(baseline)
        table = ", ".join(f"{k} {v:.4f}" for k, v in sorted(measured.items()))
        console.print(f"measured on {len(docs)} documents: {table}", highlight=False)
        if update_baseline:
            from ..evaluate.baseline import gold_fingerprint  # noqa: PLC0415

            test_files = [f for f in files if f.name.startswith("test")] or files
            info = {**result.coder, "gold_sha256": gold_fingerprint(test_files)}
            data, changes = raise_baseline(measured, base, force=force, info=info)
            path = write_baseline(data, baseline)
            for c in changes:
                console.print(c, highlight=False)
            console.print(f"baseline {path}: {len(changes)} changes", highlight=False)
            return
        breaches = check_floor(measured, base)
        for b in breaches:
            err_console.print(f"below the floor: {b}", highlight=False)
        if breaches and base.get("gold_sha256"):
            from ..evaluate.baseline import gold_fingerprint  # noqa: PLC0415

            test_files = [f for f in files if f.name.startswith("test")] or files
            if gold_fingerprint(test_files) != base["gold_sha256"]:
                err_console.print("note: the gold files changed since the baseline was set; if the drop comes "
                                  "from new gold articles, re-set it: marsad eval --update-baseline --force",
                                  highlight=False)
        if breaches:
            raise typer.Exit(1)
        console.print("all figures at or above the baseline")
        return
    earlier = _read_report(compare) if compare else None  # a bad file fails before the long run
    files, docs = _gold_docs(gold, split)
    preds = predictions_from_file(pred) if pred else None
    if preds is not None:
        result = evaluate(docs, want_diff=diff, predictions=preds)
    else:
        with _progress("coding gold articles", len(docs)) as coder:
            result = evaluate(docs, coder=coder, want_diff=diff)
    if not quiet:
        title = f"{', '.join(str(f) for f in files)}" + (f" (split {split})" if split else "")
        render_gold(result, console, title=title)
        if diff:
            render_diff(result.overall, console, tuple(diff_kind) if diff_kind else None)
        if earlier is not None:
            from ..evaluate.report import compare_reports, render_compare  # noqa: PLC0415

            render_compare(compare_reports(earlier, result.to_dict()), console, str(compare))
    if markdown:
        names = ", ".join(f.name for f in files)
        sys.stdout.write(markdown_gold(result, f"{names}{f' (split {split})' if split else ''}"))
    if json_out:
        _write_json(result.to_dict(include_diff=diff), json_out)


@app.command("bench")
@handles_errors
def bench_cmd(
    docs: int = typer.Option(200, "--docs", help="Number of synthetic articles (~2 KB each)."),
    lang: str = typer.Option("ar", "--lang", help="ar, en, or mixed (two Arabic for one English)."),
    seed: int = typer.Option(7, "--seed", help="Seed of the corpus generator (same seed, same corpus)."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON instead of a table."),
    dump: Optional[Path] = typer.Option(None, "--dump", help="Also write the generated corpus as JSON lines."),
    markdown: bool = typer.Option(False, "--markdown", help="Print a README-ready markdown table."),
    ner: bool = typer.Option(False, "--ner", help="Code with the NER layer on (code(..., ner=True)): its cost is "
                             "the find_new_entities stage."),
) -> None:
    """Speed report: articles/s, MB/s, per-stage time, peak RSS, KB load, ratio to a plain regex pass."""
    from ..bench import generate, run_bench  # noqa: PLC0415
    from ..pipeline import code  # noqa: PLC0415

    # loads the KB first, so its cold load time is measured
    rep = run_bench(docs, lang, seed, coder=functools.partial(code, ner=ner))
    if dump:
        lines = [json.dumps({"id": d.id, "lang": d.lang, "date": d.date, "text": d.text}, ensure_ascii=False)
                 for d in generate(docs, lang, seed).docs]  # the same corpus: the generator is seeded
        try:
            dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
        except OSError as exc:
            raise InputError(f"--dump {dump}: cannot write ({exc.strerror})") from None
    data = {**rep.to_dict(), "ner": ner}
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    if markdown:
        sys.stdout.write(_markdown_bench(data))
        return
    _render_bench(data)


def _markdown_bench(data: dict[str, Any]) -> str:
    c, p, m = data["corpus"], data["pipeline"], data["machine"]
    rss = "-" if data["peak_rss_mb"] is None else f"{data['peak_rss_mb']:.0f}"
    return "\n".join([
        f"`marsad bench --docs {c['docs']} --lang {c['lang']} --seed {c['seed']}{' --ner' if data.get('ner') else ''}`: "
        f"{c['docs']} synthetic articles, "
        f"{c['bytes'] / 1e6:.2f} MB, on {m['cpu']} (one core), Python {m['python']}.", "",
        "| articles/s | MB/s | ms/article | ratio to `re.findall(r\"\\w+\")` | peak RSS MB | KB load s |",
        "|---:|---:|---:|---:|---:|---:|",
        f"| {p['articles_per_s']:.1f} | {p['mb_per_s']:.3f} | {p['ms_per_article']:.2f} | "
        f"{data['ratio_to_regex']:.1f}x | {rss} | "
        f"{'-' if data['kb']['load_s'] is None else format(data['kb']['load_s'], '.2f')} |", ""])


def _render_bench(data: dict[str, Any]) -> None:
    from rich.table import Table  # noqa: PLC0415

    c, p, m = data["corpus"], data["pipeline"], data["machine"]
    console.print(f"[bold]marsad bench[/bold]: {c['docs']} synthetic articles ({c['lang']}, seed {c['seed']}, "
                  f"{c['bytes'] / 1e6:.2f} MB, ~{c['avg_bytes']} B each"
                  f"{'' if c['kb_entries'] else ', fallback names: KB not loaded'})", highlight=False)
    t = Table()
    t.add_column("measure")
    t.add_column("value", justify="right")
    rows = [
        ("articles/s", f"{p['articles_per_s']:.1f}"),
        ("MB/s", f"{p['mb_per_s']:.3f}"),
        ("ms/article", f"{p['ms_per_article']:.2f}"),
        ("pipeline seconds", f"{p['seconds']:.3f}"),
        ("warm-up (first doc) s", f"{p['warmup_s']:.3f}"),
        ("KB load s", "-" if data["kb"]["load_s"] is None else f"{data['kb']['load_s']:.3f}"),
        ("regex floor MB/s", f"{data['regex_floor']['mb_per_s']:.1f}"),
        ("ratio marsad / regex", f"{data['ratio_to_regex']:.1f}x"),
        ("peak RSS MB", "-" if data["peak_rss_mb"] is None else f"{data['peak_rss_mb']:.0f}"),
        ("events / entities", f"{p['events']} / {p['entities']}"),
    ]
    if data["text_layer"]:
        for k, v in data["text_layer"].items():
            if k == "error":
                rows.append(("text layer", f"failed: {v}"[:60]))
            elif k in ("mb_per_s", "docs_per_s") and isinstance(v, (int, float)):
                rows.append((f"text layer alone {k.replace('_per_s', '/s').replace('mb', 'MB')}", f"{v:.2f}"))
    for name, value in rows:
        t.add_row(name, value)
    console.print(t)
    if p["stages"]:
        st = Table(title="time per stage", title_justify="left")
        st.add_column("stage")
        st.add_column("seconds", justify="right")
        st.add_column("%", justify="right")
        total = sum(p["stages"].values()) or 1.0
        for k, v in p["stages"].items():
            st.add_row(k, f"{v:.3f}", f"{100 * v / total:.0f}")
        console.print(st)
    console.print(f"machine: {m['cpu']}, {m['cpus']} CPUs, Python {m['python']}, {m['platform']} (one core used)",
                  highlight=False)
