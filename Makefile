# Regie: everything a fresh machine needs is done by these targets.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
PY      = $(BIN)/python

.PHONY: run test bench bench-lifetime translations screenshots package clean

run: $(VENV)/.installed
	@$(PY) tools/check_display_libs.py
	$(BIN)/phr

# Imports and names (ruff), types (mypy: strict for core, storage, access), then every test:
# one test worker per core (at most 4: each worker holds Qt and Argon2id's 64 MiB).
test: $(VENV)/.installed-test
	$(BIN)/ruff check phr tests bench tools
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -n auto --maxprocesses 4

bench: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

# A lifetime in the record (issue 20): the 3.2 M-reading record is generated once under build/bench/lifetime/
# (about 5 minutes), then every lifetime figure is measured against its bare baseline in one table.
bench-lifetime: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) -m bench lifetime

# Linux packages into dist/ (packaging/build.py): regie_VERSION_amd64.deb and a portable .tar.gz, then the
# package test on the .deb (tests/packaging/). Installs the Debian tools it needs when missing (as root).
package: $(VENV)/.installed-package
	$(PY) packaging/check_tools.py
	$(PY) packaging/build.py
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -p no:cacheprovider tests/packaging

# Update the Dutch catalogue from the sources, then build the .qm the app loads.
translations: $(VENV)/.installed
	$(BIN)/pyside6-lupdate $$(find phr -name '*.py' | sort) -ts resources/i18n/phr_nl.ts -no-obsolete -locations none -target-language nl_NL
	$(BIN)/pyside6-lrelease resources/i18n/phr_nl.ts -qm phr/ui/translations/phr_nl.qm

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

$(VENV)/.installed-package: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test,package]'
	touch $@ $(VENV)/.installed $(VENV)/.installed-test

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .hypothesis
