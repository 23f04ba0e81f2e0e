"""Terminal rendering of evaluation results (rich tables); the JSON form is each report's ``to_dict()``.

Imports: rich, marsad.evaluate.{runner,scoring,gsr}.
"""
from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .gsr import GSRReport
from .runner import GoldEvaluation
from .scoring import MISSED, PRF, SPURIOUS, EvalReport, FieldScore


def _pct(x: float) -> str:
    return f"{100 * x:.1f}"


def _prf_row(name: str, prf: PRF) -> list[str]:
    return [name, _pct(prf.precision), _pct(prf.recall), _pct(prf.f1), str(prf.tp), str(prf.n_pred), str(prf.n_gold)]


def _prf_table(title: str) -> Table:
    t = Table(title=title, title_justify="left")
    t.add_column("measure")
    for col in ("P %", "R %", "F1 %", "tp", "pred", "gold"):
        t.add_column(col, justify="right")
    return t


def _field_table(title: str, fields: dict[str, FieldScore], note: str) -> Table:
    t = Table(title=title, title_justify="left", caption=note, caption_justify="left")
    t.add_column("field")
    for col in ("accuracy %", "correct", "n", "P %", "R %", "F1 %"):
        t.add_column(col, justify="right")
    for name, fs in fields.items():
        t.add_row(name, _pct(fs.accuracy), str(fs.correct), str(fs.n), _pct(fs.prf.precision), _pct(fs.prf.recall),
                  _pct(fs.prf.f1))
    return t


def render_gold(result: GoldEvaluation, console: Console, title: str = "gold set") -> None:
    rep = result.overall
    coder = " ".join(f"{k}={v}" for k, v in sorted(result.coder.items()))
    console.print(f"[bold]{escape(title)}[/bold]: {rep.docs} documents, {rep.gold_events} gold events, "
                  f"{rep.seconds:.2f} s coding+scoring {coder}".rstrip())
    if rep.errors:
        console.print(f"[red]{len(rep.errors)} documents failed to code[/red]: " + escape("; ".join(rep.errors[:5])))
    t = _prf_table("Entities and events")
    for name, prf in rep.mentions.items():
        t.add_row(*_prf_row(f"mention {name}", prf))
    for name, fs in rep.linking.items():
        t.add_row(*_prf_row(f"linking {name}", fs.prf))
    t.add_row(*_prf_row("event detection", rep.detection))
    t.add_row(*_prf_row("event detection+type", rep.typed))
    t.add_row(*_prf_row("event +source+target+modality", rep.tuple))
    console.print(t)
    link = ", ".join(f"{k} {_pct(v.accuracy)}% of {v.n}" for k, v in rep.linking.items())
    console.print(f"linking accuracy on matched mentions: {link}")
    console.print(_field_table("Fields of matched events", rep.fields,
                               "accuracy over matched events; P/R/F1 over non-null values (set elements for "
                               "source/target/quantities)"))
    groups = [(f"split {k}", v) for k, v in sorted(result.by_split.items())] if len(result.by_split) > 1 else []
    groups += [(f"lang {k}", v) for k, v in sorted(result.by_lang.items())] if len(result.by_lang) > 1 else []
    if groups:
        t = Table(title="By split / language (F1 %)", title_justify="left")
        for col in ("subset", "docs", "mentions overlap+kind", "linking code", "detection", "detection+type"):
            t.add_column(col, justify="right")
        for name, r in groups:
            t.add_row(name, str(r.docs), _pct(r.mentions["overlap+kind"].f1), _pct(r.linking["code"].prf.f1),
                      _pct(r.detection.f1), _pct(r.typed.f1))
        console.print(t)
    if result.by_tag:
        t = Table(title="By gold tag (documents carrying the tag)", title_justify="left")
        for col in ("tag", "docs", "gold events", "detection F1 %", "+type F1 %", "modality acc. %",
                    "time acc. %"):
            t.add_column(col, justify="right")
        for tag, r in sorted(result.by_tag.items()):
            t.add_row(tag, str(r.docs), str(r.gold_events), _pct(r.detection.f1), _pct(r.typed.f1),
                      _pct(r.fields["modality"].accuracy), _pct(r.fields["time"].accuracy))
        console.print(t)
    t = _prf_table("Per event type (detection+type)")
    for label, prf in sorted(rep.per_type.items()):
        t.add_row(*_prf_row(label, prf))
    console.print(t)
    render_confusion(rep, console)
    render_rules(rep, console)


