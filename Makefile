# The whole set-up of a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint corpus-report clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/doc2openapi build examples/export --title 'Widget Storage Service API' -o out

test: $(STAMP)
	$(BIN)/python -m pytest

# One row per folder of ../shared/corpus: pages, API pages, coverage, fields, failures.
corpus-report: $(STAMP)
	$(BIN)/python benchmarks/corpus_report.py

lint: $(STAMP)
	$(BIN)/ruff check doc2openapi tests
	$(BIN)/ruff format --check doc2openapi tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) out
