"""A real PostgreSQL server for the tests that prove the store is not SQLite-only.

``FEEDBACK_DESK_TEST_PG_URL`` (a server URL whose user may create databases) is used when set;
otherwise a throw-away cluster is started from the local PostgreSQL binaries (as the ``postgres``
user when the tests run as root, since initdb refuses root). Without either, PostgreSQL tests are
skipped with the reason; CI installs PostgreSQL so they always run there.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

URL_ENV = "FEEDBACK_DESK_TEST_PG_URL"


def _binary_dir() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    return Path(candidates[0]).parent if candidates else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


@contextmanager
def postgres_server() -> Iterator[str | None]:
    """Yields a server URL (without database name), or None when PostgreSQL is unavailable."""
    if os.environ.get(URL_ENV):
        yield os.environ[URL_ENV].rstrip("/")
        return
    binaries = _binary_dir()
    if binaries is None or (os.geteuid() == 0 and shutil.which("runuser") is None):
        yield None
        return
    folder = Path(tempfile.mkdtemp(prefix="feedback-desk-pg-"))
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    port = _free_port()
    subprocess.run(
        _as_server_user(
            [
                str(binaries / "initdb"),
                "-D",
                str(data),
                "-A",
                "trust",
                "-U",
                "fd",
                "-E",
                "UTF8",
                "--no-sync",
            ]
        ),
        check=True,
        capture_output=True,
    )
    options = f"-k {folder} -p {port} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        _as_server_user(
            [
                str(binaries / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(folder / "log"),
                "-w",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://fd@127.0.0.1:{port}"
    finally:
        subprocess.run(
            _as_server_user([str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            check=False,
            capture_output=True,
        )
        shutil.rmtree(folder, ignore_errors=True)


def _as_admin(server_url: str, *statements: str) -> None:
    from sqlalchemy import create_engine, text

    admin = create_engine(f"{server_url}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        for statement in statements:
            connection.execute(text(statement))
    admin.dispose()


def create_database(server_url: str, name: str) -> str:
    """A new empty database on the server; returns its SQLAlchemy URL."""
    _as_admin(server_url, f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"')
    return f"{server_url}/{name}"


def copy_database(server_url: str, source: str, name: str) -> str:
    """A copy of database *source* (no one may be connected to it) as *name*: its URL."""
    _as_admin(
        server_url,
        f'DROP DATABASE IF EXISTS "{name}"',
        f'CREATE DATABASE "{name}" TEMPLATE "{source}"',
    )
    return f"{server_url}/{name}"
