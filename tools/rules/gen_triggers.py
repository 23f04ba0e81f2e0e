"""Generate src/marsad/kb/data/triggers_{ar,en}.jsonl from the compact lexicons lexicon_ar.txt / lexicon_en.txt.

Run: python tools/rules/gen_triggers.py   (deterministic; the shipped files are its output, do not edit them)

Lexicon format (one trigger sense per line; '#' starts a comment):

    @ TYPE [mode=M] [cameo=C] [key=value ...]      section header: defaults for the lines below
                                                   (TYPE "-" = CAMEO-only statement/appeal, type null)
    name | KIND | spec | key=value ...              one entry; id = "<lang>.<type>.<name>" (fields are
                                                   separated by ' | ' with spaces; '|' inside {} has none)

KIND and spec:
    V   "PAST/PRESENT"        Arabic verb: past 3ms / present 3ms (with its ي); every 3rd-person past and present
                              form, dual and plural, subjunctive/jussive, and 1st-plural present are generated;
                              several verbs may be given separated by ','.   English: "base[/past[/participle]]"
                              (-s, -ed, -ing are generated; irregular past/participle given after '/').
    VP  "PAST/PRESENT rest"   verb forms as V, each followed by the rest of the phrase (rest may hold {a|b}).
    N   "SING [PL ...]"       Arabic noun: singular + accusative (-ا) + dual (-ان/-ين, ة -> تان/تين) + plurals
                              (a plural starting with '+' is a suffix on the singular minus its ة, e.g. +ات).
                              English: "sing [plural]" (plural defaults to sing+s).
    P   "a, b {x|y} c"        literal forms/phrases, ',' separated; {x|y|} expands to alternatives ('' allowed).
                              "<nationality>" is a slot for one nisba/demonym word ("use of <nationality> nuclear
                              weapons"); the engine takes its country as the source.

keys: mode, cameo, s (strength), preps (target prepositions, ','), ctx (context_any), ex (exclude_any), rec
(reciprocal), pass (passive), patient (the word after the trigger is its victim: the genitive of a verbal noun,
"اغتيال الصحفي", and a counted noun after a verb read as passive, "قتل ثلاثة جنود"), speech (a CAMEO code: when every source is a civilian political actor — a government,
party or parliament, no armed sector — the sense is this verbal one: "شن عباس هجوما على حماس" = criticize),
pos (override), note, novso. Keys given on a line override the section defaults.
"$NAME = a,b,c" defines a macro; "$NAME" in later lines is replaced by its value (shared exclusion lists).

VSO companions: Arabic puts the subject between a verb and its object ("فرضت الولايات المتحدة عقوبات"), so a
verb phrase (VP) cannot match contiguously in VSO sentences. For every (type, verb, CAMEO code) used in VP lines the
generator adds one entry "<first id>.vso" with the verb's forms alone, context_any = the last content word of
every object in those lines (one must stand within the engine's window), the union of their exclude_any, and
strength 0.15 lower. "novso" on a
line opts out.

A form already listed for the same PLOVER type by an earlier entry is dropped from the later entry (reported);
an entry left with no forms is skipped (and reported).
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


_HARAKAT = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})


def loose_key(form: str) -> str:
    """Key under which two forms are the same pattern for the engine: it strips an optional article from the words
    after the first, so "سحب القوات" and "سحب قوات" are one pattern and only the first is kept."""
    toks = normalize_key(form).split()
    return " ".join(toks[:1] + [t[2:] if t.startswith("ال") and len(t) > 4 else t for t in toks[1:]])


def normalize_key(text: str) -> str:
    """The matching-view folding of marsad.text.normalize_key (spec of issue 4), restated here so the generator
    runs even while the package is being edited: harakat/tatweel dropped, alef forms -> ا, ى -> ي, ة -> ه,
    lowercase, spaces collapsed. The loader re-checks duplicates with the real function."""
    return " ".join(_HARAKAT.sub("", text).translate(_FOLD).lower().split())

DATA = ROOT / "src" / "marsad" / "kb" / "data"

# ------------------------------------------------------------------------------------------- Arabic morphology


def ar_verb(past: str, pres: str) -> list[str]:
    """Third-person past/present forms of an Arabic verb (plus 1st plural present), without harakat."""
    out = [past]
    if past.endswith("ى"):  # defective: أجرى أجرت أجريا أجروا
        b = past[:-1]
        out += [b + "ت", b + "يا", b + "تا", b + "وا"]
    elif past.endswith("ا") and len(past) >= 3:  # defective in waw: دعا دعت دعوا
        b = past[:-1]
        out += [b + "ت", b + "تا", b + "وا"]
    elif past.endswith("ي") and len(past) == 3:  # لقي لقيت لقيا لقوا
        out += [past + "ت", past + "ا", past + "تا", past[:-1] + "وا"]
    else:
        out += [past + "ت", past + "ا", past + "تا", past + "وا"]
    if not pres.startswith("ي"):
        raise ValueError(f"present {pres!r} must start with ي")
    s = pres[1:]
    out += ["ي" + s, "ت" + s, "ن" + s]
    if s.endswith("ي") or s.endswith("و"):  # يجري / يدعو
        sb = s[:-1]
        out += ["ي" + s + "ان", "ت" + s + "ان", "ي" + sb + "ون", "ي" + sb + "وا", "ي" + s + "ا", "ت" + s + "ا"]
    elif s.endswith("ى"):  # يتلقى / يسعى
        sb = s[:-1]
        out += ["ي" + sb + "يان", "ت" + sb + "يان", "ي" + sb + "ون", "ي" + sb + "وا", "ي" + sb + "يا"]
    else:
        out += ["ي" + s + "ان", "ت" + s + "ان", "ي" + s + "ون", "ي" + s + "وا", "ي" + s + "ا", "ت" + s + "ا"]
    return out


def ar_noun(spec: str) -> list[str]:
    words = spec.split()
    sing, plurals = words[0], words[1:]
    out = [sing]
    stem = sing[:-1] if sing.endswith("ة") else sing
    if sing.endswith("ة"):
        out += [stem + "تان", stem + "تين"]
    else:
        if not sing.endswith(("ا", "ى", "ء", "ي")):
            out.append(sing + "ا")
        out += [sing + "ان", sing + "ين"]
    for p in plurals:
        out.append(stem + p[1:] if p.startswith("+") else p)
    return out


# ------------------------------------------------------------------------------------------ English morphology


def en_verb(spec: str) -> list[str]:
    parts = spec.split("/")
    base = parts[0]
    words = base.split(" ", 1)
    head, rest = words[0], (" " + words[1] if len(words) > 1 else "")
    if head.endswith("ee") or head.endswith("ye"):  # agree -> agreed, agreeing
        ing, ed = head + "ing", head + "d"
    elif head.endswith("e"):
        ing, ed = head[:-1] + "ing", head + "d"
    elif re.search(r"[^aeiou]y$", head):
        ing, ed = head + "ing", head[:-1] + "ied"
    else:
        ing, ed = head + "ing", head + "ed"
    if re.search(r"(s|sh|ch|x|z|o)$", head):
        s3 = head + "es"
    elif re.search(r"[^aeiou]y$", head):
        s3 = head[:-1] + "ies"
    else:
        s3 = head + "s"
    past = parts[1] if len(parts) > 1 and parts[1] else ed
    part = parts[2] if len(parts) > 2 and parts[2] else past
    if len(parts) > 3 and parts[3]:
        ing = parts[3]
    elif re.search(r"([bdgmnprt])\1ed$", past.split("|")[0]):  # stepped -> stepping
        ing = past.split("|")[0][:-2] + "ing"
    forms = [head, s3, ing]
    forms += past.split("|") + part.split("|")
    return [f + rest for f in forms]


def en_noun(spec: str) -> list[str]:
    words = spec.split("|")
    sing = words[0]
    if len(words) > 1:
        return [sing] + [w for w in words[1:] if w]
    if re.search(r"[^aeiou]y$", sing):
        return [sing, sing[:-1] + "ies"]
    if re.search(r"(s|sh|ch|x|z)$", sing):
        return [sing, sing + "es"]
    return [sing, sing + "s"]


# ------------------------------------------------------------------------------------------------- expansion


def expand_braces(text: str) -> list[str]:
    m = re.search(r"\{([^{}]*)\}", text)
    if not m:
        return [" ".join(text.split())]
    out: list[str] = []
    for alt in m.group(1).split("|"):
        out += expand_braces(text[:m.start()] + alt + text[m.end():])
    return out


def verb_forms(lang: str, spec: str) -> list[str]:
    out: list[str] = []
    for one in spec.split(","):
        one = one.strip()
        if lang == "ar":
            past, pres = one.split("/")
            out += ar_verb(past.strip(), pres.strip())
        else:
            out += en_verb(one)
    return out


def phrase_forms(lang: str, spec: str) -> list[str]:
    """VP: the first word(s) up to the first space after '/' are the verb; the rest is appended."""
    out: list[str] = []
    for one in spec.split(","):
        one = one.strip()
        if lang == "ar" and "/" not in one.split()[0]:
            out += expand_braces(one)  # a literal alternative inside a VP line (Arabic verbs always have '/')
            continue
        if lang == "ar":
            m = re.match(r"(\S+)/(\S+)(?:\s+(.*))?$", one)
            if not m:
                raise ValueError(f"VP spec {one!r}: want 'PAST/PRESENT [rest]'")
            heads = ar_verb(m.group(1), m.group(2))
            rest = m.group(3) or ""
        else:
            m = re.match(r"(\S+)(?:\s+(.*))?$", one)
            if not m:
                raise ValueError(f"VP spec {one!r}: want 'verb[/past[/pp]] [rest]'")
            heads = en_verb(m.group(1))
            rest = m.group(2) or ""
        for h in heads:
            for r in expand_braces(rest):
                out.append(f"{h} {r}".strip())
    return out


def literal_forms(spec: str) -> list[str]:
    out: list[str] = []
    for one in spec.split(","):
        if one.strip():
            out += expand_braces(one.strip())
    return out


KIND_POS = {"V": "verb", "VP": "phrase", "N": "noun", "P": "phrase"}
AR_PREPS = {"إلى", "الى", "على", "عن", "في", "من", "مع", "لدى", "بين", "ب", "ل"}
# prepositions specific enough to stand for the object of a verb in a VSO companion (not في/من/ب/ل)
AR_COMPANION_PREPS = {"عن", "على", "مع", "إلى", "الى", "لدى", "بين"}
# modifiers that say little on their own: the word before them is used ("الرصاص الحي" -> الرصاص)
AR_WEAK = {"أرض", "ارض", "طيار", "الحي", "الحية", "حي", "حية", "نارية", "ناري", "باليستيا", "باليستية", "تجريبيا",
           "الثقيلة", "ثقيلة", "المسيل", "للدموع", "الصوتية", "المطاطي", "المطاطية", "هاون", "كاتيوشا",
           "إطلاق", "لإطلاق", "اطلاق", "لاطلاق"}  # "وقف إطلاق (النار)": وقف; إطلاق alone is any launch or release
# first words too generic to tell a sense apart: the next word of the object is used as context instead
AR_GENERIC = {"حملة", "حملات", "عملية", "عمليات", "العملية", "العمليات", "جلسة", "حالة", "مزيد", "المزيد", "آلاف", "عشرات", "مئات",
              "النار", "نار", "قوات", "القوات", "أي", "كل", "بأنه", "بأنها", "أن", "إن", "بأن", "الذي", "التي",
              "العام", "العامة", "عام", "عامة", "جديد", "جديدة", "الجديد", "الجديدة", "إضافية", "إضافي", "واسعة",
              "واسع", "شامل", "شاملة", "الدولي", "الدولية", "دولي", "دولية", "قوة", "عدد"}  # "خفض عدد القوات": خفض
AR_PROCLITICS = ("وبال", "وال", "بال", "لل", "كال", "فال", "ال", "ب", "ل")


def _ctx_variants(word: str) -> set[str]:
    """A context word and its article/preposition-stripped bases (the engine compares word bases)."""
    out = {word}
    if word.endswith("ة") and len(word) >= 4:
        out.add(word[:-1] + "ت")  # before a possessive suffix ة is written ت: "أسلحتها" -> base "أسلحت"
    for p in AR_PROCLITICS:
        if word.startswith(p) and len(word) - len(p) >= 3:
            out.add(word[len(p):])
            if p.endswith("ال") or p == "لل":
                out.add("ال" + word[len(p):])
    return out


def vso_parts(spec: str) -> list[tuple[str, str, set[str]]]:
    """For an Arabic VP spec: (past, present, content words that follow the verb) per verb element.

    In VSO order the subject stands between the verb and its object ("فرضت الولايات المتحدة عقوبات"), so the
    contiguous phrase cannot match; the generator adds a companion verb entry that needs one of these content
    words within the engine's context window instead."""
    out = []
    for one in spec.split(","):
        m = re.match(r"\s*(\S+)/(\S+)(?:\s+(.*))?$", one)
        if not m or not m.group(3):
            continue
        words: set[str] = set()
        for alt in expand_braces(m.group(3)):
            toks = [t for t in alt.split() if t not in AR_PREPS]
            had_words = bool(toks)
            toks = [t for t in toks if t not in AR_GENERIC]
            while len(toks) > 1 and toks[-1] in AR_WEAK:
                toks = toks[:-1]
            if toks:  # the last content word is the most specific ("مناورات مشتركة" -> مشتركة)
                words |= _ctx_variants(toks[-1])
            elif had_words:  # only generic words ("قوات إضافية"): the first one carries the sense
                words |= _ctx_variants([t for t in alt.split() if t not in AR_PREPS][0])
            else:  # only a preposition follows the verb ("أفرج عن"): a specific one is context enough
                first = alt.split()[0] if alt.split() else ""
                if first in AR_COMPANION_PREPS:
                    words.add(first)
        if words:
            out.append((m.group(1), m.group(2), words))
    return out