def render_rules(rep: EvalReport, console: Console, top: int = 12) -> None:
    """The rules that fire most often without matching a gold event of their type (tuning targets)."""
    wrong = sorted(((v.n_pred - v.tp, k, v) for k, v in rep.per_rule.items() if v.n_pred > v.tp), reverse=True)
    if not wrong:
        return
    t = Table(title=f"Rules with the most wrong events (top {min(top, len(wrong))})", title_justify="left")
    for col, just in (("rule", "left"), ("fired", "right"), ("right type", "right"), ("wrong", "right")):
        t.add_column(col, justify=just)  # type: ignore[arg-type]
    for n_wrong, rule, v in wrong[:top]:
        t.add_row(rule, str(v.n_pred), str(v.tp), str(n_wrong))
    console.print(t)


def render_confusion(rep: EvalReport, console: Console) -> None:
    gold_labels = sorted({g for g, _ in rep.confusion} - {SPURIOUS}) + [SPURIOUS]
    pred_labels = sorted({p for _, p in rep.confusion} - {MISSED}) + [MISSED]
    if not rep.confusion:
        return
    t = Table(title="Type confusion (rows gold, columns predicted)", title_justify="left")
    t.add_column("gold \\ pred")
    for p in pred_labels:
        t.add_column(p[:8], justify="right")
    for g in gold_labels:
        cells = []
        for p in pred_labels:
            n = rep.confusion.get((g, p), 0)
            cells.append("" if not n else (f"[green]{n}[/green]" if g == p else str(n)))
        if any(cells):
            t.add_row(g, *cells)
    console.print(t)


def render_diff(rep: EvalReport, console: Console, kinds: tuple[str, ...] | None = None) -> None:
    items = [d for d in rep.diff if kinds is None or d.kind in kinds]
    console.print(f"[bold]diff[/bold]: {len(items)} items")
    for d in items:
        style = {"event-miss": "red", "event-false-alarm": "yellow", "field": "cyan"}.get(d.kind, "magenta")
        console.print(f"[{style}]{d.kind}[/{style}] {escape(f'{d.doc_id} {d.label}: {d.detail}')}", markup=True,
                      highlight=False)
        console.print(f"    {d.sentence}", markup=False, highlight=False)


def render_gsr(rep: GSRReport, console: Console) -> None:
    console.print(f"[bold]Arabic event GSR[/bold] ({escape(rep.directory)}): {rep.sentences} sentences scored, "
                  f"{rep.seconds:.1f} s")
    t = Table(title="Detection (yes vs easy no + difficult no)", title_justify="left")
    for col in ("type", "P %", "R %", "F1 %", "yes", "no", "FA hard-no %", "FA easy-no %", "ambig."):
        t.add_column(col, justify="right")
    for etype, r in rep.types.items():
        no = r.labels.get("easy no", 0) + r.labels.get("difficult no", 0)
        t.add_row(etype, _pct(r.detection.precision), _pct(r.detection.recall), _pct(r.detection.f1),
                  str(r.labels.get("yes", 0)), str(no), _pct(r.false_alarm_rate("difficult no")),
                  _pct(r.false_alarm_rate("easy no")), str(r.skipped_ambiguous))
    console.print(t)
    t = Table(title="Source actor on the span files", title_justify="left")
    for col in ("type", "facet", "gold", "detected", "correct", "acc. %", "acc. detected %"):
        t.add_column(col, justify="right")
    for etype, r in rep.types.items():
        for facet, acc in (("country", r.source_country), ("sector", r.source_sector)):
            t.add_row(etype, facet, str(acc.gold), str(acc.detected), str(acc.correct),
                      _pct(acc.correct / acc.gold if acc.gold else 0.0),
                      _pct(acc.correct / acc.detected if acc.detected else 0.0))
    console.print(t)
    console.print("FA = false alarms (share of those sentences detected); gold = span-file sentences naming a "
                  "source country/sector", highlight=False)
    t = Table(title="Rules behind false alarms (detections on no-sentences, top 12)", title_justify="left")
    for col, just in (("type", "left"), ("rule", "left"), ("on yes", "right"), ("on no", "right")):
        t.add_column(col, justify=just)  # type: ignore[arg-type]
    rows = sorted(((n, etype, rule, r.rules_right.get(rule, 0)) for etype, r in rep.types.items()
                   for rule, n in r.rules_false.items()), reverse=True)[:12]
    for n, etype, rule, yes in rows:
        t.add_row(etype, rule, str(yes), str(n))
    if rows:
        console.print(t)
    errors = [e for r in rep.types.values() for e in r.errors]
    if errors:
        console.print(f"[red]{len(errors)} sentences failed to code[/red]: " + escape("; ".join(errors[:5])))


