"""An atheris (libFuzzer) target for ``marsad.code``: coverage-guided bytes -> text -> coded document.

Each input is decoded as UTF-8 with surrogate escapes allowed (so lone surrogates and odd bytes reach the coder), a
language and options are drawn from its first bytes, and the document is coded. A MarsadError is an accepted
refusal; any other exception, a span that is not the exact slice of the text it names, or output that is not
strict JSON is a crash that libFuzzer reports and saves. ``make fuzz`` runs it for minutes; the test suite for a
few hundred runs (tests/pipeline/test_pipeline_atheris.py).

    python tools/fuzz_code.py -runs=2000 -seed=1          # libFuzzer flags pass through (-max_total_time=600 ...)
"""
from __future__ import annotations

import json
import sys

import atheris

with atheris.instrument_imports(include=["marsad"]):
    import marsad
    from marsad.errors import MarsadError
    from marsad.model import iter_spans

LANGS = (None, "ar", "en", "auto")


def _no_constant(name: str):
    raise ValueError(f"{name} is not JSON")


def one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    lang = LANGS[fdp.ConsumeIntInRange(0, len(LANGS) - 1)]
    explain, ner = fdp.ConsumeBool(), fdp.ConsumeBool()
    text = fdp.ConsumeBytes(fdp.remaining_bytes()).decode("utf-8", "surrogateescape")
    try:
        doc = marsad.code(text, lang=lang, date="2024-05-07", explain=explain, ner=ner)
    except MarsadError:
        return
    out = doc.to_dict()
    json.loads(json.dumps(out, ensure_ascii=False, allow_nan=False), parse_constant=_no_constant)
    for span in iter_spans(out):
        if doc.text[span["start"]:span["end"]] != span["text"]:
            raise AssertionError(f"span {span} is not text[{span['start']}:{span['end']}]")


def main() -> None:
    marsad.code("تمهيد", lang="ar")  # load the KB before fuzzing starts
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
