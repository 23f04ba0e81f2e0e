"""Build and check kb/data/manifest.json: the KB version and the sha256 of every data file.

``python -m marsad.kb.manifest [--version V] [--check] [DATA_DIR]`` rewrites the manifest (keeping the recorded
kb_version unless --version is given) or, with --check, exits 1 when it is stale. Imports ``marsad.kb.loader``.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .loader import DATA_DIR, MANIFEST, data_files, file_sha256

DEFAULT_VERSION = "2026.11.0"


def compute(data_dir: Path = DATA_DIR, version: str | None = None) -> dict:
    """The manifest that matches the files now in ``data_dir``."""
    old = data_dir / MANIFEST
    if version is None:
        version = DEFAULT_VERSION
        if old.exists():
            try:
                version = json.loads(old.read_text(encoding="utf-8")).get("kb_version", DEFAULT_VERSION)
            except json.JSONDecodeError:
                pass
    return {"kb_version": version, "files": {p.name: file_sha256(p) for p in data_files(data_dir)}}


def render(manifest: dict) -> str:
    return json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def write(data_dir: Path = DATA_DIR, version: str | None = None) -> dict:
    man = compute(data_dir, version)
    (data_dir / MANIFEST).write_text(render(man), encoding="utf-8")
    return man


def stale_files(data_dir: Path = DATA_DIR) -> list[str]:
    """Names of files whose sha256 differs from the manifest (or that are missing from it / from the disk)."""
    path = data_dir / MANIFEST
    recorded = json.loads(path.read_text(encoding="utf-8")).get("files", {}) if path.exists() else {}
    current = compute(data_dir)["files"]
    return sorted(n for n in set(recorded) | set(current) if recorded.get(n) != current.get(n))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m marsad.kb.manifest", description=__doc__.splitlines()[0])
    ap.add_argument("data_dir", nargs="?", type=Path, default=DATA_DIR)
    ap.add_argument("--version", default=None, help="set kb_version (default: keep the recorded one)")
    ap.add_argument("--check", action="store_true", help="exit 1 if the manifest does not match the files")
    args = ap.parse_args(argv)
    if args.check:
        stale = stale_files(args.data_dir)
        if stale:
            print("manifest.json is stale for: " + ", ".join(stale) + " (rebuild: python -m marsad.kb.manifest)",
                  file=sys.stderr)
            return 1
        print("manifest.json is current")
        return 0
    man = write(args.data_dir, args.version)
    print(f"wrote {args.data_dir / MANIFEST}: kb_version {man['kb_version']}, {len(man['files'])} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
