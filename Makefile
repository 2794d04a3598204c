# The project's commands. `make build` is the main job, `make test` runs every test.
# Both set up the virtual environment (and, for tests, Debian's Chromium) when needed.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
export DBT_PROFILES_DIR := $(CURDIR)
export DBT_SEND_ANONYMOUS_USAGE_STATS := false

.PHONY: setup browser java build test lint ingest docs bench clean superset superset-test

$(INSTALLED): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev,bench,spark]'
	touch $(INSTALLED)

setup: $(INSTALLED)

browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Spark (the spark extra, installed by setup) runs on a Java 17 runtime: Debian's, for the
# Spark equality test and `dbt --target spark` (README: Running on Spark).
java:
	@command -v java >/dev/null 2>&1 || { \
	  echo "installing Debian's OpenJDK 17 for Spark"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null; }

build: setup
	$(BIN)/jobcompare build
	$(BIN)/jobcompare site --out site

# yamllint reads .yamllint; the governance checks parse the project against the in-memory
# `lint` target (never the warehouse) and print one line per broken rule.
lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/yamllint --strict models seeds analyses macros tests dbt_project.yml profiles.yml
	$(BIN)/python -m jobcompare.governance
	$(BIN)/sqlfluff lint models analyses tests

test: setup browser java lint
	$(BIN)/pytest

# The seeds become the pages in ../shared/source-pages; refused (nothing written) if that would
# drop a page loaded from elsewhere. `make ingest INGEST_FLAGS=--replace` drops such pages.
INGEST_FLAGS ?=
ingest: setup
	$(BIN)/jobcompare ingest $(INGEST_FLAGS)

bench: setup
	$(BIN)/jobcompare bench

# The docs read the served file read-only (target read_only): readers holding it and builds
# publishing over it go on meanwhile. Only the build (write-audit-publish) writes the file.
docs: setup
	$(BIN)/dbt docs generate --target read_only

# Superset 6.1.0 in its own environment (.superset-venv), on the served file read-only, with
# every mart a dataset and one dashboard, on http://127.0.0.1:$(SUPERSET_PORT)/ (README: Superset).
SUPERSET_PORT ?= 8088
superset: setup
	$(BIN)/python -m jobcompare.superset --port $(SUPERSET_PORT)

# The Superset smoke test (outside `make test`): a real server on a fresh build.
superset-test: setup
	$(BIN)/pytest -m superset tests/python/test_superset.py

clean:
	rm -rf target logs warehouse site
