# Etalase — the two commands of the README are `make build` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check -q

.PHONY: build test lint format validate serve bench bench-hugo golden screenshots lock clean help

help:
	@echo "make build     install pinned dependencies into .venv, validate content/, write _site/"
	@echo "make test      install test dependencies, run the linter and the whole test suite"
	@echo "make validate  check content/ only"
	@echo "make serve     preview on http://127.0.0.1:8000/ with rebuild on change"
	@echo "make bench     build a synthetic catalog (N=10000): time, products/s, peak RSS; then 300 phone photos cold/warm;"
	@echo "               then Etalase against Hugo (make bench-hugo)"
	@echo "make bench-hugo  Etalase and Hugo side by side on 1k and 10k products (installs Debian hugo if missing)"
	@echo "make golden    refresh tests/golden/ after an intended output change"
	@echo "make screenshots  retake the pictures of docs/panduan-ikm.md (docs/img/)"
	@echo "make lock      re-pin requirements*.txt from requirements*.in (with hashes)"

$(VENV)/.deps: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --require-hashes -r requirements.txt
	touch $@

$(VENV)/.dev-deps: requirements-dev.txt $(VENV)/.deps
	$(PIP) install --require-hashes -r requirements-dev.txt
	touch $@

BASE_URL ?=
build: $(VENV)/.deps
	$(PY) build.py build$(if $(BASE_URL), --base-url "$(BASE_URL)")

validate: $(VENV)/.deps
	$(PY) build.py validate

serve: $(VENV)/.deps
	$(PY) build.py serve

lint: $(VENV)/.dev-deps
	$(PY) -m ruff check etalase tests tools build.py

format: $(VENV)/.dev-deps
	$(PY) -m ruff format etalase tests tools build.py

test: lint
	$(PY) -m pytest

BENCH_N ?= 10000
BENCH_PHOTOS ?= 300
BENCH_HUGO_N ?= 1000 10000
bench: $(VENV)/.dev-deps
	$(PY) tools/bench.py --products $(BENCH_N) --record docs/benchmarks.md
	$(PY) tools/bench_photos.py --photos $(BENCH_PHOTOS) --record docs/benchmarks.md
	$(MAKE) bench-hugo

# BENCH_HUGO_N="1000 10000 100000" adds the long 100k run
bench-hugo: $(VENV)/.deps
	$(PY) tools/bench_hugo.py --products $(BENCH_HUGO_N) --runs 3 --record docs/benchmarks.md

golden: $(VENV)/.dev-deps
	ETALASE_UPDATE_GOLDEN=1 $(PY) -m pytest -q tests/test_golden.py

screenshots: $(VENV)/.dev-deps
	ETALASE_SCREENSHOTS=$(CURDIR)/docs/img $(PY) -m pytest -q -k screenshots tests/

lock:
	$(PY) -m pip install -q pip-tools
	$(PY) -P -m piptools compile -q --generate-hashes --strip-extras --allow-unsafe -o requirements.txt requirements.in
	$(PY) -P -m piptools compile -q --generate-hashes --strip-extras --allow-unsafe -o requirements-dev.txt requirements-dev.in

clean:
	rm -rf _site .etalase-cache .pytest_cache .ruff_cache
