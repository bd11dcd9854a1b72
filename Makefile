# The two commands a newcomer needs: `make site` and `make test`. Each sets itself up from a fresh clone and
# installs exactly the versions in uv.lock (hashes checked); `make lock` and `make upgrade` change that lock.
PYTHON   ?= python3
VENV     ?= .venv
BIN       = $(VENV)/bin
TOOLS     = .tools
UV        = $(TOOLS)/bin/uv
CHROMIUM ?= /usr/bin/chromium
SUDO      = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# uv uses the Python at hand and never downloads one; the virtualenv is .venv.
export UV_PYTHON := $(PYTHON)
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: site test check serve lint audit eval lock upgrade chromium clean bench bench-smoke dist fuzz

# uv itself, pinned by hash in requirements-uv.txt and installed with the machine's pip.
$(UV): requirements-uv.txt
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --require-hashes --no-deps -r requirements-uv.txt
	touch $(UV)

# A lock that no longer matches pyproject.toml stops here with what to do, instead of a silent re-resolve.
define sync
	@$(UV) lock --check --offline --quiet >/dev/null 2>&1 || { \
	  echo "uv.lock is out of date with pyproject.toml: run 'make lock', review the change to uv.lock and commit it." >&2; \
	  exit 1; }
	@$(UV) sync --locked --quiet $(1)
endef

## site: set up (runtime packages only), then build site/ from briefs/
site: $(UV)
	$(call sync,--no-dev --inexact)
	$(BIN)/briefing build

## check: validate every annotation against its article
check: $(UV)
	$(call sync,--no-dev --inexact)
	$(BIN)/briefing check

## serve: live preview at http://127.0.0.1:8000
serve: $(UV)
	$(call sync,--no-dev --inexact)
	$(BIN)/briefing serve

## chromium: Debian's Chromium for the browser tests (never a downloaded browser)
chromium:
	@command -v $(CHROMIUM) >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

.PHONY: dev-env
dev-env: $(UV)
	$(call sync)

# axe-core for the accessibility tests, exactly as package-lock.json pins it (integrity hashes), from the npm registry
AXE = node_modules/axe-core/axe.min.js
$(AXE): package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $(AXE)

## lint: ruff, the GitHub workflows (zizmor, offline) and the import contracts
lint: dev-env
	$(BIN)/ruff check generator tests bench tools
	$(BIN)/ruff format --check generator tests bench tools
	$(BIN)/zizmor --offline --quiet .github/workflows
	$(BIN)/lint-imports

## audit: known vulnerabilities in the locked packages (warns, and says so, when the advisory service is unreachable)
audit: dev-env
	$(BIN)/python tools/audit.py

## test: set up, then lint, audit and run the whole test suite (browser tests included)
test: dev-env chromium $(AXE) lint audit
	UV=$(UV) CHROMIUM=$(CHROMIUM) $(BIN)/pytest

## fuzz: the property tests of tests/test_fuzz.py (loader, validator, renderer) with 2,000 examples each instead of
## 100-300 (about 5 minutes; not in CI). BRIEFING_FUZZ_EXAMPLES=10000 runs longer; a failure is kept in
## .hypothesis/ and replayed first by the next run.
fuzz: dev-env
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest -q tests/test_fuzz.py --hypothesis-show-statistics

## eval: the drafter scored against hand-checked gold: the evaluation set's working (dev) and kept-aside (heldout)
## parts, each article and in total, with every miss listed; then the gold set of tests/gold/
eval: dev-env
	$(BIN)/python -m generator.drafting.score -v --gold tests/eval/dev --gold tests/eval/heldout --json test-artifacts/eval-scores.json
	$(BIN)/python -m generator.drafting.score --gold tests/gold --json test-artifacts/draft-scores.json

## lock: re-resolve uv.lock after a change to pyproject.toml (keeps every version that still fits)
lock: $(UV)
	$(UV) lock

## upgrade: bump every locked package to the newest release the constraints allow, then run the tests
upgrade: $(UV)
	$(UV) lock --upgrade
	$(MAKE) test
	@echo "Review 'git diff uv.lock' and commit it with the test result."

## dist: the wheel and sdist into dist/
dist: $(UV)
	$(UV) build --quiet

## bench: the benchmark at 100, 1,000 and 10,000 synthetic briefs (about 90 minutes; results in bench/results/)
ZENSICAL = bench/work/zensical-venv/bin/zensical
$(ZENSICAL):
	$(PYTHON) -m venv bench/work/zensical-venv
	bench/work/zensical-venv/bin/python -m pip install --quiet zensical

bench: dev-env chromium $(ZENSICAL)
	CHROMIUM=$(CHROMIUM) $(BIN)/python -m bench.run --zensical $(ZENSICAL)

## bench-smoke: the benchmark at 100 briefs, one run of each variant (a few minutes)
bench-smoke: dev-env chromium
	CHROMIUM=$(CHROMIUM) $(BIN)/python -m bench.run --sizes 100 --repeats 1 --search-repeats 1 --edits 1 --out bench/work/smoke

clean:
	rm -rf site dist node_modules .site-staging-* .site-previous-* .briefing-build.lock test-artifacts
