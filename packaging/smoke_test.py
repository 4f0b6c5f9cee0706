"""Smoke-test a built app: the CLI answers, the bundled scenarios validate, the window opens.

    python packaging/smoke_test.py dist/balint-trainer/balint-trainer

Runs offscreen with throw-away data/cache folders, so it needs no display and never
touches the user's data. Exit status 0 when every check passed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TIMEOUT = 120


def _bundle_root(binary: Path) -> Path:
    # PyInstaller >= 6 puts data files in _internal/ next to the executable.
    internal = binary.parent / "_internal"
    return internal if internal.is_dir() else binary.parent


def _run(name: str, argv: list[str], env: dict[str, str], expect_out: str | None = None) -> bool:
    started = time.perf_counter()
    try:
        result = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        print(f"FAIL {name}: no exit within {TIMEOUT} s")
        return False
    seconds = time.perf_counter() - started
    output = result.stdout + result.stderr
    ok = result.returncode == 0 and (expect_out is None or expect_out in output)
    print(f"{'ok  ' if ok else 'FAIL'} {name} ({seconds:.1f} s, exit {result.returncode})")
    if not ok or os.environ.get("VERBOSE"):
        print("    " + output.strip().replace("\n", "\n    "))
    return ok


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    binary = Path(argv[0]).resolve()
    if not binary.is_file():
        print(f"{binary}: not found; build first with packaging/build.sh", file=sys.stderr)
        return 2
    root = _bundle_root(binary)
    with tempfile.TemporaryDirectory(prefix="balint-smoke-") as tmp:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_DATA_HOME": f"{tmp}/data",
            "XDG_CACHE_HOME": f"{tmp}/cache",
            "XDG_CONFIG_HOME": f"{tmp}/config",
            "HOME": tmp,
            "BALINT_TRAINER_SMOKE_TEST": "1",
        }
        env.pop("BALINT_TRAINER_DATABASE_URL", None)
        checks = [
            _run("--version", [str(binary), "--version"], env, "balint-trainer"),
            _run(
                "validate bundled scenarios", [str(binary), "validate", str(root / "scenarios")], env, "valid"
            ),
            _run("schema", [str(binary), "schema"], env, '"$defs"'),
            _run("main window opens", [str(binary)], env, "SMOKE OK"),
            _run("main window opens in Persian", [str(binary), "--language", "fa"], env, "SMOKE OK"),
        ]
        resources = [root / "resources" / "icons" / "balint-trainer.svg", root / "scenarios"]
        for path in resources:
            exists = path.exists()
            print(f"{'ok  ' if exists else 'FAIL'} bundled {path.relative_to(root)}")
            checks.append(exists)
        qm = list((root / "resources" / "translations").glob("*.qm"))
        print(f"{'ok  ' if qm else 'FAIL'} bundled translations ({len(qm)} .qm)")
        checks.append(bool(qm))
    passed = sum(checks)
    print(f"{passed} passed, {len(checks) - passed} failed")
    return 0 if all(checks) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
