"""docs/analysis.md's pandas example runs as written: a real store of project-written articles, exported by the CLI
(``marsad export parquet``), the example's code block executed in that folder; its weekly ASSAULT counts and
fatalities are checked against the store itself (SQL over events and quantities), and the chart is written."""
from __future__ import annotations

import os
import re
from pathlib import Path

from typer.testing import CliRunner

from marsad.cli import app
from marsad.export.tables import DocMeta
from marsad.pipeline import code
from marsad.store import Store

ROOT = Path(__file__).resolve().parents[2]
# written for this test: four attacks with a death toll in three weeks, one with no place, and an agreement
TEXTS = [("سقط 7 قتلى و12 جريحا في قصف استهدف سوقا في مدينة حلب يوم الأحد.", "2024-03-03"),
         ("A car bomb exploded in Mogadishu on Saturday, leaving 15 dead.", "2024-03-09"),
         ("قصفت طائرات حربية سوقا شعبية في مدينة إدلب يوم الخميس، ما أسفر عن 9 قتلى.", "2024-03-14"),
         ("Gunmen stormed a hotel in Mogadishu on Friday; police said 4 dead.", "2024-03-22"),
         ("Militants attacked an army post near Gao on Monday, leaving 6 dead.", "2024-03-18"),
         ("وقعت مصر والسودان اتفاقية لتعزيز التجارة في الخرطوم يوم الأحد.", "2024-03-17")]


def _example() -> str:
    text = (ROOT / "docs" / "analysis.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```", text, flags=re.M | re.S)
    assert len(blocks) == 1, "docs/analysis.md has one python example"
    return blocks[0]


def test_the_pandas_example_runs_on_an_export_and_matches_the_store(tmp_path, capsys):
    db = tmp_path / "store.duckdb"
    with Store(db) as store:
        store.upsert_documents([(code(t, date=d), DocMeta(title=t[:20], date=d)) for t, d in TEXTS])
    res = CliRunner().invoke(app, ["export", "parquet", "--db", str(db), "-o", str(tmp_path / "tables")])
    assert res.exit_code == 0, res.output
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        namespace: dict = {}
        exec(compile(_example(), "docs/analysis.md", "exec"), namespace)  # noqa: S102 - the docs' own example
    finally:
        os.chdir(here)
    weekly = namespace["weekly"]
    got = {(w.strftime("%Y-%m-%d"), c): (int(n), int(f))
           for w, c, n, f in weekly[["week", "country", "events", "fatalities"]].itertuples(index=False)}
    with Store(db, read_only=True) as store:
        rows = store.con.execute("""
            SELECT strftime(date_trunc('week', e.date), '%Y-%m-%d') AS week,
                   coalesce(e.location_country, (SELECT a.country FROM event_actors a WHERE a.event_id = e.event_id
                            AND a.role = 'target' ORDER BY a.position LIMIT 1), 'unknown') AS country,
                   count(*) AS events,
                   coalesce(sum((SELECT sum(q.value) FROM quantities q WHERE list_contains(q.event_ids, e.event_id)
                                 AND q.kind = 'killed')), 0) AS fatalities
            FROM events e WHERE e.type = 'ASSAULT' AND e.canonical AND NOT e.background GROUP BY ALL""").fetchall()
    assert got == {(w, c): (int(n), int(f)) for w, c, n, f in rows}
    assert sum(f for _n, f in got.values()) == 7 + 15 + 9 + 4 + 6
    assert (tmp_path / "assault-weekly.png").read_bytes()[:4] == b"\x89PNG"
    printed = capsys.readouterr().out
    shown = (ROOT / "docs" / "analysis.md").read_text(encoding="utf-8").split("it prints:\n\n```text\n")[1]
    assert printed.strip() == shown.split("```")[0].strip()  # the output the docs show is the real one
