"""A real LRS on the loopback for the tests: Ralph (``ralph runserver -b fs``), started once per
session in a temporary folder with credentials made by ``ralph auth``; skipped with the reason
when Ralph is not installed (``pip install '.[test]'``) or does not start."""

from __future__ import annotations

import base64
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

USER, PASSWORD = "balint-tests", "a long test password"
_LAUNCH = """
import sys
import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend
FSLRSBackend.default_operation_type = BaseOperationType.APPEND
uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
"""


def _ralph() -> str | None:
    here = Path(sys.executable).with_name("ralph")
    return str(here) if here.exists() else shutil.which("ralph")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RalphServer:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.port = _free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}/xAPI/"
        self.process: subprocess.Popen[bytes] | None = None
        self.env = {
            **os.environ,
            "RALPH_APP_DIR": str(root / "app"),
            "RALPH_AUTH_FILE": str(root / "app" / "auth.json"),
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_SENTRY_DSN": "",
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(root / "data"),
        }
        (root / "app").mkdir(parents=True, exist_ok=True)
        (root / "data").mkdir(exist_ok=True)
        (root / "run").mkdir(exist_ok=True)  # the reloader watches its working folder: keep it empty

    def make_credentials(self, ralph: str) -> None:
        subprocess.run(
            [
                ralph,
                "auth",
                "-u",
                USER,
                "-p",
                PASSWORD,
                "-s",
                "all",
                "-A",
                USER,
                "https://lrs.test.invalid/",
                "-w",
            ],
            env=self.env,
            cwd=self.root / "run",
            check=True,
            capture_output=True,
            timeout=120,
        )

    def start(self, timeout: float = 90.0) -> None:
        log = open(self.root / "server.log", "ab")  # noqa: SIM115 - the server keeps it
        # Not ``ralph runserver -b fs``: it runs uvicorn with a reloader, and Ralph 5.1's fs LRS
        # backend writes with "create", so every POST after the first fails (HTTP 500, "fs_lrs.jsonl
        # already exists"). The same app, without reloader, appending to its one file:
        self.process = subprocess.Popen(
            [sys.executable, "-c", _LAUNCH, str(self.port)],
            env=self.env,
            cwd=self.root / "run",
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"ralph exited with {self.process.returncode}: {self.log_tail()}")
            try:
                self.get("statements?limit=1")
                return
            except (OSError, ValueError):
                time.sleep(0.25)
        self.stop()
        raise RuntimeError(f"ralph did not answer within {timeout:.0f} s: {self.log_tail()}")

    def stop(self) -> None:
        """Kill the server and its reloader (its own process group, started above)."""
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=20)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=20)
        self.process = None

    def log_tail(self) -> str:
        path = self.root / "server.log"
        return path.read_text(errors="replace")[-800:] if path.exists() else ""

    def get(self, path: str) -> Any:
        token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
        request = urllib.request.Request(
            self.endpoint + path,
            headers={"Authorization": f"Basic {token}", "X-Experience-API-Version": "1.0.3"},
        )
        with urllib.request.urlopen(request, timeout=10) as answer:
            return json.loads(answer.read())

    def statements(self) -> list[dict[str, Any]]:
        """Every statement Ralph holds (following ``more``)."""
        found: list[dict[str, Any]] = []
        page = self.get("statements?limit=100")
        while True:
            found.extend(page["statements"])
            more = page.get("more")
            if not more:
                return found
            page = self.get(more.split("/xAPI/", 1)[1] if "/xAPI/" in more else more.lstrip("/"))


@pytest.fixture(scope="session", name="ralph_server")
def ralph_server_fixture(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RalphServer]:
    ralph = _ralph()
    if ralph is None:
        pytest.skip(
            "Ralph (a real LRS) is not installed: pip install 'ralph-malph[cli,lrs]' (the test extra)"
        )
    server = RalphServer(tmp_path_factory.mktemp("ralph"))
    try:
        server.make_credentials(ralph)
        server.start()
    except (OSError, RuntimeError, subprocess.SubprocessError) as exc:
        server.stop()
        pytest.skip(f"Ralph could not start on the loopback: {str(exc)[-400:]}")
    try:
        yield server
    finally:
        server.stop()
