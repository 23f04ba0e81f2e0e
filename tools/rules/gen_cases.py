"""Generate tests/extract/event_cases.jsonl from the compact table cases_src.txt.

Run: python tools/rules/gen_cases.py   (deterministic; ids are numbered per language in file order)

Line format (one sentence per line, '#' starts a comment):
    LANG DATE | TEXT | EXPECT
EXPECT is NONE (a negative: trigger words but no event) or events separated by ';', each
    TYPE SOURCES>TARGETS [MODALITY]
with SOURCES/TARGETS comma-separated 3-letter codes (ISO3 country, or the first three letters of an IGO actor
code: UNO United Nations, EUR European Union, IGO other IGOs) or '-' for none; MODALITY omitted = not checked.
Reciprocal events (meetings, clashes) list every participant as source and '-' as target.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parents[1] / "tests" / "extract" / "event_cases.jsonl"
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
MODALITIES = {"asserted", "negated", "intended", "planned", "hypothetical", "reported"}


def parse_expect(spec: str, where: str) -> list[dict]:
    if spec.strip() == "NONE":
        return []
    out = []
    for part in spec.split(";"):
        words = part.split()
        if len(words) not in (2, 3) or words[0] not in TYPES or ">" not in words[1]:
            raise SystemExit(f"{where}: bad expectation {part!r}")
        src, _, tgt = words[1].partition(">")
        ev: dict = {"type": words[0],
                    "source": [] if src == "-" else src.split(","),
                    "target": [] if tgt == "-" else tgt.split(",")}
        for code in ev["source"] + ev["target"]:
            if not re.fullmatch(r"[A-Z]{3}", code):
                raise SystemExit(f"{where}: bad actor code {code!r}")
        if len(words) == 3:
            if words[2] not in MODALITIES:
                raise SystemExit(f"{where}: bad modality {words[2]!r}")
            ev["modality"] = words[2]
        out.append(ev)
    return out


def rows() -> list[dict]:
    out: list[dict] = []
    counts: dict[str, int] = {}
    src = HERE / "cases_src.txt"
    for no, raw in enumerate(src.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        where = f"{src.name}:{no}"
        try:
            head, text, expect = (p.strip() for p in line.split(" | "))
            lang, date = head.split()
        except ValueError:
            raise SystemExit(f"{where}: want 'LANG DATE | TEXT | EXPECT'") from None
        counts[lang] = counts.get(lang, 0) + 1
        out.append({"id": f"{lang}-{counts[lang]:03d}", "lang": lang, "date": date, "text": text,
                    "expect": parse_expect(expect, where)})
    return out


def main() -> None:
    table = rows()
    with OUT.open("w", encoding="utf-8") as f:
        for r in table:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(table)} cases to {OUT}")


if __name__ == "__main__":
    main()
