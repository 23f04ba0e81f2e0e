"""What one request body of a given size can cost the server: CPU seconds of coding hostile shapes of text.

Each shape is a text whose JSON body ({"text": ...}, UTF-8) is about ``--bytes`` long (2 MB, the default body
limit of ``marsad serve``), coded in this process as ``POST /v1/code`` would (``marsad.code``) with and without
``explain``/``ner``/``all_candidates``; CPU is this process's user+system time for the call, and the stage that
took longest is named. The texts are generated here (``marsad.bench.corpus`` templates and KB names), never read.

    python bench/request_cost.py --bytes 2000000 --json bench/request_cost.json            # as before the budget
    python bench/request_cost.py --bytes 2000000 --max-chars 100000                       # as the server codes now

``--max-chars N`` codes what ``POST /v1/code`` codes under ``marsad serve --max-chars N`` (``api.budget.cut``).
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time

from marsad.api.budget import cut
from marsad.bench.corpus import generate
from marsad.pipeline import Coder
from marsad.pipeline import code as code_one


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _fill(unit: str, size: int, sep: str = " ") -> str:
    body = len(json.dumps({"text": unit + sep}, ensure_ascii=False).encode()) - 12
    return (unit + sep) * max(1, size // max(1, body))


def shapes(size: int) -> dict[str, str]:
    news_ar = "\n".join(d.text for d in generate(n=max(1, size // 2000) + 1, lang="ar", seed=11).docs)
    news_en = "\n".join(d.text for d in generate(n=max(1, size // 2000) + 1, lang="en", seed=11).docs)
    cut = lambda t: t.encode()[: size].decode(errors="ignore")  # noqa: E731
    names = "السعودية وإيران والعراق وتركيا ومصر والأردن وقطر والإمارات والكويت وعمان ولبنان وسوريا"
    return {
        "ar news (distinct articles)": cut(news_ar),
        "en news (distinct articles)": cut(news_en),
        "one ar sentence repeated": _fill("قصفت الطائرات الروسية مواقع في مدينة خاركيف الأوكرانية فجر الثلاثاء.", size),
        "ar, no sentence end": _fill("هاجمت قوات الجيش مواقع المسلحين و", size, ""),
        "ar, coordinated actors, one sentence": "التقى وزراء خارجية " + _fill(names + " و", size - 200, "") +
        " في الرياض.",
        "ar triggers only": _fill("قصف هجوم غارة اشتباك اعتقال احتجاج تظاهرة عقوبات", size),
        "digits and numbers": _fill("قتل 1,234,567 شخصا و٣٤٥ جنديا و 12.5 مليون دولار", size),
        "one long word": "ب" * (size // 2),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bytes", type=int, default=2_000_000)
    ap.add_argument("--only", nargs="*", help="shape names to run (substring)")
    ap.add_argument("--options", choices=["plain", "all", "both"], default="both")
    ap.add_argument("--max-chars", type=int, help="code only what the server's budget codes (api/budget.py)")
    ap.add_argument("--json", help="write the results here")
    args = ap.parse_args(argv)
    Coder.default()
    rows = []
    opts = {"plain": [{}], "all": [{"explain": True, "ner": True, "all_candidates": True}]}
    opts["both"] = opts["plain"] + opts["all"]
    for name, text in shapes(args.bytes).items():
        if args.only and not any(o in name for o in args.only):
            continue
        body = len(json.dumps({"text": text}, ensure_ascii=False).encode())
        for extra in opts[args.options]:
            timings: dict[str, float] = {}
            c0, w0 = _cpu(), time.perf_counter()
            end = cut(text, args.max_chars) if args.max_chars else len(text)
            doc = code_one(text[:end], date="2024-05-07", timings=timings, **extra)
            cpu, wall = _cpu() - c0, time.perf_counter() - w0
            worst = max(timings, key=timings.get) if timings else "-"
            row = {"shape": name, "options": ",".join(extra) or "plain", "body_bytes": body, "chars": len(text),
                   "cpu_s": round(cpu, 2), "wall_s": round(wall, 2), "events": len(doc.events),
                   "coded_chars": end, "slowest_stage": worst,
                   "slowest_stage_s": round(timings.get(worst, 0.0), 2)}
            rows.append(row)
            print(json.dumps(row, ensure_ascii=False), flush=True)
    worst = max(rows, key=lambda r: r["cpu_s"])
    print(f"worst: {worst['cpu_s']} CPU s ({worst['shape']}, {worst['options']})", file=sys.stderr)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(rows, f, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
