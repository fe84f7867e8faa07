# Two entry points: `make demo` (set up and code the bundled samples) and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# torch is only needed by the optional [ml] extra; pin the local CPU wheel if it is ever pulled in
PIP := $(BIN)/pip --disable-pip-version-check

.PHONY: demo test install install-test clean

demo: $(VENV)/.installed
	$(BIN)/gesta demo

test: $(VENV)/.installed-test
	sh tests/web/ensure_chromium.sh
	$(BIN)/python -m pytest -q

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PIP) install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(PIP) install -q -e ".[test]"
	touch $@ $(VENV)/.installed

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
