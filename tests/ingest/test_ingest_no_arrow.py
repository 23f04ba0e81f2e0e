"""``marsad ingest`` writes to DuckDB without Arrow (issue 24, flat memory): importing pyarrow costs ~30 MB of
resident memory and its first conversion of Python values imports pandas, ~55 MB more, in every ingest process.
Measured in a fresh interpreter, since the test process itself may have imported both."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = """
import sys
from marsad.ingest import IngestOptions, ingest
from marsad.store import Store
with Store(sys.argv[2]) as store:
    report = ingest([sys.argv[1]], store, IngestOptions(batch=2))
    clusters = store.sql("SELECT count(*) FROM clusters")[0][0]
print(report.new, report.duplicates, report.near_duplicates, clusters,
      sorted(m for m in ("pyarrow", "pandas") if m in sys.modules))
"""


def test_ingest_imports_neither_pyarrow_nor_pandas(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    text = ("اجتمع وزير الخارجية المصري مع نظيره الأردني في عمان يوم الأحد لبحث التعاون بين البلدين، ثم تظاهر مئات "
            "الطلاب أمام السفارة احتجاجا على ارتفاع الأسعار، وقالت الشرطة إنها اعتقلت عشرة منهم.")
    rows = [{"id": "a", "text": text, "date": "2024-03-10"}, {"id": "b", "text": text + " ", "date": "2024-03-10"},
            {"id": "c", "text": text.replace("عمان", "القاهرة"), "date": "2024-03-11"}]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(src), str(tmp_path / "s.duckdb")], capture_output=True,
                         text=True, check=True).stdout.split()
    assert out[:3] == ["1", "1", "1"], out  # one new document, an exact and a near duplicate of it (LSH probe)
    assert int(out[3]) > 0, out  # events were clustered (the clusters are written without Arrow too)
    assert out[4:] == ["[]"], out
