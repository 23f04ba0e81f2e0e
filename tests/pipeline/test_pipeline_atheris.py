"""A short run of the atheris (libFuzzer) target for ``code`` (issue 21, fuzzing): ``tools/fuzz_code.py`` for 400
seeded runs from a few written sentences must end with no crash (a non-Marsad exception, a span that is not its
slice of the text, or output that is not strict JSON would stop it with a non-zero exit). ``make fuzz`` runs it
for ten minutes."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

SEEDS = [b"\x01\x00\x00" + "قصفت الطائرات مواقع في المدينة أمس وقتل 12 شخصا.".encode(),  # written for this test
         b"\x02\x01\x01" + b"Iranian forces seized a tanker near Hormuz on Tuesday, officials said.",
         b"\x00\x00\x01" + "التقى وزير الخارجية نظيره \u200f\u0640 في \ud800".encode("utf-8", "surrogatepass")]


def test_a_short_atheris_run_finds_no_crash(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, seed in enumerate(SEEDS):
        (corpus / f"seed{i}").write_bytes(seed)
    res = subprocess.run([sys.executable, str(ROOT / "tools" / "fuzz_code.py"), "-runs=400", "-seed=1",
                          "-max_len=2048", f"-artifact_prefix={tmp_path}/", str(corpus)],
                         capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert res.returncode == 0, res.stderr[-3000:]
    assert "Done 400 runs" in res.stderr and "cov:" in res.stderr
    assert not list(tmp_path.glob("crash-*"))
