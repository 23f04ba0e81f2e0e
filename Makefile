# Two entry points for a newcomer: `make demo` and `make test`. Both install what they need.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared

.PHONY: demo test fuzz venv deps-test system-deps seed bench rules docs-shots clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

venv: $(BIN)/python
	$(BIN)/pip install -q -e '.[all]'

demo: venv
	$(BIN)/marsad demo --db marsad.duckdb

system-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian chromium for the browser tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || \
	  echo "warning: could not install chromium; browser tests will be skipped"; }
	@command -v java >/dev/null 2>&1 || { \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null) || \
	  echo "warning: could not install java; spark tests will be skipped"; }

deps-test: $(BIN)/python system-deps
	$(BIN)/pip install -q -e '.[all,test]'

test: deps-test
	$(BIN)/python -m pytest -q -n 2 --dist loadgroup

# longer fuzzing than `make test` runs: the hypothesis fuzz tests with 100x the examples, then atheris on code for
# FUZZ_SECONDS (crashes are saved under artifacts/fuzz/)
FUZZ_SECONDS ?= 600
fuzz: deps-test
	MARSAD_FUZZ_PROFILE=marsad-fuzz $(BIN)/python -m pytest -q -p no:xdist tests/pipeline/test_pipeline_fuzz.py \
	  tests/ingest/test_ingest_readers_fuzz.py tests/api/test_api_fuzz.py
	mkdir -p artifacts/fuzz/corpus
	$(BIN)/python tools/fuzz_code.py -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
	  -artifact_prefix=artifacts/fuzz/ artifacts/fuzz/corpus

seed: venv
	$(PY) $(SHARED)/seed/check_seed.py --cmd "$(BIN)/marsad code --format json {file}"

# after editing tools/rules/*.txt: regenerate the rule files and the case table, refresh the KB manifest, validate
rules: venv
	$(BIN)/python tools/rules/gen_cameo.py
	$(BIN)/python tools/rules/gen_triggers.py
	$(BIN)/python tools/rules/gen_cues.py
	$(BIN)/python tools/rules/gen_cases.py
	$(BIN)/python -m marsad.kb.manifest
	$(BIN)/marsad kb validate

# screenshots of every dashboard view (docs/screenshots/*.png, linked from the README), over the demo corpus, in
# Debian chromium: tools/docs_shots.py
docs-shots: deps-test
	$(BIN)/python tools/docs_shots.py --out docs/screenshots

bench: venv
	$(BIN)/marsad bench --docs 2000

clean:
	rm -rf $(VENV) marsad.duckdb build dist src/*.egg-info
