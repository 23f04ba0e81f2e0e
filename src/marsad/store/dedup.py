"""Duplicate keys of a text: exact (hash of the normalized text) and near (MinHash over word shingles, banded for LSH).

Pure functions, cheap enough to run in the ingest workers next to the coder:

- ``norm_key(text)``: sha256 (24 hex) of the normalized word sequence, so copies differing only in diacritics,
  alef/ya/ta-marbuta forms, case, punctuation or spacing share a key.
- ``signature(text)``: 128 MinHash values over word 3-shingles as bytes, or None for a text of fewer than
  ``MIN_WORDS`` words (short briefs are matched exactly only). The values are those of datasketch 2.x's
  ``MinHash(num_perm=128, seed=7, scheme="affine32").update_batch`` (sha1 32-bit hashes, MurmurHash3 pre-mix,
  affine permutations mod 2**32; a test holds the equality when datasketch is installed), computed here with numpy
  alone: importing datasketch loads scipy, ~47 MB of resident memory in every ingest process. ``jaccard(a, b)``
  estimates the shingle Jaccard similarity of two signatures.
- ``band_hashes(sig)``: one 63-bit hash per LSH band (32 bands x 4 rows). The banding is fixed whatever the
  threshold, so band rows stored by one run serve every later run; candidates are then checked against the
  threshold with ``jaccard``. With 32x4 bands a pair at similarity 0.5 becomes a candidate with p = 0.87, at
  0.6 with p = 0.99, so thresholds from 0.5 up are supported.

Imports nothing of marsad but ``marsad.text.normalize``.
"""
from __future__ import annotations

import hashlib
import struct
import unicodedata
from operator import methodcaller

import numpy as np
import regex

from ..text import normalize

NUM_PERM = 128
BANDS, ROWS = 32, 4
SHINGLE = 3
SEED = 7
MIN_WORDS = 25  # shorter texts get no signature: in a brief, one changed word ("5 killed" / "50 killed") matters
SCHEME = "affine32"  # datasketch 2.x default, named so stored signatures stay comparable across versions

_WORD = regex.compile(r"[\p{L}\p{N}]+")
_MARKS = regex.compile(r"\p{M}+")
# single letters to single letters (or nothing), none of them the target of another: the order does not matter
_FOLD_PAIRS = (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ة", "ه"), ("ـ", ""))

_PERMS: tuple[np.ndarray, np.ndarray] | None = None
_DIGEST = methodcaller("digest")
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))


def words(text: str) -> list[str]:
    """The normalized words of a text: folded Arabic letter forms, no diacritics, casefolded."""
    # ``normalize(text).norm.strip()`` is ``normalize_key(text)``; the view is memoized and the coder has just made
    # it for the same text, so in the ingest this is a cache lookup instead of a second folding
    folded = normalize(text).norm.strip()
    # NFKD then drop every combining mark: the marks are found by \p{M} (a superset), kept unless combining
    folded = _MARKS.sub(_drop_combining, unicodedata.normalize("NFKD", folded))
    for ch, to in _FOLD_PAIRS:  # str.translate with a dict looks every character up: far slower
        if ch in folded:
            folded = folded.replace(ch, to)
    return _WORD.findall(folded.casefold())


def _drop_combining(m: regex.Match) -> str:
    return "".join(ch for ch in m[0] if not unicodedata.combining(ch))


def norm_key(text: str) -> str:
    return _key(words(text))


def _key(ws: list[str]) -> str:
    return hashlib.sha256(" ".join(ws).encode("utf-8", "surrogatepass")).hexdigest()[:24]


def keys(text: str, near: bool = True) -> tuple[str, bytes | None]:
    """(norm_key, signature) of a text, reading its words once; no signature when ``near`` is false."""
    ws = words(text)
    return _key(ws), (_signature(ws) if near else None)


def shingles(ws: list[str], k: int = SHINGLE) -> list[bytes]:
    if not ws:
        return []
    if len(ws) < k:
        return [" ".join(ws).encode("utf-8", "surrogatepass")]
    return list({" ".join(ws[i:i + k]).encode("utf-8", "surrogatepass") for i in range(len(ws) - k + 1)})


def signature(text: str) -> bytes | None:
    """128 MinHash values of the text's word 3-shingles (uint32, little endian), or None without words."""
    return _signature(words(text))


def _signature(ws: list[str]) -> bytes | None:
    global _PERMS
    if len(ws) < MIN_WORDS:
        return None
    if _PERMS is None:  # drawn once per process, exactly as datasketch draws them for (NUM_PERM, SEED, SCHEME)
        gen = np.random.RandomState(SEED)
        a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
        _PERMS = (a, gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32))
    a, b = _PERMS
    # the 3-shingles as bytes, then one sha1 each, all in C (map): the first 4 bytes of each digest, little endian
    bw = " ".join(ws).encode("utf-8", "surrogatepass").split(b" ")  # words hold no space
    shingled = set(map(b" ".join, zip(bw, bw[1:], bw[2:]))) if len(bw) >= SHINGLE else {b" ".join(bw)}
    digests = b"".join(map(_DIGEST, map(hashlib.sha1, shingled)))
    hv = np.frombuffer(digests, dtype="<u4")[::5].astype(np.uint32)  # 20-byte digest = 5 words: the first of each
    s1, m1, s2, m2, s3 = _FMIX32  # MurmurHash3's finalizer, as datasketch's affine schemes pre-mix (in place)
    hv ^= hv >> s1
    hv *= m1
    hv ^= hv >> s2
    hv *= m2
    hv ^= hv >> s3
    out = np.multiply.outer(a, hv)  # one row per permutation; uint32 arithmetic wraps: affine maps mod 2**32
    out += b[:, None]
    return out.min(axis=1).astype("<u4").tobytes()


def jaccard(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    x, y = np.frombuffer(a, dtype="<u4"), np.frombuffer(b, dtype="<u4")
    return float(np.count_nonzero(x == y)) / len(x)


_BAND_STARTS = tuple(range(0, BANDS * ROWS * 4, ROWS * 4))  # each band's first byte in a signature
_UNPACK_BANDS = struct.Struct(f"<{BANDS}q").unpack


def band_hashes(sig: bytes) -> list[int]:
    """One signed 63-bit integer per band (fits DuckDB BIGINT): the first 8 bytes of the blake2b digest of the band's
    ``ROWS`` values, as a little-endian signed integer shifted right by one (digests unpacked at once)."""
    blake2b, width = hashlib.blake2b, ROWS * 4
    return [h >> 1 for h in _UNPACK_BANDS(b"".join([blake2b(sig[i:i + width], digest_size=8).digest()
                                                     for i in _BAND_STARTS]))]
