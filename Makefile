# OSINT Lab — the commands a trainee, an instructor and a developer need.
# Every target makes .venv (exact versions from constraints.txt) when it is missing or stale.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help venv lab lab-headless world notebooks test lint bench lock clean-venv

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "OSINT Lab needs Python 3.11 or newer (the pinned pandas 3 and networkx need it); found " + sys.version.split()[0])'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

venv: $(STAMP)  ## Create or update .venv with the pinned versions

lab: $(STAMP)  ## Start the fake internet and JupyterLab (Ctrl-C stops both)
	$(BIN)/osintlab lab

lab-headless: $(STAMP)  ## The same, without opening a browser (for servers)
	$(BIN)/osintlab lab --headless

world: $(STAMP)  ## Generate the default world into datasets/default/ if it is missing
	$(BIN)/osintlab generate

notebooks: $(STAMP)  ## Sync each source notebook with its .py text twin and the shared cells (docs/notebooks.md)
	$(BIN)/python -m graders.grading.notebooktext sync

test: $(STAMP)  ## Run the whole test suite
	$(BIN)/python -m pytest

lint: $(STAMP)  ## Check the code style with ruff
	$(BIN)/ruff check .

bench: $(STAMP)  ## Print speed figures: generation, pages/s, autograde seconds
	$(BIN)/python -m bench

lock: $(STAMP)  ## Re-pin constraints.txt from the current .venv (after changing dependencies)
	$(BIN)/python -m pip freeze --exclude-editable --exclude osint-lab > constraints.txt.new
	@{ sed -n '1,3p' constraints.txt; cat constraints.txt.new; } > constraints.txt.tmp && rm constraints.txt.new && mv constraints.txt.tmp constraints.txt

clean-venv:  ## Remove .venv
	rm -rf $(VENV)
