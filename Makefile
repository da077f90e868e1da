# Two commands do all the set-up: `make run` and `make test`. Each builds .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run serve lint test bundle clean

$(STAMP): pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[desktop,test,dev]'
	touch $(STAMP)

run: $(STAMP)  # the desktop app; it starts its own embedded server on first use
	$(BIN)/rundun-desktop

serve: $(STAMP)  # the API server on its own (http://127.0.0.1:8750, data in the per-user data dir)
	$(BIN)/rundun-server serve

lint: $(STAMP)  # what `make test` checks before the tests: lint, format, import layers (pyproject.toml), types
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

# Debian packages some tests need (installed by scripts/system_packages.sh when absent; nothing when present).
SYSTEM_PACKAGES := postgresql

test: lint
	sh scripts/system_packages.sh $(SYSTEM_PACKAGES)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

bundle: $(STAMP)  # the one-folder desktop bundle: dist/rundun-desktop/ (see build.spec)
	$(BIN)/pyinstaller --noconfirm --clean build.spec

clean:
	rm -rf $(VENV)
