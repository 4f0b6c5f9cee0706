"""Screenshot of the main window for the AppStream metainfo and the README.

    xvfb-run -a -s "-screen 0 1400x900x24" python packaging/screenshot.py --language fa \
        docs/screenshots/main-window-fa.png

Runs with throw-away data, cache and settings folders (a fresh local profile, the
bundled scenarios), waits until the library and database are loaded, selects the
first scenario in the interface language (else the first one) and grabs the window.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--language", default="en")
    parser.add_argument("--size", default="1200x760", help="window size WIDTHxHEIGHT")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.split("x"))

    tmp = tempfile.mkdtemp(prefix="balint-shot-")
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        os.environ[name] = str(Path(tmp) / name.lower())
    os.environ.pop("BALINT_TRAINER_DATABASE_URL", None)

    from PySide6.QtCore import QSettings, QTimer

    from balint_trainer import i18n
    from balint_trainer.gui.app import create_application
    from balint_trainer.gui.main_window import MainWindow

    app = create_application(sys.argv[:1])
    i18n.install(app, args.language)
    window = MainWindow(settings=QSettings())
    window.resize(width, height)
    window.show()

    def grab() -> None:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        ok = window.grab().save(str(args.output), "PNG")
        print(f"{'wrote' if ok else 'could not write'} {args.output}")
        app.exit(0 if ok else 1)

    def loaded() -> None:
        # Show a scenario written in the interface language where the library has one.
        rows = window.library.model.entries()
        row = next((i for i, e in enumerate(rows) if e.ok and e.language == args.language), 0)
        window.library.select_row(row)
        window.activateWindow()
        QTimer.singleShot(500, grab)  # let the detail pane and status bar settle

    window.loaded.connect(loaded)
    window.start_loading()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
