# Etalase — the two commands of the README are `make build` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check -q

.PHONY: build test check-site lint format validate serve bench bench-hugo bench-search golden screenshots lock clean help

help:
	@echo "make build     install pinned dependencies into .venv, validate content/, write _site/"
	@echo "make test      install test dependencies, run the linter and the whole test suite"
	@echo "make check-site  the quality gate: vnu, axe-core, Lighthouse, sitemap XSD, feeds, links over the sample site"
	@echo "make validate  check content/ only"
	@echo "make serve     preview on http://127.0.0.1:8000/ with rebuild on change"
	@echo "make bench     build a synthetic catalog (N=10000): time, products/s, peak RSS; then 300 phone photos cold/warm;"
	@echo "               then Etalase against Hugo (make bench-hugo) and our search against Pagefind (make bench-search)"
	@echo "make bench-hugo  Etalase and Hugo side by side on 1k and 10k products (installs Debian hugo if missing)"
	@echo "make bench-search  our static search against Pagefind in Chromium: bytes, time to results, warm queries,"
	@echo "               index build; BENCH_SEARCH_SIZES=\"1000 10000 100000\" (the default) sets the catalog sizes"
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

# pagefind for make bench-search and its smoke test (tests/test_bench_search.py)
$(VENV)/.bench-deps: requirements-bench.txt $(VENV)/.dev-deps
	$(PIP) install --require-hashes -r requirements-bench.txt
	touch $@

# the independent checkers of make check-site (vnu.jar, axe-core, Lighthouse), pinned by
# tools/checkers/package-lock.json; npm only fetches packages (Chromium comes from Debian)
CHECKERS := .cache/checkers
$(CHECKERS)/.installed: tools/checkers/package.json tools/checkers/package-lock.json
	mkdir -p $(CHECKERS)
	cp tools/checkers/package.json tools/checkers/package-lock.json $(CHECKERS)/
	cd $(CHECKERS) && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
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

# one pytest-xdist worker per core: most of the suite waits on Chromium, Lighthouse, the HTML
# checker or a build it started (10.5 minutes in one process on 2 cores, 6.4 in two)
test: lint $(VENV)/.bench-deps $(CHECKERS)/.installed
	$(PY) -m pytest -n auto

# the quality gate alone (also part of make test): vnu, axe, Lighthouse, sitemap XSD, feeds,
# links, assets and JSON-LD over the built sample catalog, and the broken fixture they must catch
check-site: $(VENV)/.dev-deps $(CHECKERS)/.installed
	$(PY) -m pytest -q tests/test_quality.py tests/test_site.py

BENCH_N ?= 10000
BENCH_PHOTOS ?= 300
BENCH_HUGO_N ?= 1000 10000
bench: $(VENV)/.dev-deps
	$(PY) tools/bench.py --products $(BENCH_N) --record docs/benchmarks.md
	$(PY) tools/bench_photos.py --photos $(BENCH_PHOTOS) --record docs/benchmarks.md
	$(MAKE) bench-hugo
	$(MAKE) bench-search

# BENCH_HUGO_N="1000 10000 100000" adds the long 100k run
bench-hugo: $(VENV)/.deps
	$(PY) tools/bench_hugo.py --products $(BENCH_HUGO_N) --runs 3 --record docs/benchmarks.md

# the 100k catalog takes the longest (its build draws 110,000 share cards); BENCH_SEARCH_SIZES="1000 10000" skips it
BENCH_SEARCH_SIZES ?= 1000 10000 100000
bench-search: $(VENV)/.bench-deps
	$(PY) tools/bench_search.py --products $(BENCH_SEARCH_SIZES) --record docs/benchmarks.md

golden: $(VENV)/.dev-deps
	ETALASE_UPDATE_GOLDEN=1 $(PY) -m pytest -q tests/test_golden.py

screenshots: $(VENV)/.dev-deps
	ETALASE_SCREENSHOTS=$(CURDIR)/docs/img $(PY) -m pytest -q -k screenshots tests/

lock:
	$(PY) -m pip install -q pip-tools
	$(PY) -P -m piptools compile -q --generate-hashes --strip-extras --allow-unsafe -o requirements.txt requirements.in
	$(PY) -P -m piptools compile -q --generate-hashes --strip-extras --allow-unsafe -o requirements-dev.txt requirements-dev.in
	$(PY) -P -m piptools compile -q --generate-hashes --strip-extras --allow-unsafe -o requirements-bench.txt requirements-bench.in

clean:
	rm -rf _site .etalase-cache .pytest_cache .ruff_cache
