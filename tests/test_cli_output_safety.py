"""What the command line prints and logs: client text never drives the terminal, a database
error never shows SQL or client data, and every failure leaves its traceback in the log."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from feedback_desk.domain.kinds import Channel
from feedback_desk.store.database import Store
from tests.conftest import PYTHON, subprocess_env
from tests.email.factory import add_client, add_review

# An OSC title change ending in BEL, a screen clear, a C1 CSI colour, a carriage return and DEL.
HOSTILE = "Zoé\x1b]0;pwned\x07\x1b[2J\x9b31mRed\rX\x7f"
# Anything a terminal would act on: C0 controls but tab and newline, DEL, C1.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def hostile_client(store: Store) -> None:
    with store.write() as session:
        client = add_client(session, "C1", first=HOSTILE, last="Gagné\x1b[8m")
        add_review(
            session,
            client,
            2,
            datetime(2026, 5, 1, 15, tzinfo=UTC),
            channel=Channel.STAFF,
            comment=f"Nul\x1b[5m {HOSTILE}",
        )


def test_client_text_reaches_the_terminal_with_its_control_characters_shown_not_obeyed(
    cli, store: Store
) -> None:  # type: ignore[no-untyped-def]
    hostile_client(store)
    listing = cli("actions")
    assert listing.code == 0
    assert not RAW_CONTROL.search(listing.out), repr(listing.out)
    assert "Zoé\\x1b]0;pwned\\x07\\x1b[2J\\x9b31mRed\\x0dX\\x7f" in listing.out

    refused = cli("prompt", "C\x1b[31m\x9b2J")
    assert refused.code == 2
    assert not RAW_CONTROL.search(refused.err), repr(refused.err)


def test_json_output_keeps_client_text_exact_and_escaped(cli, store: Store) -> None:  # type: ignore[no-untyped-def]
    hostile_client(store)
    result = cli("actions", "--json")
    assert result.code == 0
    assert not RAW_CONTROL.search(result.out.replace("\n", "")), repr(result.out)
    actions = json.loads(result.out)
    assert actions[0]["comment"] == f"Nul\x1b[5m {HOSTILE}"


def break_the_store(store_path: Path) -> None:
    """A store whose prompts table went missing: every prompt query fails in the database."""
    with closing(sqlite3.connect(store_path)) as connection:
        connection.execute("DROP TABLE prompts")
        connection.commit()


def test_a_database_error_shows_neither_sql_nor_client_data_and_its_traceback_is_logged(
    cli, store: Store, store_path: Path, isolated_data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    with store.write() as session:
        add_client(session, "SECRET-CLIENT-42", first="Élodie")
    store.close()
    break_the_store(store_path)

    result = cli("prompt", "SECRET-CLIENT-42", "--at", "2026-05-14T18:00")

    assert result.code == 1
    assert len(result.err.strip().splitlines()) == 1
    assert "no such table: prompts" in result.err
    for leak in ("SELECT", "[SQL", "SECRET-CLIENT-42", "parameters"):
        assert leak not in result.err, result.err
    log = (isolated_data_dir / "logs" / "feedback-desk.log").read_text(encoding="utf-8")
    assert "prompt: unexpected failure" in log
    assert "Traceback (most recent call last)" in log
    assert "SECRET-CLIENT-42" not in log, "parameters are hidden in the log too"


def test_a_scheduled_run_leaves_its_failure_in_the_private_log(
    store: Store, store_path: Path, isolated_data_dir: Path
) -> None:
    with store.write() as session:
        add_client(session, "C1")
    store.close()
    break_the_store(store_path)
    result = subprocess.run(
        [PYTHON, "-m", "feedback_desk", "prompt", "C1", "--store", str(store_path)],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "the details are in" in result.stderr
    log = isolated_data_dir / "logs" / "feedback-desk.log"
    assert "Traceback (most recent call last)" in log.read_text(encoding="utf-8")
    assert log.stat().st_mode & 0o077 == 0, "the log is private to the user"

    debug = subprocess.run(
        [PYTHON, "-m", "feedback_desk", "prompt", "C1", "--store", str(store_path), "--debug"],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=60,
        check=False,
    )
    assert "Traceback" in debug.stderr