EN_PARTICLES = {"off", "up", "down", "out", "with", "to", "on", "from", "into", "in", "over", "back", "for", "of",
                "against", "at", "away", "about", "as", "by"}
EN_STOP = {"a", "an", "the", "its", "their", "his", "her", "our", "new", "more", "further", "all", "any", "some",
           "of", "to", "from", "with", "on", "in", "for", "and", "or", "it", "them", "that"}


def en_gap_parts(spec: str) -> list[tuple[str, set[str]]]:
    """For an English VP spec: (verb spec, the object's last content words) per element whose object follows the
    verb directly ("launch {drones|a drone}"): "launched 10 drones" or "struck three nuclear sites" put words
    between the verb and its object, so the generator adds a companion entry with the verb alone that needs one of
    these words within the engine's context window. Phrasal verbs ("break off talks") get no companion."""
    out = []
    for one in spec.split(","):
        m = re.match(r"\s*(\S+)\s+(.*)$", one)
        if not m:
            continue
        words: set[str] = set()
        for alt in expand_braces(m.group(2)):
            toks = alt.split()
            if not toks or toks[0] in EN_PARTICLES:
                words = set()
                break
            content = [t for t in toks if t not in EN_STOP]
            if content:
                words.add(content[-1])
        if words:
            out.append((m.group(1), words))
    return out


