"""`marsad plot dyad A B`: a PNG time series of cooperation vs conflict between two actors (either direction),
with the mean Goldstein score per period on a second axis. matplotlib with the Agg backend (no display needed).

The x axis is time (dates), so the chart keeps a readable width (``chart_width``: at most 12 inches, 1320 px)
whatever the number of periods; the Goldstein line is drawn in runs of consecutive periods with events
(``goldstein_runs``), so it breaks across quiet periods instead of joining points years apart.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Sequence

from ..errors import InputError, require


def dyad_series(store, a: str, b: str, by: str = "month", level: str = "country",
                modalities: Sequence[str] | None = None, min_confidence: float | None = None
                ) -> list[dict[str, Any]]:
    """Per period: cooperation (QuadClass 1+2), conflict (3+4), events and mean Goldstein between a and b (events
    of at least ``min_confidence`` when given)."""
    rows = store.dyads(by=by, level=level, modalities=modalities, pair=(a, b), undirected=True,
                       min_confidence=min_confidence)
    out: dict[str, dict[str, Any]] = {}
    for r in rows:
        if r["period"] is None:
            continue
        p = out.setdefault(r["period"], {"period": r["period"], "cooperation": 0, "conflict": 0, "events": 0,
                                         "_gsum": 0.0})
        p["cooperation"] += r["q1"] + r["q2"]
        p["conflict"] += r["q3"] + r["q4"]
        p["events"] += r["events"]
        p["_gsum"] += (r["goldstein_mean"] or 0.0) * r["events"]
    series = []
    for period in sorted(out):
        p = out[period]
        p["goldstein_mean"] = round(p.pop("_gsum") / p["events"], 3) if p["events"] else None
        series.append(p)
    return series


def fill_gaps(series: list[dict[str, Any]], by: str, cap: int = 400) -> list[dict[str, Any]]:
    """The series with every period between the first and the last (zero events where none), so that time on
    the x axis is even; unchanged when that would exceed ``cap`` periods."""
    if len(series) < 2 or by not in ("day", "week", "month", "quarter", "year"):
        return series
    have = {s["period"]: s for s in series}
    first, last = (dt.date.fromisoformat(series[0]["period"]), dt.date.fromisoformat(series[-1]["period"]))
    periods, day = [], first
    while day <= last and len(periods) <= cap:
        periods.append(day.isoformat())
        if by in ("day", "week"):
            day += dt.timedelta(days=1 if by == "day" else 7)
        else:
            step = {"month": 1, "quarter": 3, "year": 12}[by]
            months = day.year * 12 + day.month - 1 + step
            day = dt.date(months // 12, months % 12 + 1, 1)
    if len(periods) > cap:
        return series
    return [have.get(p, {"period": p, "cooperation": 0, "conflict": 0, "events": 0, "goldstein_mean": None})
            for p in periods]


MAX_WIDTH_IN = 12.0  # inches: 1320 px at the chart's 110 dpi, whatever the number of periods
DPI = 110


def chart_width(periods: int) -> float:
    """The figure width in inches: grows with the periods up to ``MAX_WIDTH_IN`` (a decade of months was 4840 px
    wide); past that the x axis is a time axis with a readable number of date ticks, not one label per bar."""
    return min(MAX_WIDTH_IN, max(6.0, 4.0 + 0.18 * periods))


def _next_period(period: str, by: str) -> str:
    day = dt.date.fromisoformat(period)
    if by in ("day", "week"):
        return (day + dt.timedelta(days=1 if by == "day" else 7)).isoformat()
    months = day.year * 12 + day.month - 1 + {"month": 1, "quarter": 3, "year": 12}.get(by, 1)
    return dt.date(months // 12, months % 12 + 1, 1).isoformat()


def goldstein_runs(series: list[dict[str, Any]], by: str) -> list[list[dict[str, Any]]]:
    """The periods with a mean Goldstein score, in runs of consecutive periods: the line is drawn run by run, so
    it breaks wherever a period has no events (filled in with zeros) or is missing from the series."""
    runs: list[list[dict[str, Any]]] = []
    prev = None
    for s in series:
        if s["goldstein_mean"] is None:
            prev = None
            continue
        if prev is not None and _next_period(prev["period"], by) == s["period"]:
            runs[-1].append(s)
        else:
            runs.append([s])
        prev = s
    return runs


def plot_dyad(store, a: str, b: str, out: str | Path, by: str = "month", level: str = "country",
              modalities: Sequence[str] | None = None, min_confidence: float | None = None) -> list[dict[str, Any]]:
    """Draw the chart into ``out`` (PNG, at most ``MAX_WIDTH_IN`` inches wide on a time axis); return the series
    drawn (periods without events filled in with zeros). The Goldstein line breaks at every period without events.
    No events between a and b -> InputError."""
    series = dyad_series(store, a, b, by=by, level=level, modalities=modalities, min_confidence=min_confidence)
    if not series:
        raise InputError(f"no dated events between {a.upper()} and {b.upper()} in {store.path}")
    matplotlib = require("matplotlib", "plots", "analytics")
    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    series = fill_gaps(series, by)
    days = {"day": 1, "week": 7, "month": 30, "quarter": 91, "year": 365}.get(by, 30)
    x = [dt.date.fromisoformat(s["period"]) + dt.timedelta(days=days / 2) for s in series]  # bars mid-period
    half = dt.timedelta(days=days * 0.2)
    fig, ax = plt.subplots(figsize=(chart_width(len(series)), 4.2), dpi=DPI)
    try:
        ax.bar([d - half for d in x], [s["cooperation"] for s in series], width=days * 0.4, color="#2b8cbe",
               label="cooperation (Quad 1-2)")
        ax.bar([d + half for d in x], [s["conflict"] for s in series], width=days * 0.4, color="#e34a33",
               label="conflict (Quad 3-4)")
        locator = mdates.AutoDateLocator(minticks=3, maxticks=14)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        ax.set_xlabel(by)
        ax.set_ylabel(f"events per {by}")
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.set_title(f"{a.upper()} \u2194 {b.upper()}: events per {by}")
        ax2 = ax.twinx()
        for i, run in enumerate(goldstein_runs(series, by)):
            ax2.plot([dt.date.fromisoformat(s["period"]) + dt.timedelta(days=days / 2) for s in run],
                     [s["goldstein_mean"] for s in run], color="#444444", marker="o", markersize=3, linewidth=1.2,
                     label="mean Goldstein" if i == 0 else None)
        ax2.set_ylim(-10.5, 10.5)
        ax2.axhline(0, color="#999999", linewidth=0.6)
        ax2.set_ylabel("mean Goldstein (-10..+10)")
        handles = ax.get_legend_handles_labels()[0] + ax2.get_legend_handles_labels()[0]
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=3, fontsize=8,
                  frameon=False)
        fig.tight_layout()
        fig.savefig(str(out), format="png")
    finally:
        plt.close(fig)
    return series
