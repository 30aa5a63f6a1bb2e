# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUN_STAMP  := $(VENV)/.run-installed
TEST_STAMP := $(VENV)/.test-installed

.PHONY: run test setup setup-test system lint typecheck bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The `voice` extra (Piper, GPL-3.0-or-later) is optional for the package, installed here.
# The end-of-turn model (Smart Turn v3.2, 8.7 MB ONNX) and its feature extractor ship inside the
# pipecat-ai wheel (BSD-2-Clause); only those two files are used, so none of its dependencies
# are installed (onnxruntime comes with faster-whisper). Without it, answers end on silence.
TURN_MODEL := pipecat-ai==1.14.0

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[voice]'
	$(BIN)/python -m pip install --quiet --no-deps '$(TURN_MODEL)'
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,voice]'
	$(BIN)/python -m pip install --quiet --no-deps '$(TURN_MODEL)'
	touch $@ $(RUN_STAMP)

## System speech and audio libraries (espeak-ng, PortAudio...) where this machine allows.
system:
	@scripts/install-system-packages.sh

setup: system $(RUN_STAMP)

setup-test: system $(TEST_STAMP)

## Set everything up and start the interview.
run: setup
	$(BIN)/interviewer $(ARGS)

lint: setup-test
	$(BIN)/ruff check interviewer tests $(wildcard bench)

typecheck: setup-test
	$(BIN)/mypy interviewer tests

## Set up the same, plus the test tools, and run every check and test.
test: lint typecheck
	@eval "$$(scripts/virtual-audio.sh start || true)"; $(BIN)/python -m pytest $(PYTEST_ARGS)

## Latency benchmarks (bench/*_latency.py: speech synthesis, the answer-to-next-turn time;
## bench/startup_stall.py: the first screen), on the virtual audio server.
bench: setup-test
	@eval "$$(scripts/virtual-audio.sh start || true)"; \
	rc=0; for b in bench/*_latency.py bench/startup_stall.py; do echo "== $$b"; $(BIN)/python $$b || rc=1; done; exit $$rc

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