OPT_RE = re.compile(r'(\w+)=("[^"]*"|\S+)|(\w+)')


def parse_opts(text: str) -> dict[str, str | bool]:
    opts: dict[str, str | bool] = {}
    for m in OPT_RE.finditer(text):
        if m.group(1):
            v = m.group(2)
            opts[m.group(1)] = v[1:-1] if v.startswith('"') else v
        else:
            opts[m.group(3)] = True
    return opts


def split_list(v: str | bool | None) -> list[str]:
    if not v or v is True:
        return []
    return [x.replace("_", " ") for x in str(v).split(",") if x]


def build(lang: str) -> list[dict]:
    src = HERE / f"lexicon_{lang}.txt"
    entries: list[dict] = []
    section: dict[str, str | bool] = {}
    owner: dict[tuple, str] = {}  # (form, type) of entries, (form, type, CAMEO code) of companions -> id
    dropped = 0
    vso: dict[tuple[str | None, str], dict] = {}
    macros: dict[str, str] = {}
    for no, raw in enumerate(src.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        where = f"{src.name}:{no}"
        m_macro = re.match(r"\$(\w+)\s*=\s*(.*)$", line)
        if m_macro:
            macros[m_macro.group(1)] = m_macro.group(2).strip()
            continue
        for name_, value_ in sorted(macros.items(), key=lambda kv: -len(kv[0])):
            line = line.replace("$" + name_, value_)
        if line.startswith("@"):
            head = line[1:].split()
            section = parse_opts(" ".join(head[1:]))
            section["type"] = head[0]
            continue
        parts = [p.strip() for p in re.split(r"\s\|\s", line, maxsplit=3)]
        if len(parts) < 3:
            raise SystemExit(f"{where}: want 'name | KIND | spec [| options]'")
        name, kind, spec = parts[0], parts[1], parts[2]
        opts = dict(section)
        opts.update(parse_opts(parts[3]) if len(parts) > 3 else {})
        ttype = None if opts["type"] == "-" else str(opts["type"])
        try:
            if kind == "V":
                forms = verb_forms(lang, spec)
            elif kind == "VP":
                forms = phrase_forms(lang, spec)
            elif kind == "N":
                forms = []
                for one in spec.split(","):
                    forms += ar_noun(one.strip()) if lang == "ar" else en_noun(one.strip())
            elif kind == "P":
                forms = literal_forms(spec)
            else:
                raise ValueError(f"unknown KIND {kind!r}")
        except ValueError as exc:
            raise SystemExit(f"{where}: {exc}") from None
        tid = f"{lang}.{(ttype or ('appeal' if str(opts.get('cameo', '')).startswith('02') else 'statement')).lower()}.{name}"
        keep: list[str] = []
        for f in forms:
            key = (loose_key(f), ttype)
            if key in owner:
                if owner[key] != tid:
                    dropped += 1
                continue
            owner[key] = tid
            keep.append(f)
        if not keep:
            print(f"  skipped {where}: every form of {tid} is already listed by an earlier entry")
            continue
        if "cameo" not in opts:
            raise SystemExit(f"{where}: no cameo code (give cameo= on the line or the section)")
        mode = opts.get("mode")
        rec = {
            "id": tid, "lang": lang, "type": ttype, "mode": None if mode in (None, "-", True) else mode,
            "cameo": str(opts["cameo"]), "forms": keep, "pos": str(opts.get("pos", KIND_POS[kind])),
            "reciprocal": bool(opts.get("rec", False)), "passive": bool(opts.get("pass", False)),
            "target_preps": split_list(opts.get("preps")), "context_any": split_list(opts.get("ctx")),
            "exclude_any": split_list(opts.get("ex")), "strength": float(opts.get("s", 0.85)),
            "notes": str(opts.get("note", "")) if opts.get("note") is not True else "",
        }
        if opts.get("patient"):
            rec["patient"] = True
        if lang == "ar" and kind == "VP":
            rec["verbal"] = True  # its first word is a verb: a finite form of it tells an occurrence
        if opts.get("speech"):
            rec["speech_cameo"] = str(opts["speech"])
        if any(e["id"] == tid for e in entries):
            raise SystemExit(f"{where}: duplicate id {tid}")
        entries.append(rec)
        if lang == "en" and kind == "VP" and not opts.get("novso"):
            for verb, words in en_gap_parts(spec):
                group = vso.setdefault((ttype, verb.split("/")[0], rec["cameo"]),
                                       {"verb": verb, "ctx": set(), "ex": set(), "rec": rec, "ids": []})
                group["ctx"] |= words
                group["ex"] |= set(rec["exclude_any"])
                group["ids"].append(tid)
        if lang == "ar" and kind == "VP" and not opts.get("novso"):
            for past, pres, words in vso_parts(spec):
                group = vso.setdefault((ttype, normalize_key(past), rec["cameo"]),
                                       {"verb": (past, pres), "ctx": set(), "ex": set(), "rec": rec, "ids": []})
                group["ctx"] |= words
                group["ex"] |= set(rec["exclude_any"])
                group["ids"].append(tid)
    used: Counter[str] = Counter()
    for (ttype, _key, _cameo), group in vso.items():
        base = group["rec"]
        used[base["id"]] += 1
        suffix = "vso" if lang == "ar" else "gap"
        tid = f"{base['id']}.{suffix}" + (str(used[base["id"]]) if used[base["id"]] > 1 else "")
        keep = []
        for f in (ar_verb(*group["verb"]) if lang == "ar" else en_verb(group["verb"])):
            # one companion per (type, verb, CAMEO code): the context words present choose among them ("lifted …
            # sanctions" is 085, "lifted … the siege" 0872); CAMEO-only senses share type None, so the code tells
            # a claim (015) from "announced" (010) too
            if ttype is not None and (loose_key(f), ttype) in owner:
                continue  # the verb alone is already a trigger of this type
            key = (loose_key(f), ttype, base["cameo"])
            if key in owner:
                continue
            owner[key] = tid
            keep.append(f)
        if not keep:
            continue
        # a companion's object follows its object word, not the verb: "patient" (the word after the trigger is its
        # victim) stays with the phrase entry; the engine reads the genitive of the object word (events.py)
        entries.append({**{k: v for k, v in base.items() if k != "patient"}, "id": tid, "forms": keep, "pos": "verb",
                        "context_any": sorted(group["ctx"] | set(base["context_any"])),
                        "exclude_any": sorted(group["ex"]),
                        "strength": round(max(0.45, base["strength"] - 0.15), 2),
                        "notes": ("VSO companion of " if lang == "ar" else "gap companion of ") +
                                 ", ".join(dict.fromkeys(group["ids"])) +
                                 (": the subject stands between the verb and these objects" if lang == "ar"
                                  else ": numbers and adjectives stand between the verb and these objects")})
    entries.sort(key=lambda e: e["id"])
    print(f"{lang}: {len(entries)} entries, {sum(len(e['forms']) for e in entries)} forms "
          f"({dropped} duplicate forms dropped)")
    return entries


def main() -> None:
    for lang in ("ar", "en"):
        entries = build(lang)
        out = DATA / f"triggers_{lang}.jsonl"
        with out.open("w", encoding="utf-8") as f:
            for e in entries:
                f.write(json.dumps(e, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
