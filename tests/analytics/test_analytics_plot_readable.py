"""`marsad plot dyad` over years with quiet stretches, from the CLI into a real DuckDB store: the PNG keeps a
readable width whatever the number of periods, and the Goldstein line breaks where periods have no events."""
from __future__ import annotations

import struct

import pytest
from typer.testing import CliRunner

from marsad.analytics.plot import DPI, MAX_WIDTH_IN, chart_width, goldstein_runs
from marsad.cli import app
from marsad.export.tables import DocMeta
from marsad.pipeline import code
from marsad.store import Store

# written for this test: Egypt and Turkey, a decade apart
TEXTS = [("Egypt accused Turkey of meddling in Libyan affairs on Sunday.", "2016-03-06"),
         ("Turkey criticized Egypt over the detention of journalists in a statement on Monday.", "2016-04-11"),
         ("Egypt threatened Turkey with sanctions over maritime borders on Friday.", "2016-05-13"),
         ("Turkish officials condemned Egypt's decision to expel a diplomat on Thursday.", "2020-09-17"),
         ("Egypt accused Turkey of sending mercenaries to Libya, the ministry said on Monday.", "2025-11-03"),
         ("Turkey threatened Egypt with a response over the gas field on Tuesday.", "2025-12-02")]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("plot") / "plot.duckdb"
    with Store(path) as store:
        store.upsert_documents([(code(t, date=d), DocMeta(title=t[:20], date=d)) for t, d in TEXTS])
    return path


def _png_size(path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_a_decade_of_months_is_a_readable_width(db, tmp_path):
    out = tmp_path / "egy-tur.png"
    res = CliRunner().invoke(app, ["plot", "dyad", "EGY", "TUR", "--db", str(db), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "118 periods" in " ".join(res.output.split())  # 2016-03 .. 2025-12, quiet months included
    width, height = _png_size(out)
    assert width <= MAX_WIDTH_IN * DPI + 1 and height < width
    assert chart_width(118) == MAX_WIDTH_IN and chart_width(3) == 6.0


def test_the_goldstein_line_breaks_at_quiet_periods(db, tmp_path):
    from marsad.analytics.plot import plot_dyad

    with Store(db, read_only=True) as store:
        series = plot_dyad(store, "EGY", "TUR", tmp_path / "m.png")
        yearly = plot_dyad(store, "EGY", "TUR", tmp_path / "y.png", by="year")
    runs = goldstein_runs(series, "month")
    assert [[s["period"][:7] for s in run] for run in runs] == [
        ["2016-03", "2016-04", "2016-05"], ["2020-09"], ["2025-11", "2025-12"]]
    assert [[s["period"][:4] for s in run] for run in goldstein_runs(yearly, "year")] == [
        ["2016"], ["2020"], ["2025"]]
    # a period missing from an unfilled series breaks the line too
    assert len(goldstein_runs([series[0], series[2]], "month")) == 2
