# The project's commands. `make test` is exactly what CI runs (.ci/run calls it).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The build engine: MkDocs 1.6, or its maintained fork (make build ENGINE=properdocs).
ENGINE ?= mkdocs
# The Python version is stated once, in pyproject.toml (requires-python = ">=3.11").
REQUIRES_PYTHON := $(shell sed -n 's/^requires-python = ">=\([0-9.]*\)"/\1/p' pyproject.toml)
PIP_TOOLS := pip-tools==7.6.2
# The fast preview builds one language: make serve LANG=de. Only a LANG given on the
# command line counts: the environment's LANG is the system locale (en_US.UTF-8...).
PREVIEW_LANG := $(if $(filter command line,$(origin LANG)),$(LANG),)
export NO_MKDOCS_2_WARNING := 1

.PHONY: venv serve build test validate handouts offline bench clean lint lock python-version

python-version:
	@$(PYTHON) -c 'import sys; want = tuple(int(p) for p in "$(REQUIRES_PYTHON)".split(".")); sys.exit(sys.version_info[:len(want)] < want)' 2>/dev/null || { \
	  echo "make: this project needs Python $(REQUIRES_PYTHON) or newer (requires-python in pyproject.toml);"; \
	  echo "      '$(PYTHON)' is $$($(PYTHON) -c 'import platform; print("Python", platform.python_version())' 2>/dev/null || echo "not found"). Install a newer Python and run e.g. make test PYTHON=python3.12"; \
	  exit 1; }

# .venv is (re)created when missing, and brought to requirements.lock (exact versions,
# checked hashes) when the lock or pyproject.toml changed.
$(BIN)/dcaht: pyproject.toml requirements.lock | python-version
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@

# The external checkers (Nu Html Checker, pa11y, Lighthouse) from package-lock.json; they
# use Debian's Chromium and the machine's Java, and download nothing else (.puppeteerrc.cjs).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

# Refresh requirements.lock from pyproject.toml's ranges (UPGRADE=1: newest allowed versions).
lock: $(BIN)/dcaht
	$(BIN)/python -m pip install --quiet $(PIP_TOOLS)
	$(BIN)/pip-compile --quiet --generate-hashes --extra test --strip-extras --allow-unsafe \
	  --no-emit-index-url --no-emit-find-links $(if $(UPGRADE),--upgrade) --output-file requirements.lock pyproject.toml
	$(BIN)/dcaht lock --stamp

venv: $(BIN)/dcaht

validate: $(BIN)/dcaht
	$(BIN)/dcaht lock --check
	$(BIN)/dcaht validate
	$(BIN)/dcaht schemas --check
	$(BIN)/dcaht issue-form --check
	$(BIN)/dcaht translations --check > /dev/null

# make serve: every language (slow to rebuild at Danube scale); make serve LANG=de: one
# language at the root, rebuilding only what a saved file changes (about a second).
serve: $(BIN)/dcaht
	$(BIN)/dcaht validate
ifeq ($(PREVIEW_LANG),)
	@echo "make serve: building all $$($(BIN)/python -c 'import dcaht.project as p; print(len(p.locales(p.find_root())))') languages; every save rebuilds them all."
	@echo "            For a quick preview of one language (about a second per save): make serve LANG=de"
	$(BIN)/$(ENGINE) serve --livereload --strict -a 127.0.0.1:8000
else
	@echo "make serve LANG=$(PREVIEW_LANG): one language at http://127.0.0.1:8000/, rebuilding only the pages a saved file changes."
	BUILD_ONLY_LOCALE=$(PREVIEW_LANG) $(BIN)/$(ENGINE) serve --livereload --dirty --strict -a 127.0.0.1:8000
endif

# One strict build process per group of languages, merged (the same files as one
# sequential `mkdocs build --strict`; scripts/dcaht/parallel_build.py).
build: validate
	$(BIN)/dcaht build --site-dir site --engine $(ENGINE)

# Handouts carry their online address: SITE_URL is where the site is published.
handouts: validate
	@test -n "$(SITE_URL)" || { echo "make handouts: set SITE_URL to the address where the site is published, e.g. make handouts SITE_URL=https://example.org/dcaht/"; exit 2; }
	DCAHT_HANDOUTS=1 SITE_URL=$(SITE_URL) $(BIN)/mkdocs build --strict --clean --site-dir site
	$(BIN)/dcaht handouts --site site $(if $(COUNTRY),--country $(COUNTRY))

# A zip of the whole site that works from a folder (file://), search included.
offline: validate
	rm -rf dist/offline-site
	OFFLINE=true $(BIN)/mkdocs build --strict --clean --site-dir dist/offline-site
	$(BIN)/dcaht offline-zip dist/offline-site dist/dcaht-guidelines-offline.zip

# Danube scale: 250 practices, 1,000 contacts, 11 languages; exits 1 when a target is missed.
bench: $(BIN)/dcaht
	$(BIN)/dcaht bench

lint: $(BIN)/dcaht
	$(BIN)/ruff check scripts tests

test: $(BIN)/dcaht node_modules/.installed
	$(BIN)/dcaht lock --check
	$(BIN)/dcaht validate
	$(BIN)/dcaht schemas --check
	$(BIN)/dcaht issue-form --check
	$(BIN)/dcaht translations --check > /dev/null
	$(BIN)/ruff check scripts tests
	$(BIN)/python -m pytest

clean:
	rm -rf site dist .pytest_cache
