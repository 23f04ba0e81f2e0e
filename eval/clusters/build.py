"""Build the cluster test corpus (``eval/clusters/articles.jsonl``) from the phrasings below.

Every sentence pattern here was written for marsad (none is taken from ``../shared``). Each *act* is one real-world
occurrence (an air strike, a protest, a meeting...) with its own id; each is told by 1-5 short articles from
different outlets, in Arabic or English, in different words, some with a toll that changes between reports (5 killed
at first, 7 later), some without the act's weekday (the act is then dated by the article alone). Besides the 40 acts told several times there are 40 *distinct but similar* acts: the same dyad
and type the next day, another type at the same place on the same day, the same type the same day in another town.

Deterministic: the same run writes the same file (``python eval/clusters/build.py``). Output fields per article:
``id, lang, source (outlet), date, text, act, act_type, role`` (``told`` for the 40 acts told several times,
``similar`` for the distinct look-alikes) and ``split`` (``tune`` for acts with an even number, ``test`` otherwise).
"""
from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

OUT = Path(__file__).with_name("articles.jsonl")

DAYS_AR = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
DAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUM_AR = {2: "اثنين", 3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية", 9: "تسعة", 10: "عشرة"}
NUM_EN = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}

OUTLETS = ["Al-Rased Agency", "Levant Wire", "Gulf Evening", "Nile Courier", "Maghreb Post", "Sahel Monitor",
           "Tigris News", "Orient Dispatch", "Crescent Radio", "Bosphorus Daily", "Red Sea Herald", "Atlas Times"]

# attacker -> (Arabic feminine adjective, Arabic masculine adjective, English adjective, [(place ar, place en)])
ATTACKERS = {
    "ISR": ("إسرائيلية", "الإسرائيلي", "Israeli", [("رفح", "Rafah"), ("خان يونس", "Khan Yunis"), ("جباليا", "Jabalia"),
                                                    ("النبطية", "Nabatieh"), ("صور", "Tyre"), ("جنين", "Jenin"),
                                                    ("طولكرم", "Tulkarm"), ("نابلس", "Nablus")]),
    "RUS": ("روسية", "الروسي", "Russian", [("خاركيف", "Kharkiv"), ("أوديسا", "Odesa"), ("دنيبرو", "Dnipro")]),
}
BOMB_PLACES = [("كركوك", "Kirkuk"), ("الموصل", "Mosul"), ("مقديشو", "Mogadishu"), ("بغداد", "Baghdad"),
               ("حلب", "Aleppo"), ("إدلب", "Idlib")]
PROTEST_PLACES = [("بيروت", "Beirut"), ("الرباط", "Rabat"), ("بغداد", "Baghdad"), ("الخرطوم", "Khartoum"),
                  ("بنغازي", "Benghazi"), ("البصرة", "Basra")]
# police of a country in a town: (Arabic police phrase, English police phrase, [(place ar, place en)])
POLICE = {
    "IRQ": ("الشرطة العراقية", "Iraqi police", [("البصرة", "Basra"), ("الموصل", "Mosul"), ("كركوك", "Kirkuk")]),
    "MAR": ("الشرطة المغربية", "Moroccan police", [("الرباط", "Rabat")]),
    "LBY": ("الشرطة الليبية", "Libyan police", [("بنغازي", "Benghazi")]),
    "LBN": ("قوى الأمن اللبنانية", "Lebanese security forces", [("بيروت", "Beirut")]),
}
# minister meetings: (guest ar adj, guest en adj, host ar adj, host en adj, city ar, city en)
MEETINGS = [("التركي", "Turkish", "المصري", "Egyptian", "القاهرة", "Cairo"),
            ("السعودي", "Saudi", "الأردني", "Jordanian", "عمّان", "Amman"),
            ("القطري", "Qatari", "اللبناني", "Lebanese", "بيروت", "Beirut"),
            ("الإيراني", "Iranian", "العراقي", "Iraqi", "بغداد", "Baghdad"),
            ("الفرنسي", "French", "المغربي", "Moroccan", "الرباط", "Rabat"),
            ("الإماراتي", "Emirati", "السوداني", "Sudanese", "الخرطوم", "Khartoum")]
