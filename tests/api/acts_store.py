"""A store of acts told many times, for the tests of acts versus tellings (API and dashboard): a few acts of the
cluster corpus (``eval/clusters/articles.jsonl``, written for the project), each told by one to five articles in
Arabic and English, coded, stored and clustered by a real ``marsad ingest`` process."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from marsad.evaluate.clusters import default_corpus, load_corpus

# told 4 times (Rafah), 3 (Odesa), 5 (Beirut protest), 4 (Basra arrests), 3 (Amman meeting); and two told once or
# twice that look like act001 (Rafah the next day, Rafah in February)
ACTS = ("act001", "act002", "act021", "act028", "act033", "act041", "act046")


def build(db: Path, acts: tuple[str, ...] | None = ACTS) -> Path:
    """Write the articles of ``acts`` (None: the whole corpus, 80 acts in 198 articles) as JSONL beside ``db`` and
    ingest them with ``marsad ingest``; returns ``db``."""
    rows = [r for r in load_corpus(default_corpus()) if acts is None or r["act"] in acts]
    src = db.with_suffix(".jsonl")
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "marsad", "ingest", str(src), "--db", str(db)],
                          capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise RuntimeError(f"marsad ingest failed: {done.stderr[-2000:]}")
    return db
