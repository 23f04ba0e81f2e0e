"""Articles written for the analyst's-desk tests (tests/api/test_api_desk.py, tests/browser/test_browser_desk.py):
two merged attacks whose later telling (a toll) names the victims, the count and its own verb; cooperation, a
domestic arrest (TUR -> TUR), a protest; spread over two years so the charts have periods to draw."""
from __future__ import annotations

from pathlib import Path

# (text, date, title)
TEXTS = [
    ("غارة جوية على بلدة كفرنبل\nشنت طائرات حربية سورية غارة على بلدة كفرنبل في ريف إدلب فجر الأربعاء. "
     "وقال الدفاع المدني إن 6 مدنيين قتلوا في الغارة.", "2023-02-15", "غارة على كفرنبل"),
    ("Ethiopian troops shelled rebel positions near Gondar on Thursday. Regional officials said eleven civilians "
     "were killed in the shelling.", "2023-09-07", "Shelling near Gondar"),
    ("وقعت مصر والسودان اتفاقية لتعزيز التجارة في الخرطوم يوم الأحد.", "2024-01-14", "اتفاقية تجارة"),
    ("Saudi Arabia and Turkey agreed to expand defense cooperation during talks in Riyadh on Monday.",
     "2024-03-11", "Talks in Riyadh"),
    ("اعتقلت الشرطة التركية عشرات المحتجين في إسطنبول يوم السبت.", "2024-06-08", "اعتقالات في إسطنبول"),
    ("Hundreds of people protested in Amman on Friday against rising fuel prices.", "2024-11-01", "Amman protest"),
    ("Egypt accused Ethiopia of threatening its water security in a statement on Tuesday.", "2024-11-05",
     "Egypt accuses Ethiopia"),
]


def build(db: Path) -> None:
    """Code the texts into a real DuckDB store at ``db``."""
    from marsad.export.tables import DocMeta
    from marsad.pipeline import code
    from marsad.store import Store

    with Store(db) as store:
        store.upsert_documents([(code(t, date=d), DocMeta(title=title, source="desk", date=d))
                                for t, d, title in TEXTS])
