"""The command line's frame: help, exit codes, and staying free of Qt and matplotlib."""

from __future__ import annotations

import json
import subprocess

from tests.conftest import PYTHON, subprocess_env

CONTRACT_COMMANDS = [
    "demo",
    "import",
    "import-folder",
    "prompt",
    "answer",
    "edit",
    "invitations",
    "stats",
    "trends",
    "actions",
    "export",
    "send-outbox",
    "unsubscribe",
    "config",
    "google",
    "screenshot",
    "kiosk",
    "serve",
    "web",
]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PYTHON, "-m", "feedback_desk", *args],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=60,
        check=False,
    )


def test_help_lists_every_subcommand_of_the_contract() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in CONTRACT_COMMANDS:
        assert f"    {command}" in result.stdout, command


HELP_PROBE = """
import json, sys
from feedback_desk.cli import main
try:
    main(["--help"])
except SystemExit:
    pass
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules})))
"""
HEAVY = {"sqlalchemy", "alembic", "PySide6", "matplotlib", "keyring", "requests", "openpyxl"}


def test_help_answers_fast_because_it_imports_almost_nothing() -> None:
    """Measured, --help answers in well under 0.5 s; what makes it so (loading none of the
    store, Qt, charts, keyring or network libraries) is what is checked, whatever the load."""
    probe = subprocess.run(
        [PYTHON, "-c", HELP_PROBE], capture_output=True, text=True, env=subprocess_env(),
        timeout=60, check=False,
    )  # fmt: skip
    assert probe.returncode == 0, probe.stderr
    loaded = set(json.loads(probe.stdout.strip().splitlines()[-1]))
    assert loaded & HEAVY == set()


HEADLESS_PROBE = """
import io, json, sys
from feedback_desk.cli import main
argv = json.loads(sys.argv[1])
code = main(argv, stdout=io.StringIO(), stderr=io.StringIO())
tops = {name.split('.')[0] for name in sys.modules}
heavy = sorted(tops & {'PySide6', 'matplotlib', 'shiboken6'})
print(json.dumps({"code": code, "heavy": heavy}))
"""


def headless_probe(argv: list[str]) -> dict[str, object]:
    """`feedback-desk ARGV` in a fresh process: its exit code and the heavy modules it loaded."""
    probe = subprocess.run(
        [PYTHON, "-c", HEADLESS_PROBE, json.dumps(argv)],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=60,
        check=False,
    )
    assert probe.returncode in (0, 1, 2), probe.stderr
    report: dict[str, object] = json.loads(probe.stdout.strip().splitlines()[-1])
    return report


def test_headless_subcommands_do_not_import_qt_or_matplotlib(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = str(tmp_path / "s.sqlite")
    commands = [
        ["config", "--store", store],
        ["config", "studio.name", "Probe", "--store", store],
        ["web", "devices", "--json", "--store", store],
        ["web", "pair", "--qr", "--store", store],
    ]
    for argv in commands:
        report = headless_probe(argv)
        assert report["heavy"] == [], f"{argv} imported {report['heavy']}"


def test_a_bad_option_exits_2() -> None:
    assert (
        run("stats", "--kind", "yoga", "--from", "2026-01-01", "--to", "2026-01-31").returncode == 2
    )


def test_failures_show_one_line_and_no_traceback_unless_debug(tmp_path) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run("config", "--store", str(blocker / "s.sqlite"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    debug = run("config", "--store", str(blocker / "s.sqlite"), "--debug")
    assert "Traceback" in debug.stderr


def test_a_window_that_cannot_open_leaves_the_garbage_collector_running(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # The collector is paused while the window starts (cli/commands/gui.py); a store that cannot
    # be opened ends that start, and whatever runs next in the process collects again.
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    script = (
        "import gc, io, sys\n"
        "from feedback_desk.cli import main\n"
        f"code = main(['--store', {str(blocker / 'studio.sqlite')!r}], stderr=io.StringIO())\n"
        "print(code, gc.isenabled())\n"
    )
    done = subprocess.run(
        [PYTHON, "-c", script],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=60,
        check=False,
    )
    assert done.stdout.split() == ["1", "True"], done.stderr