SANCTIONS = [("الولايات المتحدة", "The United States", "إيرانية", "Iranian"),
             ("الاتحاد الأوروبي", "The European Union", "روسية", "Russian"),
             ("بريطانيا", "Britain", "سورية", "Syrian")]
DONORS = [("السعودية", "Saudi Arabia", "اليمن", "Yemen"), ("قطر", "Qatar", "لبنان", "Lebanon"),
          ("الكويت", "Kuwait", "السودان", "Sudan"), ("الإمارات", "The United Arab Emirates", "سوريا", "Syria")]

# --- phrasings: each takes a dict of slot values; {day} is the weekday of the act -------------------------------
STRIKE = {
    "ar": ["قتل {n} أشخاص في غارة جوية {att_f} على مدينة {place} يوم {day}، بحسب مصادر طبية.",
           "قصفت طائرات حربية {att_f} منزلا في {place} يوم {day} ما أسفر عن مقتل {nw} أشخاص.",
           "استهدفت غارة {att_f} مبنى سكنيا في مدينة {place} يوم {day}، وأفاد مسعفون بمقتل {n} أشخاص.",
           "ارتفع عدد قتلى القصف {att_m} على {place} يوم {day} إلى {n} قتلى، وفق مصادر طبية.",
           "قالت مصادر طبية إن {n} أشخاص قتلوا في القصف {att_m} على {place}."],  # no day: the article's date
    "en": ["{att} warplanes struck a house in {place} on {day}, killing {nw} people, medics said.",
           "{A_att} missile strike on an apartment block in {place} on {day} killed {n} people.",
           "{N} people were killed when {a_att} air strike hit {place} on {day}, hospital officials said.",
           "The death toll from the {att} strike on {place} on {day} rose to {n}, rescuers said.",
           "Health officials said {a_att} air strike on {place} killed {nw} people."],
}
BOMB = {
    "ar": ["انفجرت سيارة مفخخة في سوق شعبي بمدينة {place} يوم {day} ما أدى إلى مقتل {n} أشخاص.",
           "قتل {n} أشخاص في تفجير سيارة مفخخة وسط {place} يوم {day}، حسبما أفادت الشرطة.",
           "أسفر انفجار سيارة ملغومة قرب سوق في {place} يوم {day} عن مقتل {nw} أشخاص.",
           "قالت مصادر طبية إن {n} أشخاص قتلوا في انفجار سيارة مفخخة في {place}."],
    "en": ["A car bomb exploded in a busy market in {place} on {day}, killing {n} people.",
           "{N} people died when a car bomb went off in central {place} on {day}, police said.",
           "A car bomb killed {nw} people near a market in {place} on {day}."],
}
PROTEST = {
    "ar": ["تظاهر آلاف المحتجين في مدينة {place} يوم {day} احتجاجا على ارتفاع الأسعار.",
           "خرج آلاف المتظاهرين إلى شوارع {place} يوم {day} للمطالبة بخفض الأسعار.",
           "شهدت {place} يوم {day} مظاهرة حاشدة شارك فيها آلاف المحتجين على الغلاء."],
    "en": ["Thousands of protesters rallied in {place} on {day} against rising prices.",
           "Thousands of demonstrators marched through {place} on {day} to protest against the cost of living.",
           "Protesters took to the streets of {place} in their thousands on {day}, angry at high prices."],
}
ARREST = {
    "ar": ["اعتقلت {police} {n} شخصا في {place} يوم {day} للاشتباه في تهريب أسلحة.",
           "أعلنت {police} اعتقال {n} مشتبها بهم في مدينة {place} يوم {day}.",
           "ألقت {police} القبض على {n} أشخاص في {place} يوم {day} بتهمة التهريب."],
    "en": ["{Police} arrested {n} people in {place} on {day} on suspicion of smuggling weapons.",
           "{Police} detained {n} suspects in {place} on {day}, officials said.",
           "{N} people were arrested by {police} in {place} on {day}."],
}
MEET = {
    "ar": ["التقى وزير الخارجية {guest} نظيره {host} في {city} يوم {day} لبحث العلاقات الثنائية.",
           "بحث وزير الخارجية {guest} مع نظيره {host} في {city} يوم {day} التعاون بين البلدين.",
           "استقبل وزير الخارجية {host} نظيره {guest} في {city} يوم {day}."],
    "en": ["The {guest} foreign minister met his {host} counterpart in {city} on {day} to discuss ties.",
           "The {host} foreign minister hosted his {guest} counterpart in {city} on {day}.",
           "The foreign ministers of the two countries, {guest} and {host}, held talks in {city} on {day}."],
}
SANCTION = {
    "ar": ["فرضت {imposer} يوم {day} عقوبات على {nw} شركات {target}.",
           "أعلنت {imposer} يوم {day} فرض عقوبات جديدة على {n} شركات {target}."],
    "en": ["{Imposer} imposed sanctions on {nw} {target} companies on {day}.",
           "{Imposer} announced sanctions against {n} {target} companies on {day}."],
}
AID = {
    "ar": ["أعلنت {donor} يوم {day} تقديم مساعدات إنسانية بقيمة {n} مليون دولار إلى {recipient}.",
           "قدمت {donor} يوم {day} مساعدات بقيمة {n} مليون دولار لدعم {recipient}."],
    "en": ["{Donor} pledged {n} million dollars in humanitarian aid to {recipient} on {day}.",
           "{Donor} on {day} announced {n} million dollars of aid for {recipient}."],
}

