# `make` sets up and builds every product into output/; `make test` sets up and runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
BUILD_OPTIONS ?=

.PHONY: all build test test-quick audit lint lock clean preview watch readme-images bench chromium \
  browser browser-tools

all: build

LOCK := requirements.lock
DEV_LOCK := requirements-dev.lock
PIP := $(BIN)/pip install --quiet --disable-pip-version-check
COMPILE := --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url \
  --no-emit-find-links

# What the generator runs on, at the versions and with the hashes of requirements.lock (the
# bytes of our PDFs depend on the indirect packages too), then the project itself: all `make`
# installs for an editor.
$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(PIP) --require-hashes -r $(LOCK)
	$(PIP) --no-deps -e .
	touch $(STAMP)

# The tests', the bench's and the tools' packages on top (requirements-dev.lock holds the
# runtime's at the same versions; tests/test_locks.py checks that).
$(DEV_STAMP): $(STAMP) $(DEV_LOCK)
	$(PIP) --require-hashes -r $(DEV_LOCK)
	touch $(DEV_STAMP)

# After a change of dependencies in pyproject.toml: both locks again, with pip-tools (existing
# pins are kept; the runtime lock is made second, from the same index, so its pins agree).
lock:
	$(PYTHON) -m venv $(VENV)-lock
	$(VENV)-lock/bin/pip install --quiet pip-tools
	$(VENV)-lock/bin/pip-compile $(COMPILE) --extra dev --output-file $(DEV_LOCK) pyproject.toml
	$(VENV)-lock/bin/pip-compile $(COMPILE) --output-file $(LOCK) pyproject.toml

build: $(STAMP)
	$(BIN)/python -m generator build --check $(BUILD_OPTIONS)

# Thumbnails of every card and poster, and one contact sheet of all cards, in output/preview/.
preview: build
	$(BIN)/python -m generator preview

# Rebuild what each saved file in cards/ or layouts/ affects (Ctrl-C stops).
watch: $(STAMP)
	$(BIN)/python -m generator watch

# Every card and poster on one page at http://127.0.0.1:8765, updated on every save (Ctrl-C stops).
.PHONY: serve ghostscript
serve: $(STAMP)
	$(BIN)/python -m generator serve

# The README's picture of all cards, from the previews.
readme-images: build
	$(BIN)/python -m generator preview --dpi 28 > /dev/null
	cp output/preview/all-cards.png docs/img/all-cards.png

# The browser tests (the HTML page in chromium, axe-core's verdict): `make test` skips them
# when chromium or axe-core is missing (tests/browser_setup.py says where it looks; CI=true
# requires them). `make browser` installs axe-core from npm and, as root, Debian's chromium when
# none is found (playwright downloads no browser), then runs them.
AXE := tests/browser/node_modules/.package-lock.json
$(AXE): tests/browser/package.json tests/browser/package-lock.json
	@command -v npm >/dev/null || { echo "make: npm is missing: install Node.js with npm" \
	  "(it fetches axe-core for the browser tests)" >&2; exit 1; }
	npm ci --prefix tests/browser --no-audit --no-fund
chromium: $(DEV_STAMP)
	@$(BIN)/python -m tests.browser_setup >/dev/null 2>&1 || \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else $(BIN)/python -m tests.browser_setup >/dev/null; fi
browser-tools: $(AXE) chromium

# A second judge of the print files: Ghostscript's separations (tiffsep) show each plate; the
# test that reads them skips with one line when gs is missing. As root, CI installs Debian's.
ghostscript:
	@command -v gs >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ghostscript >/dev/null; } || \
	  echo "make: ghostscript is missing: the separations test will be skipped" >&2
browser: $(DEV_STAMP) browser-tools
	VOORWIE_REQUIRE_BROWSER=1 $(BIN)/python -m pytest -q -m browser

# Timings against the issue's budgets; writes bench/results.md.
bench: $(DEV_STAMP)
	$(BIN)/python -m bench

test: lint
	$(BIN)/python -m pytest -q -m "not sources"

# The shipped content against the sources in ../shared/seeds, word for word: an audit for the
# researchers, apart from make test so that a deliberate revision does not fail the suite.
audit: $(DEV_STAMP)
	$(BIN)/python -m pytest -q -m sources

# While working: the tests that need no browser, no second build and no generated inputs.
test-quick: $(DEV_STAMP)
	$(BIN)/python -m pytest -q -n auto -m "not slow and not browser and not property and not sources"

# Style, format and types: part of make test, so CI fails on each.
lint: $(DEV_STAMP)
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench
	$(BIN)/mypy

clean:
	rm -rf output $(VENV) $(VENV)-lock

# The Dutch catalogue: every message of the code (_(), N_(), ngettext()) and the schemas' fixes,
# extracted with Babel into generator/locale/nl/LC_MESSAGES/voorwie.po; a new message comes
# with an empty translation (msgstr "") to fill in, one no longer used is dropped. Then every
# language's .po files are compiled into the voorwie.mo the program reads (run it after editing
# a translation too; tests/test_i18n.py says when the .mo lags).
.PHONY: messages
POT := $(VENV)/voorwie.pot
messages: $(DEV_STAMP)
	$(BIN)/pybabel -q extract -F generator/locale/babel.cfg --no-location --sort-output \
	  -o $(POT) generator
	$(BIN)/python -m generator.cli.compile_messages --prune $(POT)
	$(BIN)/pybabel -q update -i $(POT) -o generator/locale/nl/LC_MESSAGES/voorwie.po -l nl \
	  --no-fuzzy-matching --ignore-obsolete --ignore-pot-creation-date
	$(BIN)/python -m generator.cli.compile_messages
