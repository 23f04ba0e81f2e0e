"""A synthetic, deterministic news corpus for the Spark parity test and the Spark benchmark.

``sample_records(n, seed=0)`` returns ``n`` JSONL-ready dicts ``{"id", "title", "text", "date", "url", "source",
"lang"}``: short Arabic (about two thirds) and English articles built from the project's own sentence templates
(meetings, visits, agreements, aid, exercises, deployments, sanctions, condemnations, threats, strikes, protests,
arrests) between real states, with numbers and relative dates, so that a full coder finds entities and events in
them. Same ``n`` and ``seed`` -> the same records. ``write_jsonl(path, records)`` writes them. Imports nothing of marsad.
"""
from __future__ import annotations

import datetime as dt
import json
import random
from typing import Any, Iterable

# (Arabic country name, Arabic nisba adjective, English name, English adjective)
STATES: tuple[tuple[str, str, str, str], ...] = (
    ("الولايات المتحدة", "الأمريكي", "the United States", "US"),
    ("اليابان", "الياباني", "Japan", "Japanese"),
    ("الصين", "الصيني", "China", "Chinese"),
    ("روسيا", "الروسي", "Russia", "Russian"),
    ("أوكرانيا", "الأوكراني", "Ukraine", "Ukrainian"),
    ("مصر", "المصري", "Egypt", "Egyptian"),
    ("السعودية", "السعودي", "Saudi Arabia", "Saudi"),
    ("إيران", "الإيراني", "Iran", "Iranian"),
    ("تركيا", "التركي", "Turkey", "Turkish"),
    ("فرنسا", "الفرنسي", "France", "French"),
    ("الأردن", "الأردني", "Jordan", "Jordanian"),
    ("قطر", "القطري", "Qatar", "Qatari"),
)
CITIES_AR = ("طوكيو", "القاهرة", "الرياض", "أنقرة", "باريس", "عمّان", "الدوحة", "بكين", "موسكو", "واشنطن")
CITIES_EN = ("Tokyo", "Cairo", "Riyadh", "Ankara", "Paris", "Amman", "Doha", "Beijing", "Moscow", "Washington")
DAYS_AR = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الأحد")
DAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Sunday")

AR_TEMPLATES = (
    "التقى وزير الخارجية {a_adj} نظيره {b_adj} في {city} يوم {day} لبحث العلاقات الثنائية.",
    "استقبل رئيس {a} وزير الدفاع {b_adj} في {city} أمس وناقشا التعاون العسكري.",
    "وقعت {a} و{b} اتفاقية للتعاون الاقتصادي بقيمة {n} مليون دولار في {city}.",
    "أعلنت {a} تقديم مساعدات إنسانية بقيمة {n} مليون دولار إلى {b}.",
    "أجرت قوات {a} و{b} مناورات عسكرية مشتركة قرب {city} بمشاركة {n} جندي.",
    "نشرت {a} نحو {n} جندي إضافي على حدودها مع {b}.",
    "فرضت {a} عقوبات جديدة على شركات من {b} يوم {day}.",
    "أدانت وزارة الخارجية {a_adj_f} الهجوم الذي شنته {b} على مواقع مدنية.",
    "هددت {a} بالرد على أي تحرك عسكري من {b} قرب {city}.",
    "قصفت طائرات {a} مواقع في {b} مما أسفر عن مقتل {small} أشخاص.",
    "تظاهر آلاف المحتجين أمام سفارة {b} في {city} احتجاجا على سياساتها.",
    "اعتقلت الشرطة {a_adj_f} {small} أشخاص قرب سفارة {b} في {city}.",
    "قال المتحدث باسم الحكومة {a_adj_f} إن {a} تعتزم زيادة إنفاقها الدفاعي إلى {pct}% من الناتج المحلي.",
    "نفت {a} أن تكون قد أرسلت أسلحة إلى {b}.",
)
EN_TEMPLATES = (
    "The {a_adj} foreign minister met his {b_adj} counterpart in {city} on {day} to discuss bilateral ties.",
    "{A} and {b} signed an economic cooperation agreement worth ${n} million in {city}.",
    "{A} announced {n} million dollars in humanitarian aid to {b}.",
    "{A_adj} and {b_adj} forces held joint military exercises near {city} with {n} troops.",
    "{A} deployed about {n} additional troops to its border with {b}.",
    "{A} imposed new sanctions on {b_adj} companies on {day}.",
    "The {a_adj} foreign ministry condemned the attack launched by {b} on civilian sites.",
    "{A} threatened to respond to any military move by {b} near {city}.",
    "{A_adj} aircraft struck targets in {b}, killing {small} people.",
    "Thousands of protesters gathered outside the {b_adj} embassy in {city}.",
    "{A_adj} police arrested {small} people near the {b_adj} embassy in {city}.",
    "A government spokesman said {a} intends to raise defense spending to {pct}% of GDP.",
    "{A} denied sending weapons to {b}.",
)


def _fem(adj: str) -> str:
    """Arabic feminine nisba (الأمريكي -> الأمريكية) for feminine nouns such as وزارة and الشرطة."""
    return adj + "ة"


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _fill(template: str, rng: random.Random, lang: str) -> str:
    a, b = rng.sample(STATES, 2)
    city = rng.choice(CITIES_AR if lang == "ar" else CITIES_EN)
    day = rng.choice(DAYS_AR if lang == "ar" else DAYS_EN)
    values = {"n": rng.choice((5, 12, 40, 150, 300, 2000, 5000)), "small": rng.choice((3, 4, 7, 11, 15)),
              "pct": rng.choice((2, 3, 5)), "city": city, "day": day}
    if lang == "ar":
        values.update(a=a[0], b=b[0], a_adj=a[1], b_adj=b[1], a_adj_f=_fem(a[1]))
    else:
        values.update(a=a[2], b=b[2], A=_cap(a[2]), a_adj=a[3], b_adj=b[3], A_adj=_cap(a[3]))
    return template.format(**values)


def sample_records(n: int, seed: int = 0, start: dt.date = dt.date(2024, 1, 1), days: int = 30) -> list[dict[str, Any]]:
    """``n`` deterministic articles (2 to 4 sentences each, about 2/3 Arabic) dated over ``days`` days."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        lang = "en" if i % 3 == 2 else "ar"
        templates = AR_TEMPLATES if lang == "ar" else EN_TEMPLATES
        sentences = [_fill(t, rng, lang) for t in rng.sample(templates, rng.randint(2, 4))]
        date = start + dt.timedelta(days=rng.randrange(days))
        title = sentences[0].split("،")[0].split(",")[0][:80]
        out.append({"id": f"s{seed}-{i:06d}", "title": title, "text": " ".join(sentences), "date": date.isoformat(),
                    "url": f"https://example.org/{lang}/{seed}/{i}", "source": "marsad-sample", "lang": lang})
    return out


def write_jsonl(path: str, records: Iterable[dict[str, Any]]) -> int:
    """Write records as UTF-8 JSON lines; return how many."""
    count = 0
    with open(path, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            count += 1
    return count
