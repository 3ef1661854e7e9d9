# `make` sets up and builds every product into output/; `make test` sets up and runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BUILD_OPTIONS ?=

.PHONY: all build test lint clean

all: build

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/python -m generator build --check $(BUILD_OPTIONS)

test: $(STAMP)
	$(BIN)/ruff check generator tests
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests

clean:
	rm -rf output $(VENV)
