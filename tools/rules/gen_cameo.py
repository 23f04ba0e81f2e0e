"""Generate src/marsad/kb/data/cameo.jsonl from cameo_codes.tsv and the PLOVER mapping below.

Run: python tools/rules/gen_cameo.py   (deterministic; running it twice gives the same file)

QuadClass follows the GDELT root cut-points (01-05 -> 1, 06-09 -> 2, 10-14 -> 3, 15-20 -> 4) so downstream users
can compare with GDELT; the PLOVER type is carried separately. Every decision that departs from the plain root
mapping of the PLOVER manual is listed in OVERRIDES with its reason and written to docs/coding-decisions.md.
"""
from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parents[1] / "src" / "marsad" / "kb" / "data" / "cameo.jsonl"

# Root -> PLOVER type (PLOVER manual, CAMEO2PLOVER table; 01/02 are dropped by PLOVER -> CAMEO-only here).
ROOT_TYPE = {
    "01": None, "02": None, "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
    "08": None,  # split: 080-083 CONCEDE, 084-087 RETREAT (see BASE_TYPE)
    "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT", "13": "THREATEN", "14": "PROTEST",
    "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}
ROOT_MODE = {"09": "investigate", "20": "unconventional"}

# 3-digit (and 4-digit) code prefix -> (type, mode, note). The longest matching prefix wins.
MAP: dict[str, tuple[str | None, str | None, str]] = {
    # 03: intent to cooperate. 035x intent to yield = an announced concession -> CONCEDE (PLOVER: "RETREAT +
    # future -> CONCEDE"; announced ceasefire/withdrawal are CONCEDE).
    "035": ("CONCEDE", None, "announced (not yet implemented) concession: PLOVER CONCEDE"),
    "04": ("CONSULT", None, ""),
    "041": ("CONSULT", "phone", ""), "042": ("CONSULT", "visit", "visitor = actor, host = recipient"),
    "043": ("CONSULT", "visit", "host a visit: PLOVER codes the visitor as actor and the host as recipient"),
    "044": ("CONSULT", "third-party", ""), "045": ("CONSULT", "third-party", "mediation: mediator is a third party"),
    "055": ("CONCEDE", None, "apology/expression of regret is a PLOVER CONCEDE (verbal concession)"),
    "08": ("CONCEDE", None, ""),
    "0831": ("RETREAT", "resign", "an implemented change of leadership (resignation) is PLOVER RETREAT resign"),
    "084": ("RETREAT", "release", ""), "085": ("RETREAT", None, "implemented easing of sanctions (PLOVER 084-087 -> RETREAT)"),
    "086": ("RETREAT", "access", ""), "087": ("RETREAT", None, ""), "0871": ("RETREAT", "ceasefire", "truce declared and observed"),
    "0872": ("RETREAT", "access", ""), "0873": ("RETREAT", "disarm", ""), "0874": ("RETREAT", "withdraw", ""),
    "10": ("REQUEST", None, ""),
    "101": ("REQUEST", "assist", ""), "102": ("REQUEST", "assist", ""), "103": ("REQUEST", "assist", ""),
    "104": ("REQUEST", "change", "includes calls for dismissal/resignation"), "105": ("REQUEST", "meet", ""),
    "1051": ("REQUEST", "yield", ""), "1052": ("REQUEST", "yield", ""), "1053": ("REQUEST", "yield", ""),
    "1054": ("REQUEST", "yield", ""), "1055": ("REQUEST", "yield", ""), "1056": ("REQUEST", "yield", ""),
    "106": ("REQUEST", "yield", ""), "107": ("REQUEST", "yield", ""), "108": ("REQUEST", "meet", ""),
    "11": ("ACCUSE", "disapprove", ""), "112": ("ACCUSE", "allege", ""), "115": ("ACCUSE", "allege", "lawsuit"),
    "116": ("SANCTION", "convict", "a court finding someone guilty is PLOVER SANCTION convict; QuadClass stays 3 "
            "(GDELT root 11)"),
    "12": ("REJECT", None, ""),
    "121": ("REJECT", "assist", ""), "122": ("REJECT", "assist", ""), "123": ("REJECT", "change", ""),
    "124": ("REJECT", "yield", ""), "125": ("REJECT", "meet", ""), "126": ("REJECT", "meet", ""),
    "13": ("THREATEN", None, ""),
    "131": ("THREATEN", "relations", ""), "132": ("THREATEN", "restrict", ""), "1322": ("THREATEN", "restrict", ""),
    "134": ("THREATEN", "relations", ""), "135": ("THREATEN", "relations", ""), "136": ("THREATEN", "relations", ""),
    "137": ("THREATEN", "violence", ""), "138": ("THREATEN", "violence", ""),
    "1381": ("THREATEN", "territory", "blockade"), "1382": ("THREATEN", "territory", "occupation"),
    "14": ("PROTEST", None, ""),
    "141": ("PROTEST", "demo", ""), "142": ("PROTEST", "hunger", ""), "143": ("PROTEST", "strike", ""),
    "144": ("PROTEST", "obstruct", ""), "145": ("PROTEST", "riot", ""),
    "15": ("MOBILIZE", None, ""),
    "151": ("MOBILIZE", "police", ""), "152": ("MOBILIZE", "troops", ""), "153": ("MOBILIZE", "police", ""),
    "154": ("MOBILIZE", "troops", ""),
    "16": ("SANCTION", None, ""),
    "161": ("SANCTION", "withdraw", "reduce or break diplomatic relations"), "162": ("SANCTION", "discontinue", ""),
    "163": ("SANCTION", "discontinue", "international sanctions"), "164": ("SANCTION", "withdraw", ""),
    "165": ("SANCTION", "withdraw", ""), "166": ("SANCTION", "expel", "expelling diplomats/observers"),
    "17": ("COERCE", None, ""),
    "171": ("COERCE", "seize", ""),
    "1712": ("ASSAULT", "destroy", "destruction of property is PLOVER ASSAULT destroy; QuadClass 4 either way"),
    "172": ("COERCE", "restrict", ""), "1723": ("COERCE", "curfew", ""), "1724": ("COERCE", "martial-law", ""),
    "173": ("COERCE", "arrest", ""), "174": ("COERCE", "deport", ""),
    "175": ("ASSAULT", "crowd-control", "violent repression causes physical harm: PLOVER ASSAULT crowd-control"),
    "18": ("ASSAULT", None, ""),
    "181": ("ASSAULT", "abduct", ""), "182": ("ASSAULT", "beat", ""), "1821": ("ASSAULT", "sexual", ""),
    "1822": ("ASSAULT", "torture", ""), "183": ("ASSAULT", "explosives", ""),
    "1831": ("ASSAULT", "suicide-attack", ""), "185": ("ASSAULT", "targeted", "attempted assassination"),
    "186": ("ASSAULT", "targeted", ""),
    "19": ("ASSAULT", None, ""),
    "193": ("ASSAULT", "firearms", ""), "194": ("ASSAULT", "heavy-weapons", ""), "195": ("ASSAULT", "aerial", ""),
}


def plover_for(code: str) -> tuple[str | None, str | None, str]:
    """(PLOVER type, mode, note) of a CAMEO code: the longest prefix in MAP, else the root defaults."""
    root = code[:2]
    if root in ("01", "02"):
        return None, None, "CAMEO-only (PLOVER drops statements and appeals)"
    for n in range(len(code), 1, -1):
        if code[:n] in MAP:
            t, m, note = MAP[code[:n]]
            return t, m, note if code[:n] == code else ""
    return ROOT_TYPE[root], ROOT_MODE.get(root), ""


def quad_class_of(code: str) -> int:
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


def rows() -> list[dict]:
    """The rows of cameo.jsonl, in file order."""
    out = []
    for line in (HERE / "cameo_codes.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        code, name, gold = line.split("\t")
        ptype, pmode, note = plover_for(code)
        notes = [note] if note else []
        if code[:2] == "09":
            notes.append("GDELT QuadClass 2 kept; PLOVER files investigations under ACCUSE (verbal conflict)")
        if code[:2] == "14" and len(code) == 2:
            notes.append("GDELT QuadClass 3 kept; PLOVER calls PROTEST material conflict")
        out.append({"code": code, "name": name, "goldstein": float(gold), "quad_class": quad_class_of(code),
                     "plover_type": ptype, "plover_mode": pmode, "notes": "; ".join(notes)})
    return out


def main() -> None:
    table = rows()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as f:
        for r in table:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(table)} codes to {OUT}")


if __name__ == "__main__":
    main()
