# rekisteri: GDPR compliance job for an ActiveCampaign marketing register.
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# What the product alone needs (no test or dev tools): `make demo` installs only this.
RUNTIME := $(VENV)/.runtime
export PYTHONDONTWRITEBYTECODE := 1

.DEFAULT_GOAL := help

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "needs $(PYTHON) on PATH"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The full install holds the runtime one, so it stamps both: `make demo` after `make test`
# installs nothing more, `make test` after `make demo` adds the test and dev tools.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	@touch $(RUNTIME) $(STAMP)

$(RUNTIME): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $(RUNTIME)

install: $(STAMP) ## Create .venv and install rekisteri with test and dev tools

test: $(STAMP) ## Run the whole test suite (unit + integration against the simulator)
	$(BIN)/python -m pytest

lint: $(STAMP) ## ruff (lint + format check) and mypy (strict on compliance/ and sync/)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy compliance sync jobs reports simulator

demo: $(RUNTIME) ## The nightly against the built-in simulator (installs the runtime only); ends with next steps and the report path
	$(BIN)/python -m simulator.demo --dir demo

bench: $(STAMP) ## Benchmarks of SPEC section 10 (pull at 5 req/s on the strict window, incremental share, reconcile 1M, nightly 100k, --help start-up)
	$(BIN)/python -m bench.pull --contacts 20000
	$(BIN)/python -m bench.reconcile --contacts 1000000
	$(BIN)/python -m bench.nightly --contacts 100000
	$(BIN)/python -m bench.startup --runs 21

pull: $(RUNTIME) ## rekisteri pull with ./config.toml (needs ACTIVECAMPAIGN_API_TOKEN)
	$(BIN)/rekisteri pull

nightly: $(RUNTIME) ## rekisteri nightly with ./config.toml (needs ACTIVECAMPAIGN_API_TOKEN)
	$(BIN)/rekisteri nightly

simulate: $(RUNTIME) ## Serve the ActiveCampaign simulator on 127.0.0.1:8765
	ACTIVECAMPAIGN_API_TOKEN=$${ACTIVECAMPAIGN_API_TOKEN:-demo-token} $(BIN)/rekisteri simulate

clean: ## Remove the virtualenv, demo output and caches
	rm -rf $(VENV) demo .pytest_cache .mypy_cache .ruff_cache *.egg-info

.PHONY: help install test lint demo bench pull nightly simulate clean
