"""Dependencies point down (STYLE.md, principle 6): the text layer imports nothing else of marsad, the knowledge base
knows no extraction, the pipeline never reaches storage or the front ends, and the API and the Spark layer do not
import each other or the CLI. Relative imports count (``from ..store import Store`` is an import of marsad.store),
and the checker is shown to fail on a small package written in tmp_path.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

import marsad

from ._imports import Import, imports, resolve, within

PKG = Path(marsad.__file__).resolve().parent

FRONT_ENDS = ("marsad.store", "marsad.api", "marsad.cli", "marsad.scale", "marsad.ingest", "marsad.export",
              "marsad.analytics", "marsad.bench", "marsad.evaluate")
# importer (module or package) -> marsad modules it must not import
FORBIDDEN = {
    "marsad.text": FRONT_ENDS + ("marsad.kb", "marsad.extract", "marsad.pipeline", "marsad.model"),
    "marsad.kb": FRONT_ENDS + ("marsad.extract", "marsad.pipeline"),
    "marsad.extract": FRONT_ENDS,
    "marsad.pipeline": FRONT_ENDS,
    "marsad.api": ("marsad.cli", "marsad.scale"),
    "marsad.scale": ("marsad.cli", "marsad.api"),
}
# packages closed to everything outside the standard library, themselves and the third-party names listed
CLOSED = {"marsad.text": {"regex"}}


def violations(found: list[Import], forbidden: dict[str, tuple[str, ...]],
               closed: dict[str, set[str]]) -> list[str]:
    out = []
    for imp in found:
        where = f"{imp.path.name}:{imp.line}: {imp.importer} imports {imp.target}"
        for layer, banned in forbidden.items():
            if within(imp.importer, layer) and any(within(imp.target, b) for b in banned):
                out.append(where)
        for layer, third_party in closed.items():
            if within(imp.importer, layer) and not within(imp.target, layer):
                top = imp.target.split(".")[0]
                if top not in sys.stdlib_module_names and top not in third_party and top != "__future__":
                    out.append(where + f" (outside {layer})")
    return out


def test_the_package_keeps_its_layers():
    found = list(imports(PKG))
    relative = [i for i in found if i.target.startswith("marsad.") and i.path.parent != PKG]
    assert relative, "the checker sees no import inside marsad: it would pass without looking"
    assert violations(found, FORBIDDEN, CLOSED) == []


# --- the checker, on a package written here ----------------------------------------------------------------------

def _tree(root: Path, files: dict[str, str]) -> Path:
    for rel, src in files.items():
        p = root / "fake" / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(src, encoding="utf-8")
    return root / "fake"


@pytest.mark.parametrize("importer, is_pkg, level, module, target", [
    ("fake.text.a", False, 1, "b", "fake.text.b"),
    ("fake.text.a", False, 2, "store", "fake.store"),
    ("fake.text", True, 1, "b", "fake.text.b"),
    ("fake.text", True, 2, None, "fake"),
    ("fake.text.sub.x", False, 3, "store.db", "fake.store.db"),
    ("fake.a", False, 0, "os.path", "os.path"),
])
def test_relative_imports_resolve_against_the_module(importer, is_pkg, level, module, target):
    assert resolve(importer, is_pkg, level, module) == target


def test_a_relative_import_above_the_package_is_refused():
    with pytest.raises(ValueError):
        resolve("fake.a", False, 3, "x")


def test_the_checker_catches_relative_and_absolute_crossings(tmp_path):
    pkg = _tree(tmp_path, {
        "__init__.py": "",
        "store/__init__.py": "",
        "store/db.py": "import sqlite3\n",
        "text/__init__.py": "from . import tokens\n",
        "text/tokens.py": "import re\nfrom .norm import fold\n",
        "text/norm.py": "def fold(s):\n    from ..store import db  # a lazy import counts too\n    return s\n",
        "text/deep/x.py": "from ...store.db import connect\nimport numpy\n",
        "pipeline.py": "from .text import tokens\nimport fake.store.db\n",
    })
    found = list(imports(pkg))
    got = violations(found, {"fake.text": ("fake.store",), "fake.pipeline": ("fake.store",)}, {"fake.text": set()})
    assert sorted(got) == [
        "norm.py:2: fake.text.norm imports fake.store",  # relative, inside a function
        "norm.py:2: fake.text.norm imports fake.store (outside fake.text)",
        "pipeline.py:2: fake.pipeline imports fake.store.db",
        "x.py:1: fake.text.deep.x imports fake.store.db",  # three dots, from a subpackage
        "x.py:1: fake.text.deep.x imports fake.store.db (outside fake.text)",
        "x.py:2: fake.text.deep.x imports numpy (outside fake.text)",
    ]
    # the same tree with only the allowed imports passes
    (pkg / "text" / "norm.py").write_text("def fold(s):\n    return s\n", encoding="utf-8")
    (pkg / "text" / "deep" / "x.py").write_text("from ..tokens import re\n", encoding="utf-8")
    (pkg / "pipeline.py").write_text("from .text import tokens\n", encoding="utf-8")
    assert violations(list(imports(pkg)), {"fake.text": ("fake.store",), "fake.pipeline": ("fake.store",)},
                      {"fake.text": set()}) == []
