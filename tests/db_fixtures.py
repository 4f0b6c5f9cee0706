"""Database fixtures: every service test runs on SQLite and on a real PostgreSQL server.

The PostgreSQL server is started by the test session itself: a throw-away
cluster (initdb + pg_ctl from /usr/lib/postgresql/*/bin, run as the
``postgres`` user when the tests run as root) listening on a free localhost
port with SCRAM password authentication, stopped and deleted at the end.
``BALINT_TEST_POSTGRES_URL`` (a superuser or CREATEDB+CREATEROLE URL) uses an
existing server instead. Without PostgreSQL binaries the PostgreSQL tests
FAIL with a clear message, unless ``BALINT_SKIP_POSTGRES=1``.
"""

from __future__ import annotations

import glob
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from balint_trainer.services import TrainerService, open_service

REPO = Path(__file__).resolve().parent.parent
MINIMAL = REPO / "tests" / "data" / "valid" / "minimal.yaml"
BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]


@dataclass
class PostgresServer:
    admin_url: str  # superuser URL (postgresql+psycopg://...) to the maintenance database

    def url_for(self, database: str, user: str | None = None, password: str | None = None) -> str:
        from sqlalchemy.engine import make_url

        url = make_url(self.admin_url).set(database=database)
        if user is not None:
            url = url.set(username=user, password=password)
        return url.render_as_string(hide_password=False)

    def create_database(self) -> str:
        name = f"bt_test_{uuid.uuid4().hex[:12]}"
        self._autocommit(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        self._autocommit(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _autocommit(self, statement: str) -> None:
        import psycopg
        from sqlalchemy.engine import make_url

        url = make_url(self.admin_url)
        with psycopg.connect(
            host=url.host,
            port=url.port,
            user=url.username,
            password=url.password,
            dbname=url.database or "postgres",
            autocommit=True,
            connect_timeout=30,
        ) as conn:
            conn.execute(statement)  # type: ignore[arg-type]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _find_bin() -> Path | None:
    for candidate in sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name), reverse=True
    ):
        if (Path(candidate) / "initdb").exists():
            return Path(candidate)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _start_cluster(tmp_root: Path) -> tuple[str, list[str], Path]:
    """initdb + start; returns (admin URL, command prefix, data dir)."""
    bindir = _find_bin()
    if bindir is None:
        raise FileNotFoundError
    as_root = os.geteuid() == 0
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
    base = Path(tempfile.mkdtemp(prefix="bt-pg-", dir=tmp_root))
    data, pwfile = base / "data", base / "pw"
    password = secrets.token_hex(16)
    pwfile.write_text(password)
    if as_root:
        shutil.chown(base, "postgres", "postgres")
        shutil.chown(pwfile, "postgres", "postgres")
    base.chmod(0o700)
    # Output goes to files, never pipes: the server outlives pg_ctl, and a pipe it
    # inherited would keep a capturing subprocess.run() waiting for ever.
    with open(base / "initdb.out", "wb") as out:
        subprocess.run(
            [
                *prefix,
                str(bindir / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--no-sync",
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                f"--pwfile={pwfile}",
            ],
            check=True,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            timeout=180,
        )
    for _ in range(3):  # a free port can be taken between probing and binding
        port = _free_port()
        options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
        with open(base / "pg_ctl.out", "wb") as out:
            started = subprocess.run(
                [
                    *prefix,
                    str(bindir / "pg_ctl"),
                    "-D",
                    str(data),
                    "-o",
                    options,
                    "-l",
                    str(base / "log"),
                    "-w",
                    "-t",
                    "60",
                    "start",
                ],
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                timeout=120,
            )
        if started.returncode == 0:
            break
    else:
        log = (base / "log").read_text(errors="replace")[-2000:] if (base / "log").exists() else ""
        raise subprocess.CalledProcessError(started.returncode, "pg_ctl start", stderr=log)
    return (
        f"postgresql+psycopg://postgres:{password}@127.0.0.1:{port}/postgres",
        [*prefix, str(bindir / "pg_ctl")],
        base,
    )


def _stop_cluster(pg_ctl: list[str], base: Path) -> None:
    """Stop a cluster of :func:`_start_cluster` and delete it (benchmarks use both too)."""
    subprocess.run(
        [*pg_ctl, "-D", str(base / "data"), "-m", "immediate", "-w", "stop"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=120,
    )
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PostgresServer]:
    external = os.environ.get("BALINT_TEST_POSTGRES_URL", "").strip()
    if external:
        if external.startswith("postgresql://"):
            external = "postgresql+psycopg://" + external[len("postgresql://") :]
        yield PostgresServer(external)
        return
    try:
        admin_url, pg_ctl, base = _start_cluster(Path(tempfile.gettempdir()))
    except FileNotFoundError:
        if os.environ.get("BALINT_SKIP_POSTGRES") == "1":
            pytest.skip("PostgreSQL not installed and BALINT_SKIP_POSTGRES=1")
        pytest.fail(
            "PostgreSQL server binaries (initdb, pg_ctl) not found: install Debian package 'postgresql', "
            "or set BALINT_TEST_POSTGRES_URL to a server, or BALINT_SKIP_POSTGRES=1 to skip these tests",
            pytrace=False,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        pytest.fail(f"could not start a PostgreSQL test cluster: {exc}: {exc.stderr!r}", pytrace=False)
    try:
        yield PostgresServer(admin_url)
    finally:
        _stop_cluster(pg_ctl, base)


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database URL: a SQLite file, or a new database on the test PostgreSQL server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'trainer.sqlite3'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name = server.create_database()
    try:
        yield server.url_for(name)
    finally:
        server.drop_database(name)


@pytest.fixture
def service(db_url: str) -> Iterator[TrainerService]:
    svc = open_service(db_url)
    try:
        yield svc
    finally:
        svc.close()


@pytest.fixture
def minimal_version(service: TrainerService):  # type: ignore[no-untyped-def]
    from balint_trainer.core.validation import load_scenario_file

    return service.scenarios.register_scenario(load_scenario_file(MINIMAL))


def many_decisions_yaml(count: int, scenario_id: str = "many-decisions") -> str:
    """A valid scenario with ``count`` decisions (for crash and concurrency tests)."""
    lines = [
        "format: balint-scenario/1",
        f"id: {scenario_id}",
        "title: Many decisions",
        "summary: Generated for storage tests.",
        "people:",
        "  dr-a: {name: Dr A, role: GP, kind: presenter}",
        "case: A case.",
        "script:",
        "  - phase: frame",
    ]
    for i in range(count):
        lines += [
            f"  - decision: d{i:03d}",
            "    prompt: What now?",
            "    competency: leader-restraint",
            "    options:",
            "      - {id: a, text: Wait.}",
            "      - {id: b, text: Talk.}",
            "      - {id: c, text: Lecture.}",
            "    experts:",
            "      - {expert: e1, best: a}",
            "      - {expert: e2, best: a}",
            "      - {expert: e3, best: b}",
            "    rationale: Because.",
        ]
    return "\n".join(lines) + "\n"
