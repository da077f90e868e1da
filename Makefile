# Two commands do all the set-up: `make run` and `make test`. Each builds .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run serve lint test bundle clean catalogs

$(STAMP): pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[desktop,test,dev]'
	$(MAKE) catalogs
	touch $(STAMP)

# Each .qm is written beside its place, then renamed over it: an app running meanwhile keeps the file it read.
catalogs:  # the desktop's word catalogs: resources/i18n/*.ts (sources) compiled to .qm (build output)
	for ts in resources/i18n/*.ts; do qm="$${ts%.ts}.qm"; \
		$(BIN)/pyside6-lrelease -silent "$$ts" -qm "$$qm.partial" && mv -f "$$qm.partial" "$$qm" || exit 1; done

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
SYSTEM_PACKAGES := postgresql chromium poppler-utils fonts-dejavu-core  # a throwaway PostgreSQL cluster; Debian's Chromium driven by Playwright (tests/browser); pdftotext and a font with Arabic for the report test (SPEC §15)

# Two workers (pytest-xdist): the suite in half the time on a 2-core machine, since most tests wait on a server
# process. No test is marked with a group, so `loadgroup` hands out one test at a time, in the order collected, to
# the worker that is free: the two end within seconds of each other. `make test PYTEST_WORKERS=` runs it in one process.
PYTEST_WORKERS ?= -n 2 --dist loadgroup

test: lint catalogs
	sh scripts/system_packages.sh $(SYSTEM_PACKAGES)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_WORKERS) $(PYTEST_ARGS)

bundle: $(STAMP) catalogs  # the one-folder desktop bundle: dist/rundun-desktop/ (see build.spec)
	$(BIN)/pyinstaller --noconfirm --clean build.spec

clean:
	rm -rf $(VENV)
