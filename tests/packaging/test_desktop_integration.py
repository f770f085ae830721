"""One application id everywhere the desktops look, a valid Linux desktop entry and AppStream
metainfo, and installers that keep the studio's data."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from feedback_desk import APP_ID

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "installer" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
INNO = ROOT / "installer" / "windows" / "feedback-desk.iss"
SPEC = ROOT / "installer" / "feedback-desk.spec"


def desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


@pytest.fixture
def installed(tmp_path: Path) -> Path:
    """The entry installed under a throw-away prefix for the frozen app's executable."""
    subprocess.run(
        ["bash", str(LINUX / "install_desktop_entry.sh"), "--prefix", str(tmp_path / "usr"),
         str(ROOT / "dist" / "feedback-desk" / "feedback-desk")],
        check=True, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    return tmp_path


def test_the_application_id_is_the_same_everywhere() -> None:
    entry = desktop_entry(DESKTOP)
    assert entry["Icon"] == APP_ID
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert re.search(rf'#define AppId "{re.escape(APP_ID)}"', INNO.read_text(encoding="utf-8"))
    assert "bundle_identifier=APP_ID" in SPEC.read_text(encoding="utf-8")


def test_the_entry_starts_the_windowed_launcher_in_both_languages() -> None:
    entry = desktop_entry(DESKTOP)
    assert entry["Exec"] == "feedback-desk-gui"
    assert entry["Terminal"] == "false"
    assert entry["Comment[fr]"]
    assert "Office" in entry["Categories"].split(";")


def test_installing_the_entry_points_at_the_given_program_with_every_icon(installed: Path) -> None:
    share = installed / "usr" / "share"
    entry = desktop_entry(share / "applications" / DESKTOP.name)
    program = ROOT / "dist" / "feedback-desk" / "feedback-desk"
    assert entry["Exec"] == f'"{program}"'
    assert entry["TryExec"] == str(program)
    for size in (16, 32, 48, 256, 512):
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (share / "metainfo" / METAINFO.name).is_file()


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli not installed")
def test_appstream_accepts_the_installed_tree(installed: Path) -> None:
    done = subprocess.run(
        ["appstreamcli", "validate-tree", "--no-net", str(installed)],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="desktop-file-validate not installed"
)
def test_the_desktop_entry_is_valid(installed: Path) -> None:
    for entry in (DESKTOP, installed / "usr" / "share" / "applications" / DESKTOP.name):
        done = subprocess.run(
            ["desktop-file-validate", str(entry)],
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stdout + done.stderr


def test_the_windows_installer_is_per_user_and_keeps_the_data() -> None:
    script = INNO.read_text(encoding="utf-8")
    settings = dict(re.findall(r"^(\w+)=(.*)$", script, flags=re.MULTILINE))
    assert settings["PrivilegesRequired"] == "lowest"
    assert settings["DefaultDirName"].startswith("{autopf}")
    assert "{autoprograms}" in script  # the Start-menu entry
    # The uninstaller removes only what it installed: nothing names the data folder.
    assert not re.search(r"^\[UninstallDelete\]", script, flags=re.MULTILINE)
    assert "FeedbackDesk\\Feedback Desk" not in script.split("[Setup]", 1)[1]
    # The menu starts the windowed launcher that the spec builds for Windows.
    assert 'Filename: "{app}\\feedback-desk-gui.exe"' in script
    assert '"feedback-desk-gui", console=False' in SPEC.read_text(encoding="utf-8")
