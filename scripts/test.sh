#!/usr/bin/env bash
# One command: install everything (incl. PostgreSQL) and run the whole test suite.
# The tests start their own PostgreSQL server; Qt runs offscreen. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh test
bash scripts/venv.sh test
.venv/bin/ruff check balint_trainer tests benchmarks
.venv/bin/mypy
.venv/bin/lint-imports  # layer contracts in pyproject.toml
# Item-writing audit of the bundled scenarios: exits 1 when a surface strategy (always the longest
# option, the most words, the first) beats chance by more than the documented threshold.
.venv/bin/balint-trainer audit scenarios/ > /dev/null
exec .venv/bin/python -m pytest "$@"