def render_gsr_diff(rep: GSRReport, console: Console) -> None:
    """Every missed "yes" and every detected "no" sentence, with its id (read from the GSR files at run time)."""
    for etype, r in rep.types.items():
        for kind, items in (("miss", r.misses), ("false-alarm", r.false_alarms)):
            for sid, text in items:
                short = sid if len(sid) <= 40 else f"{sid[:16]}...{sid[-8:]}"
                console.print(f"[red]{kind}[/red] {escape(f'{etype} {short}')}", highlight=False)
                console.print(f"    {text}", markup=False, highlight=False)


def markdown_gold(result: GoldEvaluation, title: str) -> str:
    """README-ready "Accuracy" table: P/R/F1 per measure and accuracy per field of matched events."""
    rep = result.overall
    lines = [f"Accuracy on {title} ({rep.docs} articles, {rep.gold_events} gold events):", "",
             "| measure | P % | R % | F1 % |", "|---|---:|---:|---:|"]
    rows = [(f"entity mentions, {k} span", v) for k, v in rep.mentions.items()]
    rows += [(f"entity linking ({k})", v.prf) for k, v in rep.linking.items()]
    rows += [("event detection (evidence overlap)", rep.detection), ("event detection + type", rep.typed),
             ("event + type + source + target + modality", rep.tuple)]
    for name, prf in rows:
        lines.append(f"| {name} | {_pct(prf.precision)} | {_pct(prf.recall)} | {_pct(prf.f1)} |")
    lines += ["", "| field of matched events | accuracy % | n |", "|---|---:|---:|"]
    for name, fs in rep.fields.items():
        lines.append(f"| {name} | {_pct(fs.accuracy)} | {fs.n} |")
    if len(result.by_lang) > 1:
        lines += ["", "| language | articles | mentions F1 % | linking F1 % | detection F1 % | +type F1 % |",
                  "|---|---:|---:|---:|---:|---:|"]
        for lang, r in sorted(result.by_lang.items()):
            lines.append(f"| {lang} | {r.docs} | {_pct(r.mentions['overlap+kind'].f1)} | "
                         f"{_pct(r.linking['code'].prf.f1)} | {_pct(r.detection.f1)} | {_pct(r.typed.f1)} |")
    return "\n".join(lines) + "\n"


def markdown_gsr(rep: GSRReport) -> str:
    lines = ["| GSR type | P % | R % | F1 % | false alarms on difficult no % | source country acc. % | "
             "source sector acc. % |", "|---|---:|---:|---:|---:|---:|---:|"]
    for etype, r in rep.types.items():
        sc, ss = r.source_country, r.source_sector
        lines.append(f"| {etype} | {_pct(r.detection.precision)} | {_pct(r.detection.recall)} | "
                     f"{_pct(r.detection.f1)} | {_pct(r.false_alarm_rate('difficult no'))} | "
                     f"{_pct(sc.correct / sc.gold if sc.gold else 0.0)} ({sc.gold}) | "
                     f"{_pct(ss.correct / ss.gold if ss.gold else 0.0)} ({ss.gold}) |")
    return "\n".join(lines) + "\n"


def compare_reports(before: dict, now: dict) -> list[tuple[str, float, float]]:
    """(measure, before, now) for the headline figures and field accuracies of two ``--json`` gold reports."""
    rows: list[tuple[str, float, float]] = []
    for key in sorted(set(before.get("headline", {})) | set(now.get("headline", {}))):
        rows.append((key, float(before.get("headline", {}).get(key, 0.0)), float(now.get("headline", {}).get(key, 0.0))))
    for key in now.get("fields", {}):
        b = before.get("fields", {}).get(key, {}).get("accuracy", 0.0)
        rows.append((f"field {key} accuracy", float(b), float(now["fields"][key].get("accuracy", 0.0))))
    return rows


def render_compare(rows: list[tuple[str, float, float]], console: Console, label: str) -> None:
    t = Table(title=f"Compared with {label}", title_justify="left")
    for col, just in (("measure", "left"), ("before %", "right"), ("now %", "right"), ("change", "right")):
        t.add_column(col, justify=just)  # type: ignore[arg-type]
    for name, b, n in rows:
        d = n - b
        style = "green" if d > 0.0005 else ("red" if d < -0.0005 else "")
        change = f"{100 * d:+.1f}"
        t.add_row(name, _pct(b), _pct(n), f"[{style}]{change}[/{style}]" if style else change)
    console.print(t)
