"""A short, seeded schemathesis run against a real ``marsad serve`` on loopback (issue 21, item 7).

Every operation of ``/openapi.json``, with data that fits the schema and data that does not (positive and negative
generation, ``MAX_EXAMPLES`` each, derandomized so the run is the same every time), with the write token. Checks:
no 5xx, every status the document lists for the operation, replies that fit their schemas and content types, the
headers documented, invalid data refused with a 4xx, an undocumented method refused, and the token required
where the document says so. Not run: ``positive_data_acceptance``, because some valid-looking values are refused
by what the server knows and no schema can say (a cursor this server did not issue, an actor name the knowledge base
does not know): those are 400s by design. The figure is printed (``-s``) and kept in docs/api.md."""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from api.live import serving
from marsad.store import Store
from store.docfactory import sample_docs

TOKEN = "schemathesis-token"
MAX_EXAMPLES = 25


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("schemathesis")
    db = tmp / "st.duckdb"
    with Store(db) as s:
        s.upsert_documents([(d, None) for d in sample_docs()])
    with serving(db, tmp / "serve.log", token=TOKEN) as url:
        yield url


def test_every_operation_holds_to_the_openapi_document(base):
    schema = schemathesis.openapi.from_url(base + "/openapi.json")
    failures: list[str] = []
    cases = 0
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 12
    for op in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            @given(case=op.as_strategy(generation_mode=mode))
            @settings(max_examples=MAX_EXAMPLES, derandomize=True, deadline=None, database=None,
                      suppress_health_check=list(HealthCheck))
            def run(case):
                nonlocal cases
                cases += 1
                case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"},
                                       excluded_checks=[positive_data_acceptance])
            try:
                run()
            except Unsatisfiable:
                pass  # nothing to make invalid: the operation takes no parameter
            except Exception as exc:  # noqa: BLE001 - every operation is run, then every failure shown
                failures.append(f"{op.label} ({mode.value}): {exc}"[:3000])
    print(f"\nschemathesis: {len(operations)} operations, {cases} cases, {len(failures)} failing")
    assert not failures, "\n\n".join(failures)
    assert cases >= len(operations) * MAX_EXAMPLES // 2
