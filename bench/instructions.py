"""Instructions per real article (not a test): callgrind counts of the coder, the steady measure on a busy host.

    .venv/bin/python bench/instructions.py [--docs 100] [--skip 0 [--warm 0]] [--stages [--rounds 3]] [--regex] [--zero COUNT] [--json]

Runs ``valgrind --tool=callgrind`` (``PYTHONHASHSEED=0``) over a worker process that loads the coder (``Coder()``)
and codes the first ``--docs`` articles of ``../shared/data/saudinewsnet-dev/articles.jsonl.gz`` (read at run time,
never copied; the article's ``text`` with ``lang="ar"`` and its date, as ``bench/memo_bytes.py`` codes them), and
over the same worker with 0 articles; the difference divided by ``--docs`` is the coder's cost per article (memos
warm up over the run, as they do in an ingest). ``--regex`` also counts a plain ``re.findall(r"\\w+")`` pass over
the same texts the same way (N texts minus 0) and prints the ratio. ``--skip S --warm W`` measures articles S..S+N-1
after coding articles S-W..S-1 in both runs (memos warm, as deep into a long ingest; the default measures cold
memos, as the README's figures were).

``--stages`` adds the share of each coding stage (``extract/stages``): the coder's own per-stage timer
(``Coder.code(timings=...)``), outside callgrind, best of ``--rounds`` passes per stage over the same articles (the
least disturbed by other load), applied to the instruction count. A share of (wall) time, not an instruction count
of the stage: callgrind sees only the interpreter's C functions, not which Python stage runs.

The regex pass is small (about 1M instructions per article): whether a full collection of the cyclic GC falls inside
its run moves it by ~9% (0.96M or 1.04M per article on the first 100 articles, depending on this script's own
allocations), so compare ratios made by the same version of this script. The coder's count moves ~0.2% at most.

The worker reads the N articles in both runs (the 0 run reads them and codes none), so the reading and JSON parsing
cancel out; the KB load cancels out too. The load is reported apart, never hidden: two more runs read the articles
and only import ``marsad.pipeline`` (``--import-only``), or nothing at all (``--bare``), so ``coder_0 - bare`` is what
loading costs once per process (the import, then ``Coder()``: the KB, gazetteer, lexicons and the decision model
with its word tables, ``extract/decision.load_model``), and the line after the per-article figure spreads it over
the N articles (what a process that codes only N articles pays per article). With ``--warm`` the 0 run also codes
the warm-up articles, so the load is not separated then.

The teardown is reported apart too: at exit the interpreter frees what is still alive and runs a last collection
(``Py_FinalizeEx``), and after N articles that includes the memos they filled, so ``coder_n - coder_0`` holds ~1M
instructions an article of a cost paid once per process, at its end. Its inclusive count in each run (read from the
callgrind output with ``callgrind_annotate --inclusive=yes``) gives the per-article figure without it; the figure with
it is printed first, as earlier rounds reported it.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
REAL = ROOT.parent / "shared" / "data" / "saudinewsnet-dev" / "articles.jsonl.gz"


def read_articles(n: int, skip: int = 0) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    if n <= 0:
        return out
    with gzip.open(REAL, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i < skip:
                continue
            r = json.loads(line)
            out.append((r["text"], r.get("date")))
            if len(out) >= n:
                break
    return out


# ---------------------------------------------------------------------------------------------------------------
# the worker (runs under callgrind)

def worker(args: argparse.Namespace) -> int:
    warm = read_articles(args.warm, args.skip - args.warm) if args.warm else []
    docs = read_articles(args.docs, args.skip)[:args.code]
    if args.bare:  # the reading alone: the baseline of the load
        return 0
    if args.regex:
        word = re.compile(r"\w+")
        n = 0
        for text, _ in docs:
            n += len(word.findall(text))
        return 0
    import marsad.pipeline as pipeline

    if args.import_only:  # the import alone: the first part of the load
        return 0
    coder = pipeline.Coder()
    for text, date in warm:  # in both runs: the memos warm, as in a long ingest
        coder.code(text, lang="ar", date=date)
    for text, date in docs:
        coder.code(text, lang="ar", date=date)
    return 0


def stage_shares(n: int, skip: int, rounds: int) -> dict[str, float]:
    """Share of each stage in the coding time of the N articles: per stage, the least of ``rounds`` passes."""
    import marsad.pipeline as pipeline

    docs = read_articles(n, skip)
    coder = pipeline.Coder()
    for text, date in docs:  # warm the memos as the callgrind run's
        coder.code(text, lang="ar", date=date)
    best: dict[str, float] = {}
    for _ in range(rounds):
        t: dict[str, float] = {}
        for text, date in docs:
            coder.code(text, lang="ar", date=date, timings=t)
        for k, v in t.items():
            best[k] = min(best.get(k, v), v)
    total = sum(best.values())
    return {k: v / total for k, v in sorted(best.items(), key=lambda kv: -kv[1])}


# ---------------------------------------------------------------------------------------------------------------
# the driver

def _callgrind(argv: list[str], out: Path) -> int:
    env = dict(os.environ, PYTHONHASHSEED="0")
    src = str(ROOT / "src")
    env["PYTHONPATH"] = src + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", "--dump-instr=no", "--dump-line=no",
           sys.executable, str(Path(__file__).resolve()), "--worker", *argv]
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for line in out.read_text(errors="replace").splitlines():
        if line.startswith("summary:") or line.startswith("totals:"):
            return int(line.split()[1])
    raise RuntimeError(f"no totals in {out}")


def _teardown(out: Path) -> int:
    """Inclusive instructions of ``Py_FinalizeEx`` (the interpreter's exit) in a callgrind output, 0 if absent."""
    got = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", str(out)],
                         capture_output=True, text=True).stdout
    for line in got.splitlines():
        if re.search(r"[:.]Py_FinalizeEx(?:'\d+)? ", line):
            return int(line.split()[0].replace(",", ""))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=100)
    ap.add_argument("--skip", type=int, default=0, help="articles of the file passed over first")
    ap.add_argument("--warm", type=int, default=0, help="code the WARM articles before --skip first, in both runs "
                    "(steady-state cost: memos warm; needs --skip >= --warm)")
    ap.add_argument("--stages", action="store_true", help="also each stage's share (in-process, outside callgrind)")
    ap.add_argument("--regex", action="store_true", help="also the re.findall(r'\\w+') pass and the ratio")
    ap.add_argument("--zero", type=int, help="the 0-article count of an earlier run (skips that run: only when the "
                    "KB load and the reading are unchanged)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--keep", help="directory to keep the callgrind outputs in")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--code", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--bare", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--import-only", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--rounds", type=int, default=3, help="passes of --stages (default 3)")
    args = ap.parse_args(argv)
    if args.worker:
        if args.code is None:
            args.code = args.docs
        return worker(args)
    n = args.docs
    with tempfile.TemporaryDirectory(prefix="marsad-instr-") as tmp:
        d = Path(args.keep) if args.keep else Path(tmp)
        d.mkdir(parents=True, exist_ok=True)
        if args.warm > args.skip:
            ap.error("--warm needs --skip >= --warm (the warm-up articles are the ones before --skip)")
        base = ["--docs", str(n), "--skip", str(args.skip), "--warm", str(args.warm)]
        full = _callgrind([*base, "--code", str(n)], d / "coder-n.out")
        zero = args.zero if args.zero is not None else _callgrind([*base, "--code", "0"], d / "coder-0.out")
        report: dict = {"articles": n, "skip": args.skip, "warm": args.warm, "instructions": {"coder_n": full, "coder_0": zero},
                        "per_article": round((full - zero) / n)}
        if args.zero is None:  # the teardown at exit apart (see the module docstring): once per process
            fn, f0 = _teardown(d / "coder-n.out"), _teardown(d / "coder-0.out")
            report["teardown"] = {"coder_n": fn, "coder_0": f0, "per_article": round((fn - f0) / n)}
            report["per_article_without_teardown"] = round(((full - fn) - (zero - f0)) / n)
        if not args.warm:  # the load apart (see the module docstring): once per process, not per article
            bare = _callgrind([*base, "--code", "0", "--bare"], d / "bare-0.out")
            imported = _callgrind([*base, "--code", "0", "--import-only"], d / "import-0.out")
            report["instructions"].update(bare_0=bare, import_0=imported)
            report["load"] = {"total": zero - bare, "import": imported - bare, "coder_init": zero - imported}
            report["per_article_with_load"] = round((full - bare) / n)
        if args.regex:
            rf = _callgrind([*base, "--code", str(n), "--regex"], d / "regex-n.out")
            r0 = _callgrind([*base, "--code", "0", "--regex"], d / "regex-0.out")
            report["instructions"].update(regex_n=rf, regex_0=r0)
            report["regex_per_article"] = round((rf - r0) / n)
            report["ratio_to_regex"] = round((full - zero) / max(rf - r0, 1), 1)
            if "teardown" in report:
                tn, t0 = _teardown(d / "regex-n.out"), _teardown(d / "regex-0.out")
                report["regex_per_article_without_teardown"] = round(((rf - tn) - (r0 - t0)) / n)
                report["ratio_to_regex_without_teardown"] = round(
                    report["per_article_without_teardown"] / max(report["regex_per_article_without_teardown"], 1), 1)
            if "load" in report:
                report["ratio_to_regex_with_load"] = round((full - report["instructions"]["bare_0"]) / max(rf - r0, 1), 1)
        if args.stages:
            shares = stage_shares(n, args.skip, args.rounds)
            report["stage_shares"] = {k: round(v, 4) for k, v in shares.items()}
            report["stages_per_article"] = {k: round(v * report["per_article"]) for k, v in shares.items()}
    if args.json:
        print(json.dumps(report, indent=1))
        return 0
    print(f"{n} articles (skip {args.skip}): {report['per_article'] / 1e6:.2f}M instructions per article "
          f"({full:,} - {zero:,})")
    if "teardown" in report:
        print(f"of which {report['teardown']['per_article'] / 1e6:.2f}M per article is the interpreter's teardown at "
              f"exit (Py_FinalizeEx: freeing the memos the articles filled, its last collection), once per process: "
              f"{report['per_article_without_teardown'] / 1e6:.2f}M per article without it")
    if "load" in report:
        load = report["load"]
        print(f"load, once per process (not in the figure above): {load['total'] / 1e6:,.1f}M instructions "
              f"(import {load['import'] / 1e6:,.1f}M, Coder() {load['coder_init'] / 1e6:,.1f}M); spread over these "
              f"{n} articles: {report['per_article_with_load'] / 1e6:.2f}M per article")
    if args.regex:
        also = ([f"{report['ratio_to_regex_without_teardown']}x without the teardown"]
                if "ratio_to_regex_without_teardown" in report else []) \
            + ([f"{report['ratio_to_regex_with_load']}x with the load spread over the {n} articles"]
               if "ratio_to_regex_with_load" in report else [])
        print(f"re.findall(r'\\w+'): {report['regex_per_article'] / 1e3:.1f}k per article; "
              f"ratio {report['ratio_to_regex']}x" + (f" ({'; '.join(also)})" if also else ""))
    if args.stages:
        print("per stage (share of the coder's stage timer, best of --rounds, applied to the count):")
        for k, v in report["stages_per_article"].items():
            print(f"  {k:24} {v / 1e6:7.2f}M  {100 * report['stage_shares'][k]:5.1f}%")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
