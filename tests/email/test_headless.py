"""The email commands run headless: no Qt, no matplotlib, even when they send."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.conftest import PYTHON, subprocess_env
from tests.test_cli_basics import HEADLESS_PROBE


def test_email_commands_never_import_qt(tmp_path: Path) -> None:
    store = str(tmp_path / "s.sqlite")
    for argv in (
        ["send-outbox", "--store", store],
        ["invitations", "--at", "2026-04-04T10:00", "--json", "--store", store],
        ["unsubscribe", "NOBODY", "--store", store],
        ["outbox", "list", "--json", "--store", store],
    ):
        probe = subprocess.run(
            [PYTHON, "-c", HEADLESS_PROBE, json.dumps(argv)],
            capture_output=True,
            text=True,
            env=subprocess_env(),
            timeout=60,
            check=False,
        )
        result = json.loads(probe.stdout.strip().splitlines()[-1])
        assert result["heavy"] == [], argv
