"""Without a desktop session the window says so in one sentence instead of Qt aborting."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import PYTHON, subprocess_env


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland are Linux's")
@pytest.mark.parametrize("command", [[], ["kiosk"]])
def test_no_display_gives_one_sentence_and_exit_1(tmp_path, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    env = subprocess_env()
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(name, None)
    result = subprocess.run(
        [PYTHON, "-m", "feedback_desk", *command, "--store", str(tmp_path / "s.sqlite")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "no desktop session" in result.stderr
    assert "Traceback" not in result.stderr
    assert "Aborted" not in result.stderr
