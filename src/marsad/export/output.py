"""Safe output files: an export never destroys what it reads, nor the file it replaces.

Three rules for every file an export writes:
  1. the target is never the store being read, nor any DuckDB database (refused, even with ``force``);
  2. an existing file is replaced only with ``force`` (the CLI's ``--force``); otherwise the export is refused;
  3. the new content goes to a temporary file in the same directory, flushed to disk, and renamed over the target
     only when complete: a full disk, a kill or an error leaves the previous file as it was and no partial file.
A target that exists and is not a regular file (``/dev/stdout``, a named pipe) is written directly.
Any OS error becomes one ``OutputError`` line (E103) naming the path and the reason.

Imports ``marsad.errors`` only.
"""
from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path
from typing import Iterator

from ..errors import OutputError

DUCKDB_MAGIC = b"DUCK"  # bytes 8-12 of every DuckDB database file
_UMASK = os.umask(0o022)
os.umask(_UMASK)


def _same(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def is_duckdb(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(12)[8:12] == DUCKDB_MAGIC
    except OSError:
        return False


def check_target(path: str | Path, *, store_path: str | None = None, force: bool = False) -> Path:
    """Refuse ``path`` if it is the store (or its write-ahead log), any DuckDB database, or an existing file
    without ``force``; return it as a Path."""
    out = Path(path)
    if store_path and store_path != ":memory:":
        db = Path(store_path)
        for guarded in (db, Path(f"{store_path}.wal")):
            if _same(out, guarded) or out.resolve() == guarded.resolve():
                raise OutputError(f"{out} is the store being read ({store_path}): give another output path",
                                  path=str(out))
    if not out.exists():
        return out
    mode = out.stat().st_mode
    if not stat.S_ISREG(mode):
        return out  # /dev/stdout, a pipe: written directly
    if is_duckdb(out):
        raise OutputError(f"{out} is a DuckDB database: an export never replaces one (move it away first)",
                          path=str(out))
    if not force:
        raise OutputError(f"{out} exists: give --force to replace it", path=str(out))
    return out


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


class Staged:
    """Files written under temporary names in their own directories and renamed together by ``commit``."""

    def __init__(self) -> None:
        self._pending: list[tuple[Path, Path]] = []  # (temporary, final)
        self._targets: list[Path] = []  # every final path, in order (special files included)

    def path(self, final: str | Path) -> Path:
        """A temporary path beside ``final`` to write instead of it (a special file: ``final`` itself)."""
        final = Path(final)
        self._targets.append(final)
        if final.exists() and not final.is_file():
            return final
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp", dir=final.parent or ".")
        except OSError as exc:
            raise OutputError(f"cannot write {final}: {_reason(exc)}", path=str(final)) from None
        os.close(fd)
        with contextlib.suppress(OSError):  # the mode a plain open() would give (mkstemp makes it private)
            os.chmod(tmp, stat.S_IMODE(final.stat().st_mode) if final.exists() else 0o666 & ~_UMASK)
        self._pending.append((Path(tmp), final))
        return Path(tmp)

    def final_of(self, name: object) -> str:
        """The target a temporary file stands for (the first target when unknown)."""
        for tmp, final in self._pending:
            if name is not None and str(name) == str(tmp):
                return str(final)
        return str(self._targets[-1]) if self._targets else str(name or "the output")

    def commit(self) -> None:
        try:
            for tmp, _ in self._pending:
                with open(tmp, "rb+") as fh:
                    os.fsync(fh.fileno())
            for tmp, final in self._pending:
                os.replace(tmp, final)
        except OSError as exc:
            raise OutputError(f"cannot write {self._pending[0][1]}: {_reason(exc)}") from None
        finally:
            self.abort()

    def abort(self) -> None:
        for tmp, _ in self._pending:
            with contextlib.suppress(OSError):
                tmp.unlink()
        self._pending.clear()


@contextlib.contextmanager
def staged() -> Iterator[Staged]:
    """Stage files; rename them all on success, remove them on any error (an OS error becomes OutputError)."""
    files = Staged()
    try:
        yield files
    except OSError as exc:
        where = files.final_of(getattr(exc, "filename", None))
        files.abort()
        raise OutputError(f"cannot write {where}: {_reason(exc)}", path=where) from None
    except BaseException:
        files.abort()
        raise
    files.commit()
