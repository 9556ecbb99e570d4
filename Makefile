# Build, check and test the briefing site. `make` builds site/; `make test` is what CI runs.
SHELL := /bin/bash
MAKEFLAGS += --no-print-directory
.DEFAULT_GOAL := site

VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
UV_VERSION := 0.13.8
SITE_LOCK := requirements/site.lock
TEST_LOCK := requirements/test.lock

.PHONY: install install-test lock chromium site serve check lint test test-fast golden clean

# Two pinned sets: what building the site needs (make site, serve, check), and what testing and
# linting add (make test), installed into the same .venv. Each is reinstalled only when its pins change.
install: $(VENV)/.site-installed
install-test: $(VENV)/.test-installed

$(PY):
	python3 -m venv $(VENV)

# uv, bootstrapped from the package index into the venv, installs a set in seconds; pip does it
# where uv cannot be had. The locks pin every package, so neither resolves anything (--no-deps).
define install_pinned
	if [ -x $(UV) ] || $(PY) -m pip install -q --disable-pip-version-check uv==$(UV_VERSION); then \
		$(UV) pip install -q --python $(PY) --no-deps $(1); \
	else \
		$(PY) -m pip install -q --disable-pip-version-check --no-deps $(1); \
	fi
endef

$(VENV)/.site-installed: $(SITE_LOCK) pyproject.toml | $(PY)
	@$(call install_pinned,-r $(SITE_LOCK) -e .)
	touch $@

$(VENV)/.test-installed: $(TEST_LOCK) $(VENV)/.site-installed
	@$(call install_pinned,-r $(TEST_LOCK))
	touch $@

# Regenerate both locks from pyproject.toml after a change to its dependencies. Pins that still fit
# are kept; LOCK_ARGS=--upgrade takes the newest releases. The test lock holds only what the site's lacks.
lock: install
	$(UV) pip compile -q pyproject.toml --python-version 3.11 --no-header --no-annotate $(LOCK_ARGS) -o $(SITE_LOCK)
	cat $(SITE_LOCK) $(TEST_LOCK) > requirements/.all.lock
	$(UV) pip compile -q pyproject.toml --extra test --override requirements/overrides.txt -c $(SITE_LOCK) \
		--python-version 3.11 --no-header --no-annotate $(LOCK_ARGS) -o requirements/.all.lock
	grep -vxFf $(SITE_LOCK) requirements/.all.lock > $(TEST_LOCK); rm requirements/.all.lock

# Debian's Chromium, driven by the browser tests (tests/test_browser.py).
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	else \
		echo "chromium: /usr/bin/chromium is installed"; \
	fi

site: install
	$(PY) -m generator build --strict

# --dirty: an edit rewrites only the pages it changes (the plugin keeps them right: generator/mkdocs/serve.py).
# Material's notice of its end of life is for maintainers (README, "How it is built"), not for every preview.
serve: install
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs serve --dirty -a 127.0.0.1:8000

# CHECK_ARGS="--format github" prints GitHub Actions annotations (CI's first job). With content errors
# the generator exits 1 and make, as for any failed step, 2 (README: "Exit codes").
check: install
	$(PY) -m generator check $(CHECK_ARGS)

lint: install-test
	$(VENV)/bin/ruff check generator tests
	$(VENV)/bin/ruff format --check generator tests
	$(VENV)/bin/mypy

# Both cores (pytest-xdist): each worker drives a browser of its own and serves the sites its tests
# open; a site that several tests read is built once for the run (tests/conftest.py: build_once). The
# pictures of pages for people to look at are left to `make screenshots`.
TEST_WORKERS ?= 2
test: install-test chromium
	$(MAKE) lint
	$(PY) -m pytest -n $(TEST_WORKERS) -m "not screenshots"

# The edit-test loop: no browser, no full build (the markers 'browser' and 'slow', pyproject.toml).
test-fast: install-test
	$(PY) -m pytest -n $(TEST_WORKERS) -m "not browser and not slow"

# Full-page pictures of the sample's and the test corpus's pages, at a desk, on a phone and printed,
# into tests/screenshots/ (not committed): to look at after a change to the templates or the theme.
.PHONY: screenshots
screenshots: install-test chromium
	$(PY) -m pytest -q -m screenshots

# The way out of MkDocs (tests/test_builders.py): the test corpus rendered standalone, built with Zensical
# and with ProperDocs, indexed for search; fails on any page missing or internal link broken. `make test` runs it too.
.PHONY: builders
builders: install-test chromium
	$(PY) -m pytest -q -m builders tests/test_builders.py

# Rewrite the golden files (the pinned pages, drawings, diagnostics and drafts) with what the code makes
# now, after an intended change: review them with git diff. Only this option rewrites them.
golden: install-test
	$(PY) -m pytest -q --update-golden tests/test_render.py tests/test_diagnostics.py tests/test_draft_golden.py

# After changing the sample in content/ on purpose: record it as shipped (content/.sample.sha256), so that
# `init` on a fresh clone knows it for the sample and empties it. A briefing of one's own has no such file.
.PHONY: sample-manifest
sample-manifest: install
	$(PY) -c 'from pathlib import Path; from generator.content.starter import write_manifest; write_manifest(Path("content"))'

clean:
	rm -rf site $(VENV) .pytest_cache .mypy_cache .ruff_cache .audit tests/screenshots *.egg-info .cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

# A long property-based run of the content checker and the drafter (tests/test_fuzz.py, tests/test_draft_fuzz.py,
# with its time budget per kilobyte); `make test` runs a short one.
.PHONY: fuzz
fuzz: install-test
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-10000} $(PY) -m pytest -q -p no:cacheprovider tests/test_fuzz.py tests/test_draft_fuzz.py --hypothesis-show-statistics

# Scale benchmarks (issue 6): corpora of 250, 1,000 and 4,000 articles, cached in benchmarks/.cache/;
# prints the table of goals and bars and writes it to benchmarks/results.md. Options: BENCH_ARGS="--help".
.PHONY: bench
bench: install-test
	$(PY) benchmarks/run.py $(BENCH_ARGS)

# The time to draft an article alone (issue 16): a 1,000-word text against 1,000 actors, median of 7 runs.
.PHONY: bench-draft
bench-draft: install
	$(PY) benchmarks/run.py --draft-only

# Lighthouse scores of the home page, a briefing, a profile and the timeline (tests/audit.py).
# Not part of `make test`. Lighthouse 12.2.3: version 13 needs Node 22. .audit/ ignores itself.
AUDIT_LIGHTHOUSE := .audit/node_modules/.bin/lighthouse

.PHONY: audit
audit: install-test chromium $(AUDIT_LIGHTHOUSE)
	$(PY) -m tests.audit

$(AUDIT_LIGHTHOUSE):
	npm install --save-exact --prefix .audit --no-audit --no-fund lighthouse@12.2.3
	echo '*' > .audit/.gitignore
