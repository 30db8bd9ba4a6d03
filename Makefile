# Two commands on a fresh machine: `make setup` installs everything into .venv/, `make test` runs
# the checks. Both are what CI runs (.ci/run).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup test lint pytest clean

setup:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# torch first and exactly: pip then takes the CPU build; a bare dependency pulls CUDA.
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev]'
	# Build the compact gazetteer index now, so that the first extract does not pay for it.
	$(BIN)/newsledger gazetteer build

lint:
	$(BIN)/ruff check src tests benchmarks evals
	$(BIN)/ruff format --check src tests benchmarks evals
	$(BIN)/mypy

# pytest exits 5 when it collects no test: that must fail the run, not pass it silently.
pytest:
	$(BIN)/pytest; rc=$$?; if [ $$rc -eq 5 ]; then echo "pytest collected no tests" >&2; exit 1; fi; exit $$rc

test: lint pytest

clean:
	rm -rf $(VENV) build dist .mypy_cache .pytest_cache .ruff_cache
