"""`marsad plot dyad A B`: a PNG time series of cooperation vs conflict between two actors (either direction),
with the mean Goldstein score per period on a second axis. matplotlib with the Agg backend (no display needed).
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


def _label(period: str, by: str) -> str:
    if by == "year":
        return period[:4]
    if by == "month":
        return period[:7]
    if by == "quarter":
        return f"{period[:4]}-Q{(int(period[5:7]) - 1) // 3 + 1}"
    return period


def plot_dyad(store, a: str, b: str, out: str | Path, by: str = "month", level: str = "country",
              modalities: Sequence[str] | None = None, min_confidence: float | None = None) -> list[dict[str, Any]]:
    """Draw the chart into ``out`` (PNG); return the series drawn (periods without events filled in with zeros).
    No events between a and b -> InputError."""
    series = dyad_series(store, a, b, by=by, level=level, modalities=modalities, min_confidence=min_confidence)
    if not series:
        raise InputError(f"no dated events between {a.upper()} and {b.upper()} in {store.path}")
    matplotlib = require("matplotlib", "plots", "analytics")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    series = fill_gaps(series, by)
    periods = [s["period"] for s in series]
    x = range(len(periods))
    fig, ax = plt.subplots(figsize=(max(6.0, 0.5 * len(periods) + 3), 4.2), dpi=110)
    try:
        ax.bar([i - 0.2 for i in x], [s["cooperation"] for s in series], width=0.4, color="#2b8cbe",
               label="cooperation (Quad 1-2)")
        ax.bar([i + 0.2 for i in x], [s["conflict"] for s in series], width=0.4, color="#e34a33",
               label="conflict (Quad 3-4)")
        ax.set_xticks(list(x))
        step = max(1, len(periods) // 24)  # at most ~24 labels
        ax.set_xticklabels([_label(p, by) if i % step == 0 else "" for i, p in enumerate(periods)], rotation=45,
                           ha="right", fontsize=8)
        ax.set_ylabel("events")
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.set_title(f"{a.upper()} \u2194 {b.upper()}: events per {by}")
        ax2 = ax.twinx()
        gx = [i for i, s in zip(x, series) if s["goldstein_mean"] is not None]
        ax2.plot(gx, [s["goldstein_mean"] for s in series if s["goldstein_mean"] is not None], color="#444444",
                 marker="o", linewidth=1.2, label="mean Goldstein")
        ax2.set_ylim(-10.5, 10.5)
        ax2.axhline(0, color="#999999", linewidth=0.6)
        ax2.set_ylabel("mean Goldstein")
        handles = ax.get_legend_handles_labels()[0] + ax2.get_legend_handles_labels()[0]
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.28), ncol=3, fontsize=8,
                  frameon=False)
        fig.tight_layout()
        fig.savefig(str(out), format="png")
    finally:
        plt.close(fig)
    return series