KINDS = {"strike": ("ASSAULT", STRIKE), "bomb": ("ASSAULT", BOMB), "protest": ("PROTEST", PROTEST),
         "arrest": ("COERCE", ARREST), "meet": ("CONSULT", MEET), "sanction": ("SANCTION", SANCTION),
         "aid": ("AID", AID)}


def slots(kind: str, rnd: random.Random) -> dict[str, dict[str, str]]:
    """Per-language slot values of one act (its place, actors and the first toll)."""
    if kind == "strike":
        code = rnd.choice(sorted(ATTACKERS))
        att_f, att_m, att, places = ATTACKERS[code]
        p = rnd.choice(places)
        an = "an" if att[0] in "AEIOU" else "a"
        return {"ar": {"att_f": att_f, "att_m": att_m, "place": p[0]},
                "en": {"att": att, "a_att": f"{an} {att}", "A_att": f"{an.capitalize()} {att}", "place": p[1]},
                "key": {"who": code, "where": p[1]}}
    if kind == "bomb":
        p = rnd.choice(BOMB_PLACES)
        return {"ar": {"place": p[0]}, "en": {"place": p[1]}, "key": {"who": "", "where": p[1]}}
    if kind == "protest":
        p = rnd.choice(PROTEST_PLACES)
        return {"ar": {"place": p[0]}, "en": {"place": p[1]}, "key": {"who": "", "where": p[1]}}
    if kind == "arrest":
        code = rnd.choice(sorted(POLICE))
        ar, en, places = POLICE[code]
        p = rnd.choice(places)
        return {"ar": {"police": ar, "place": p[0]}, "en": {"police": en, "Police": en[0].upper() + en[1:],
                                                             "place": p[1]}, "key": {"who": code, "where": p[1]}}
    if kind == "meet":
        g_ar, g_en, h_ar, h_en, c_ar, c_en = rnd.choice(MEETINGS)
        return {"ar": {"guest": g_ar, "host": h_ar, "city": c_ar}, "en": {"guest": g_en, "host": h_en, "city": c_en},
                "key": {"who": g_en + h_en, "where": c_en}}
    if kind == "sanction":
        i_ar, i_en, t_ar, t_en = rnd.choice(SANCTIONS)
        return {"ar": {"imposer": i_ar, "target": t_ar}, "en": {"Imposer": i_en, "target": t_en},
                "key": {"who": i_en + t_en, "where": ""}}
    d_ar, d_en, r_ar, r_en = rnd.choice(DONORS)
    return {"ar": {"donor": d_ar, "recipient": r_ar}, "en": {"Donor": d_en, "recipient": r_en},
            "key": {"who": d_en + r_en, "where": ""}}


