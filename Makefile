# The project's commands. `make test` is exactly what CI runs (.ci/run calls it).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The fast preview builds one language: make serve LANG=de. Only a LANG given on the
# command line counts: the environment's LANG is the system locale (en_US.UTF-8...).
PREVIEW_LANG := $(if $(filter command line,$(origin LANG)),$(LANG),)
export NO_MKDOCS_2_WARNING := 1

.PHONY: venv serve build test validate handouts offline bench clean lint

# .venv is (re)created when missing or when pyproject.toml changed.
$(BIN)/dcaht: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

venv: $(BIN)/dcaht

validate: $(BIN)/dcaht
	$(BIN)/dcaht validate
	$(BIN)/dcaht schemas --check
	$(BIN)/dcaht issue-form --check
	$(BIN)/dcaht translations --check > /dev/null

serve: $(BIN)/dcaht
	$(BIN)/dcaht validate
	$(if $(PREVIEW_LANG),BUILD_ONLY_LOCALE=$(PREVIEW_LANG)) $(BIN)/mkdocs serve --livereload --strict -a 127.0.0.1:8000

build: validate
	$(BIN)/mkdocs build --strict --clean --site-dir site

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

test: $(BIN)/dcaht
	$(BIN)/dcaht validate
	$(BIN)/dcaht schemas --check
	$(BIN)/dcaht issue-form --check
	$(BIN)/dcaht translations --check > /dev/null
	$(BIN)/ruff check scripts tests
	$(BIN)/python -m pytest

clean:
	rm -rf site dist .pytest_cache
