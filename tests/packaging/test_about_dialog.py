"""Help → About: version and folders at a glance, and diagnostics for support that carry no
client data and no password."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel
from sqlalchemy import make_url

from feedback_desk import __version__, paths
from feedback_desk.logs import log_file
from feedback_desk.services import diagnostics
from feedback_desk.store.engine import describe
from feedback_desk.ui.dialogs.about import AboutDialog

SENDER = "/home/marie/venv/lib/python3.11/site-packages/feedback_desk/services/outbox/sender.py"
SMTPLIB = r"C:\Users\marie\AppData\Local\Programs\Feedback Desk\_internal\smtplib.py"
CLIENT_FAILURE = "\n".join(
    [
        "2026-11-20 09:00:00,001 INFO feedback_desk: window opened",
        "2026-11-20 09:14:03,512 ERROR feedback_desk: failure while emailing Marie Tremblay",
        "Traceback (most recent call last):",
        f'  File "{SENDER}", line 88, in send',
        "    connection.send_message(message)",
        f'  File "{SMTPLIB}", line 986, in send_message',
        "    raise SMTPRecipientsRefused(senderrs)",
        "smtplib.SMTPRecipientsRefused: {'marie@client.example': (550, b'No such user')}",
        "2026-11-20 09:15:00,000 WARNING feedback_desk: slow query for Jean Roy",
        '2026-11-20 09:16:10,200 ERROR feedback_desk.ui: could not load "Jean Roy hated it"',
        "",
    ]
)


def test_about_shows_the_version_and_every_folder(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = AboutDialog(str(tmp_path / "studio.sqlite"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert __version__ in dialog.windowTitle() + dialog.findChild(QLabel, "title").text()
    details = dialog.details.text()
    assert str(tmp_path / "studio.sqlite") in details
    assert str(paths.data_dir()) in details
    assert str(log_file().parent) in details


def test_copy_diagnostics_gives_versions_folders_and_errors_without_client_data(
    qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    log_file().parent.mkdir(parents=True, exist_ok=True)
    log_file().write_text(CLIENT_FAILURE, encoding="utf-8")
    store = describe(make_url("postgresql+psycopg://desk:s3cret-pw@db.studio.example/studio"))
    dialog = AboutDialog(store)
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert dialog.message.text().startswith("Copied")
    for expected in ("Python: 3.", "Qt: 6.", "PySide6: 6.", "SQLAlchemy: 2.", "OS: "):
        assert expected in copied
    assert f"Feedback Desk: {__version__}" in copied
    assert "db.studio.example/studio" in copied
    assert str(paths.data_dir()) in copied
    assert str(log_file()) in copied
    # Both errors, with the failure's kind and code locations, nothing a client wrote.
    assert "2026-11-20 09:14:03 feedback_desk: smtplib.SMTPRecipientsRefused" in copied
    assert "feedback_desk/services/outbox/sender.py:88 in send" in copied
    assert "smtplib.py:986 in send_message" in copied
    assert "2026-11-20 09:16:10 feedback_desk.ui: error without a traceback" in copied
    for private in ("s3cret-pw", "Marie", "marie", "Jean Roy", "client.example", "No such user"):
        assert private not in copied


def test_without_a_log_the_diagnostics_say_no_errors(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert not log_file().exists()
    dialog = AboutDialog(str(tmp_path / "studio.sqlite"))
    qtbot.addWidget(dialog)
    assert "Recent errors in the log (time, kind and code location only)\n  none" in (
        dialog.diagnostics()
    )


def test_only_the_end_of_a_long_log_is_read(tmp_path: Path) -> None:
    log = tmp_path / "feedback-desk.log"
    old = "2026-01-01 08:00:00,000 ERROR feedback_desk: old\n"
    filler = "2026-01-01 08:00:01,000 INFO feedback_desk: " + "x" * 200 + "\n"
    recent = "2026-11-20 09:00:00,000 ERROR feedback_desk: recent\n"
    log.write_text(old + filler * 3000 + recent, encoding="utf-8")
    assert log.stat().st_size > 2 * diagnostics.LOG_TAIL_BYTES
    lines = diagnostics.read_log_tail(log)
    assert sum(len(line) + 1 for line in lines) <= diagnostics.LOG_TAIL_BYTES
    assert all(line.startswith("2026-") for line in lines)  # the cut first line is dropped
    errors = diagnostics.logged_errors(lines)
    assert [error.at for error in errors] == ["2026-11-20 09:00:00"]


@pytest.mark.parametrize("count", [3, 9])
def test_the_last_errors_are_kept_oldest_first(count: int) -> None:
    lines = [f"2026-11-20 09:00:{n:02d},000 ERROR feedback_desk: failure {n}" for n in range(count)]
    errors = diagnostics.logged_errors(lines)
    expected = [f"2026-11-20 09:00:{n:02d}" for n in range(count)][-diagnostics.RECENT_ERRORS :]
    assert [error.at for error in errors] == expected


@pytest.mark.parametrize(
    ("logged", "shown"),
    [
        ("/home/marie/src/feedback_desk/ui/app.py", "feedback_desk/ui/app.py"),
        ("feedback_desk/ui/app.py", "feedback_desk/ui/app.py"),  # a frozen build's
        (
            r"C:\Users\marie\venv\Lib\site-packages\sqlalchemy\orm\query.py",
            "sqlalchemy/orm/query.py",
        ),
        ("/usr/lib/python3.11/smtplib.py", "smtplib.py"),
    ],
)
def test_code_locations_keep_nothing_above_the_package(logged: str, shown: str) -> None:
    assert diagnostics.code_location(logged) == shown
