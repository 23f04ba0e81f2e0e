"""What each module of a package imports, relative imports resolved: the checker behind test_repo_layers.py.

``from ..store import Store`` in ``marsad/pipeline/x.py`` is an import of ``marsad.store``; a layering rule that
skipped relative imports could never catch the most common way a module reaches across the package.
"""
from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Import:
    path: Path  # the importing file
    line: int
    importer: str  # its dotted module name
    target: str  # the absolute dotted name imported


def module_name(pkg_dir: Path, path: Path) -> tuple[str, bool]:
    """(dotted name, is a package __init__) of ``path`` inside the package rooted at ``pkg_dir``."""
    parts = [pkg_dir.name, *path.relative_to(pkg_dir).with_suffix("").parts]
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


def resolve(importer: str, is_package: bool, level: int, module: str | None) -> str:
    """The absolute name of ``from <level dots><module> import ...`` written in module ``importer``."""
    if level == 0:
        return module or ""
    base = importer.split(".") if is_package else importer.split(".")[:-1]
    if level - 1 > len(base) - 1:
        raise ValueError(f"{importer}: relative import beyond the top-level package (level {level})")
    base = base[:len(base) - (level - 1)]
    return ".".join(base + ([module] if module else []))


def imports(pkg_dir: Path) -> Iterator[Import]:
    """Every import in every module of the package at ``pkg_dir`` (functions and TYPE_CHECKING blocks included).
    ``from . import x`` yields ``<package>.x`` (x may be a submodule)."""
    for path in sorted(pkg_dir.rglob("*.py")):
        name, is_pkg = module_name(pkg_dir, path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Import):
                for a in node.names:
                    yield Import(path, node.lineno, name, a.name)
            elif isinstance(node, ast.ImportFrom):
                base = resolve(name, is_pkg, node.level, node.module)
                if node.module is None:
                    for a in node.names:
                        yield Import(path, node.lineno, name, f"{base}.{a.name}")
                else:
                    yield Import(path, node.lineno, name, base)


def within(name: str, prefix: str) -> bool:
    """Is module ``name`` the module ``prefix`` or inside it?"""
    return name == prefix or name.startswith(prefix + ".")
