"""The release workflow (Windows and macOS builds on their own runners, attached to the tag's
release) passes actionlint; it cannot run here, so the linter is what checks it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"


def actionlint() -> str | None:
    beside = Path(sys.executable).parent / "actionlint"
    return str(beside) if beside.exists() else shutil.which("actionlint")


def lint(path: Path) -> subprocess.CompletedProcess[str]:
    linter = actionlint()
    if linter is None:
        pytest.skip("actionlint not installed (pip install -e '.[test]')")
    return subprocess.run(
        [linter, "-no-color", str(path)], capture_output=True, text=True, timeout=120, check=False
    )


def test_the_release_workflow_passes_actionlint() -> None:
    result = lint(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "release.yml"
    broken.write_text(
        WORKFLOW.read_text(encoding="utf-8").replace("needs: [windows, macos]", "needs: [linux]")
    )
    result = lint(broken)
    assert result.returncode != 0
    assert '"linux"' in result.stdout


def test_each_installer_is_built_on_its_system_and_attached_to_the_tag() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert 'tags: ["v*"]' in text
    assert "runs-on: windows-latest" in text
    assert "runs-on: macos-latest" in text
    assert "installer\\windows\\feedback-desk.iss" in text
    assert "bash installer/macos/build_dmg.sh" in text
    assert "softprops/action-gh-release@" in text
    assert "installers/*.exe" in text
    assert "installers/*.dmg" in text
