# Build, check and test the briefing site. `make` builds site/; `make test` is what CI runs.
SHELL := /bin/bash
MAKEFLAGS += --no-print-directory
.DEFAULT_GOAL := site

VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install chromium site serve check lint test golden clean

install: $(STAMP)

# Reinstall only when the pins or the project metadata change.
$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -r requirements.lock
	$(PY) -m pip install --no-deps -e .
	touch $@

# Debian's Chromium, driven by the browser tests (tests/test_browser.py).
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	else \
		echo "chromium: /usr/bin/chromium is installed"; \
	fi

site: install
	$(PY) -m generator build --strict

serve: install
	$(VENV)/bin/mkdocs serve --dirty -a 127.0.0.1:8000

check: install
	$(PY) -m generator check

lint: install
	$(VENV)/bin/ruff check generator tests
	$(VENV)/bin/ruff format --check generator tests
	$(VENV)/bin/mypy

test: install chromium
	$(MAKE) lint
	$(PY) -m pytest

golden: install
	UPDATE_GOLDEN=1 $(PY) -m pytest tests/test_render.py tests/test_diagnostics.py tests/test_draft_golden.py

clean:
	rm -rf site $(VENV) .pytest_cache .mypy_cache .ruff_cache .audit tests/screenshots *.egg-info .cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

# A long property-based run of the content checker (tests/test_fuzz.py); `make test` runs a short one.
.PHONY: fuzz
fuzz: install
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-10000} $(PY) -m pytest -q -p no:cacheprovider tests/test_fuzz.py --hypothesis-show-statistics

# Scale benchmarks (issue 6): corpora of 250, 1,000 and 4,000 articles, cached in benchmarks/.cache/;
# prints the table of goals and bars and writes it to benchmarks/results.md. Options: BENCH_ARGS="--help".
.PHONY: bench
bench: install
	$(PY) benchmarks/run.py $(BENCH_ARGS)

# The time to draft an article alone (issue 16): a 1,000-word text against 1,000 actors, median of 7 runs.
.PHONY: bench-draft
bench-draft: install
	$(PY) benchmarks/run.py --draft-only

# Lighthouse scores of the home page, a briefing, a profile and the timeline (tests/audit.py).
# Not part of `make test`. Lighthouse 12.2.3: version 13 needs Node 22. .audit/ ignores itself.
AUDIT_LIGHTHOUSE := .audit/node_modules/.bin/lighthouse

.PHONY: audit
audit: install chromium $(AUDIT_LIGHTHOUSE)
	$(PY) -m tests.audit

$(AUDIT_LIGHTHOUSE):
	npm install --save-exact --prefix .audit --no-audit --no-fund lighthouse@12.2.3
	echo '*' > .audit/.gitignore
