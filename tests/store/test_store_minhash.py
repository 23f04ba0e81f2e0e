"""The store's MinHash (numpy only, issue 24) gives datasketch's values byte for byte, so signatures and LSH band
rows written by earlier versions (computed with datasketch) keep matching new ones."""
from __future__ import annotations

import random
import sys

import numpy as np
import pytest

from marsad.store import dedup


@pytest.mark.parametrize("n_words", [dedup.MIN_WORDS, 26, 60, 400, 1500])
def test_signature_equals_datasketch(n_words: int) -> None:
    import datasketch  # pinned in the ingest extra: the reference the stored signatures were made with
    rng = random.Random(n_words)
    vocab = [f"w{i}" for i in range(300)] + ["قصفت", "الرياض", "وزير", "الخارجية"]
    perms = datasketch.MinHash(num_perm=dedup.NUM_PERM, seed=dedup.SEED, scheme=dedup.SCHEME).permutations
    for _ in range(10):
        ws = [rng.choice(vocab) for _ in range(n_words)]
        m = datasketch.MinHash(num_perm=dedup.NUM_PERM, seed=dedup.SEED, permutations=perms, scheme=dedup.SCHEME)
        m.update_batch(dedup.shingles(ws))
        assert dedup._signature(ws) == np.asarray(m.hashvalues, dtype="<u4").tobytes()


def test_short_text_has_no_signature() -> None:
    assert dedup.signature("كلمة " * (dedup.MIN_WORDS - 1)) is None


def test_signing_does_not_import_datasketch() -> None:
    import subprocess

    code = ("import sys; from marsad.store import dedup; dedup.signature('w ' * 40 + 'x y z'); "
            "print(any(m.split('.')[0] in ('datasketch', 'scipy') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"