def render(kind: str, lang: str, variant: int, values: dict[str, str], n: int, day: int) -> str:
    phr = KINDS[kind][1][lang]
    v = dict(values)
    if lang == "ar":
        v.update(day=DAYS_AR[day], n=str(n), nw=NUM_AR.get(n, str(n)))
    else:
        v.update(day=DAYS_EN[day], n=str(n), nw=NUM_EN.get(n, str(n)), N=NUM_EN.get(n, str(n)).capitalize())
    return phr[variant % len(phr)].format(**v)


def build() -> list[dict[str, object]]:
    rnd = random.Random(23)
    kinds_told = ["strike"] * 14 + ["bomb"] * 6 + ["protest"] * 6 + ["arrest"] * 5 + ["meet"] * 5 + \
                 ["sanction"] * 2 + ["aid"] * 2
    rows: list[dict[str, object]] = []
    start = dt.date(2025, 1, 6)
    act_no = 0
    texts: set[str] = set()

    def tell(kind: str, day0: dt.date, values: dict, n0: int, n_articles: int, role: str, rising: bool) -> None:
        nonlocal act_no
        act_no += 1
        act = f"act{act_no:03d}"
        typ = KINDS[kind][0]
        phr = KINDS[kind][1]
        ways = [(lang, v) for lang in ("ar", "en") for v in range(len(phr[lang]))]  # each article its own words
        rnd.shuffle(ways)
        n_articles = min(n_articles, len(ways))
        outlets = rnd.sample(OUTLETS, n_articles)
        k = -1
        for lang, variant in ways:
            if k + 1 == n_articles:
                break
            k += 1
            later = k >= 1 and rnd.random() < 0.5  # a report published the next day still names the act's weekday
            n = n0 + (2 if rising and kind in ("strike", "bomb") and 2 * k >= n_articles else 0)
            text = render(kind, lang, variant, values[lang], n, day0.weekday())
            if text in texts:  # the same words told elsewhere: another phrasing
                k -= 1
                continue
            texts.add(text)
            rows.append({"id": f"{act}-{k + 1}", "lang": lang, "source": outlets[k],
                         "date": (day0 + dt.timedelta(days=1 if later else 0)).isoformat(), "text": text,
                         "act": act, "act_type": typ, "role": role, "split": "tune" if act_no % 2 == 0 else "test"})

    told: list[tuple[str, dt.date, dict, int]] = []
    for i, kind in enumerate(kinds_told):
        day0 = start + dt.timedelta(days=9 * i + rnd.randrange(3))
        values = slots(kind, rnd)
        n0 = rnd.randrange(3, 9)
        tell(kind, day0, values, n0, rnd.randrange(2, 6), "told", rising=i % 3 == 0)
        told.append((kind, day0, values, n0))
    # 40 distinct look-alikes, each next to one of the told acts
    for i in range(40):
        kind, day0, values, n0 = told[i]
        how = i % 3
        if how == 0 or kind in ("meet", "sanction", "aid"):  # same dyad and type, the next day
            tell(kind, day0 + dt.timedelta(days=1), values, n0 + 3, 1 + i % 2, "similar", rising=False)
        elif how == 1:  # same place and day, another type
            other = "protest" if kind != "protest" else "arrest"
            v = slots(other, rnd)
            if kind in ("strike", "bomb", "arrest"):
                place = values["en"]["place"]
                pool = PROTEST_PLACES if other == "protest" else [p for _, (_, _, ps) in sorted(POLICE.items())
                                                                  for p in ps]
                match = [p for p in pool if p[1] == place]
                if match:
                    v["ar"]["place"], v["en"]["place"] = match[0]
            tell(other, day0, v, rnd.randrange(3, 9), 1 + i % 2, "similar", rising=False)
        else:  # same type and day, another town
            v = slots(kind, rnd)
            while v["key"]["where"] == values["key"]["where"]:
                v = slots(kind, rnd)
            tell(kind, day0, v, rnd.randrange(3, 9), 1 + i % 2, "similar", rising=False)
    return rows


def main() -> None:
    rows = build()
    with OUT.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    acts = {r["act"] for r in rows}
    print(f"{len(rows)} articles, {len(acts)} acts -> {OUT}")


if __name__ == "__main__":
    main()
