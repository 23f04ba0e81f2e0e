"""Every path the docs name resolves inside the repository.

Scanned: every Markdown file of the checkout (README.md, docs/, eval/, src/marsad/**, tools/ …). Checked:

* Markdown link targets (``[text](target)``, anchors stripped): must exist relative to the file and stay inside the
  repository — ``../shared`` sits beside the checkout, so the docs name it in prose, never as a link.
* Inline code that looks like a path (``eval/baseline.json``, ``src/marsad/kb/data/``): a ``/`` plus a file extension
  or a trailing ``/``. It may be written from the repository root, from the file's own folder or from the package
  folder ``src/marsad/`` (as the README's layout does: ``extract/preps.py``); globs and ``{a,b}`` must match a file.
  An absolute machine path (``/work/…``) always fails; a mention of ``../shared/…`` is allowed (it names the folder
  beside the checkout, which CI may not have). Routes (``/v1/events``), URLs, ``~/…``, placeholders (``DIR/``) and
  extension lists (``.gz/.bz2``) are not paths; gitignored output folders (``artifacts/``) need not exist. Fenced
  code blocks are not scanned (they show users' own paths).
"""
from __future__ import annotations

import glob
import itertools
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SKIP_DIRS = {".git", ".venv", ".pytest_cache", ".hypothesis", "node_modules", "build", "dist", "artifacts", "out",
             "__pycache__"}

FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.M | re.S)
LINK = re.compile(r"(?<!!)\[[^\]\n]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
IMAGE = re.compile(r"!\[[^\]\n]*\]\(([^)\s]+)\)")
CODE = re.compile(r"`([^`\n]+)`")
PATHLIKE = re.compile(r"[\w.*{},/-]+")
EXTENSION = re.compile(r"[^/]*[\w*}]\.[A-Za-z][A-Za-z0-9]{0,8}$")  # last segment has an extension (not ".gz" alone)
GENERATED = ("artifacts/", "build/", "dist/", "out/")  # gitignored output folders (made by tests and builds)
ROUTE_ROOTS = ("v1",)  # /v1/... are API routes; any other absolute path of two or more segments is a machine path


def markdown_files() -> list[Path]:
    out = []
    for p in sorted(ROOT.rglob("*.md")):
        rel = p.relative_to(ROOT).parts
        if any(part in SKIP_DIRS or part.endswith(".egg-info") for part in rel[:-1]):
            continue
        out.append(p)
    return out


def _expand_braces(pattern: str) -> list[str]:
    parts = re.split(r"(\{[^{}]*\})", pattern)
    choices = [p[1:-1].split(",") if p.startswith("{") else [p] for p in parts]
    return ["".join(c) for c in itertools.product(*choices)]


def _exists(base: Path, rel: str, root: Path) -> bool:
    for pat in _expand_braces(rel):
        target = base / pat
        if any(ch in pat for ch in "*?["):
            if not any(Path(m).resolve().is_relative_to(root) for m in glob.glob(str(target))):
                return False
        elif not (target.exists() and target.resolve().is_relative_to(root)):
            return False
    return True


def is_path_mention(token: str) -> bool:
    """Inline code that names a file or folder of the repository (see the module docstring)."""
    if "/" not in token or not PATHLIKE.fullmatch(token) or token.startswith(("~", "$")):
        return False
    if re.fullmatch(r"(\.\w+/)+\.\w+", token):  # ".jsonl/.ndjson/.json": a list of extensions
        return False
    segments = [s for s in token.split("/") if s not in ("", ".", "..")]
    if any(re.fullmatch(r"[A-Z][A-Z_]*", s) for s in segments):  # DIR/, OUT/…: a placeholder
        return False
    return token.endswith("/") or bool(EXTENSION.search(token))


def problems_in(md: Path, root: Path = ROOT) -> list[str]:
    """One line per path of ``md`` that does not resolve inside ``root``."""
    text = md.read_text(encoding="utf-8")
    prose = FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), text)  # keep line numbers
    rel_md = md.relative_to(root)
    found = []

    def line_of(pos: int) -> int:
        return prose.count("\n", 0, pos) + 1

    for rx in (LINK, IMAGE):
        for m in rx.finditer(prose):
            target = m.group(1)
            if re.match(r"[a-zA-Z][\w+.-]*:", target) or target.startswith("#"):
                continue  # a URL (https:, mailto:) or an anchor in the same file
            path = target.split("#", 1)[0]
            resolved = (md.parent / path).resolve()
            if not resolved.is_relative_to(root):
                found.append(f"{rel_md}:{line_of(m.start())}: link to {target} leaves the repository")
            elif not resolved.exists():
                found.append(f"{rel_md}:{line_of(m.start())}: link to {target} does not exist")
    for m in CODE.finditer(prose):
        token = m.group(1).strip()
        if token.startswith("/"):
            segments = [s for s in token.split("/") if s]
            if len(segments) >= 2 and segments[0] not in ROUTE_ROOTS and PATHLIKE.fullmatch(token):
                found.append(f"{rel_md}:{line_of(m.start())}: `{token}` is a path on one machine, "
                             "not in the repository")
            continue
        if token == "../shared" or token.startswith(("../shared/", *GENERATED)) or not is_path_mention(token):
            continue
        if not any(_exists(base, token, root) for base in (root, md.parent, root / "src" / "marsad")):
            found.append(f"{rel_md}:{line_of(m.start())}: `{token}` does not exist in the repository")
    return found


def test_the_scan_finds_the_docs():
    names = {p.relative_to(ROOT).as_posix() for p in markdown_files()}
    assert {"README.md", "docs/api.md", "eval/README.md", "src/marsad/kb/data/README.md"} <= names


@pytest.mark.parametrize("token, is_path", [
    ("eval/baseline.json", True), ("src/marsad/kb/data/", True), ("extract/preps.py", True),
    ("gold/*.jsonl", True), ("eval/gold/{dev,test}.jsonl", True),
    ("marsad.code", False), ("USAGOV", False), ("dyad=SAU,IRN", False), ("DIR/", False), (".gz/.bz2", False),
    ("~/.cache/marsad", False), ("k8s://…", False), ("text[start:end] == span.text", False), ("eval/real", False),
    ("TCP/IP", False), ("and/or", False),
])
def test_what_counts_as_a_path(token, is_path):
    assert is_path_mention(token) is is_path


def test_a_broken_doc_is_caught(tmp_path):
    root = tmp_path / "repo"
    for f in ("docs/api.md", "eval/README.md", "src/marsad/kb/data/x.jsonl"):
        (root / f).parent.mkdir(parents=True, exist_ok=True)
        (root / f).write_text("x", encoding="utf-8")
    md = root / "docs" / "guide.md"
    md.write_text("[a](../../shared/DESIGN.md) [b](missing.md) [c](api.md) [d](https://example.org/x.md)\n"
                  "`/work/notes/x.md` `/v1/events` `eval/NOPE.md` `eval/README.md` `kb/data/` `../shared/data`\n"
                  "```sh\npython nothing/here.py\n```\n", encoding="utf-8")
    got = problems_in(md, root)
    assert len(got) == 4, got
    assert "leaves the repository" in got[0] and "missing.md does not exist" in got[1]
    assert "one machine" in got[2] and "`eval/NOPE.md` does not exist" in got[3]


@pytest.mark.parametrize("md", markdown_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_path_in_the_docs_resolves(md):
    problems = problems_in(md)
    assert not problems, "\n".join(problems)
