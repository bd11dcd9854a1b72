# The two commands a newcomer needs: `make site` and `make test`. Each sets itself up from a fresh clone.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed-stamp
CHROMIUM ?= /usr/bin/chromium
SUDO    = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test check serve lint chromium clean bench bench-smoke

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## site: set up, then build site/ from briefs/
site: $(STAMP)
	$(BIN)/briefing build

## check: validate every annotation against its article
check: $(STAMP)
	$(BIN)/briefing check

## serve: live preview at http://127.0.0.1:8000
serve: $(STAMP)
	$(BIN)/briefing serve

## chromium: Debian's Chromium for the browser tests (never a downloaded browser)
chromium:
	@command -v $(CHROMIUM) >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

lint: $(STAMP)
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests
	$(BIN)/lint-imports

## test: set up, then lint and run the whole test suite (browser tests included)
test: $(STAMP) chromium lint
	CHROMIUM=$(CHROMIUM) $(BIN)/pytest

## bench: the benchmark at 100, 1,000 and 10,000 synthetic briefs (about 90 minutes; results in bench/results/)
ZENSICAL = bench/work/zensical-venv/bin/zensical
$(ZENSICAL):
	$(PYTHON) -m venv bench/work/zensical-venv
	bench/work/zensical-venv/bin/python -m pip install --quiet zensical

bench: $(STAMP) chromium $(ZENSICAL)
	CHROMIUM=$(CHROMIUM) $(BIN)/python -m bench.run --zensical $(ZENSICAL)

## bench-smoke: the benchmark at 100 briefs, one run of each variant (a few minutes)
bench-smoke: $(STAMP) chromium
	CHROMIUM=$(CHROMIUM) $(BIN)/python -m bench.run --sizes 100 --repeats 1 --search-repeats 1 --edits 1 --out bench/work/smoke

clean:
	rm -rf site .site-staging-* .site-previous-* test-artifacts
