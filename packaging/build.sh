#!/usr/bin/env bash
# Build the one-folder app into dist/balint-trainer/ and smoke-test it.
#   packaging/build.sh            build + smoke test
#   PYTHON=/path/to/python packaging/build.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
    echo "PyInstaller is missing: $PYTHON -m pip install 'balint-trainer[package]'" >&2
    exit 2
fi
QT_QPA_PLATFORM=offscreen "$PYTHON" packaging/render_icons.py >/dev/null
"$PYTHON" tools/update_translations.py --release-only
"$PYTHON" -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller \
    packaging/balint-trainer.spec
"$PYTHON" packaging/smoke_test.py dist/balint-trainer/balint-trainer
