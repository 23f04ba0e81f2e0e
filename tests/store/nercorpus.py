"""A small corpus written for the project (invented names and places) whose Arabic articles name people and an
organization the KB does not know, for the tests of ``ingest --ner``, ``stats unlinked``, ``kb suggest``, the
``/v1/entities/unlinked`` route and the dashboard's panel. ``ingest_ner(db)`` stores it the way a user would.

The last record repeats an earlier article with one sentence added (a near duplicate: its names count once).
"""
from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

ARTICLES = [
    ("n1", "2024-02-03", "اتهم وزير الداخلية كمال بن سعيد المعارضة بتحريض المتظاهرين في القيروان."),
    ("n2", "2024-02-10", "التقى كمال بن سعيد رئيس بلدية صفاقس أمس وبحثا تعزيز التعاون الأمني."),
    ("n3", "2024-03-09", "انتقد النائب هشام العبيدي قرار الحكومة رفع أسعار الوقود، وطالب كمال بن سعيد بالاستقالة. "
                         "وقال إن الحكومة تجاهلت مطالب النواب والنقابات طوال الأشهر الماضية رغم الاحتجاجات "
                         "المتكررة في عدة مدن."),
    ("n4", "2024-03-12", "اتهمت منظمة العدل الدولية للحريات الحكومة باعتقال الصحفيين."),
    ("n5", "2024-04-02", "طالبت منظمة العدل الدولية للحريات بالإفراج عن المعتقلين."),
    ("n6", "2024-04-20", "دعا الأمين العام لحزب التحالف المدني مصطفى الزواوي إلى الحوار مع الحكومة."),
    ("n7", "2024-05-01", "هدد مصطفى الزواوي بمقاطعة الانتخابات إذا لم تستجب الحكومة لمطالب المعارضة."),
    ("n8", "2024-05-02", "The foreign ministers of Japan and Egypt met in Cairo on Monday to discuss trade."),
]
NEAR_DUPLICATE = ("n9", "2024-03-10", ARTICLES[2][2] + " وأضاف أنه سيواصل الضغط.")


def write_corpus(path: Path, near_duplicate: bool = True) -> Path:
    rows = ARTICLES + ([NEAR_DUPLICATE] if near_duplicate else [])
    path.write_text("".join(json.dumps({"id": i, "date": d, "title": f"title {i}", "text": t}, ensure_ascii=False)
                            + "\n" for i, d, t in rows), encoding="utf-8")
    return path


def ingest_ner(db: Path, *extra: str, ner: bool = True) -> Path:
    """``marsad ingest CORPUS --db DB --ner`` in-process; the corpus is written beside the database."""
    from marsad.cli import app

    corpus = write_corpus(db.parent / f"{db.stem}-corpus.jsonl")
    args = ["ingest", str(corpus), "--db", str(db), "-q", *extra] + (["--ner"] if ner else [])
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 0, res.output
    return db
