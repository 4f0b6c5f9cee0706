#!/usr/bin/env bash
# One command: install everything and open Balint Trainer (SQLite + bundled scenarios by default).
# Extra arguments go to the app, e.g.  scripts/app.sh --database postgresql+psycopg://...
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh
bash scripts/venv.sh
exec .venv/bin/balint-trainer "$@"
