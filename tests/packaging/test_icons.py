"""The icon at every size, generated from its one SVG, and used by the window."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from PIL import Image
from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QImage

from feedback_desk import APP_ID
from feedback_desk.ui.app import create_application
from tests.support.scripts import load_script


def make_icons() -> ModuleType:
    return load_script("scripts/make_icons.py")


def test_the_generated_icons_come_from_the_current_svg() -> None:
    assert make_icons().stale() == [], "run: python scripts/make_icons.py"


def test_every_size_is_there_in_every_format() -> None:
    icons = make_icons()
    for size in icons.PNG_SIZES:
        image = QImage(str(icons.png_path(size)))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()
    with Image.open(icons.GENERATED / "feedback-desk.ico") as ico:
        assert ico.info["sizes"] == {(s, s) for s in icons.ICO_SIZES}
    with Image.open(icons.GENERATED / "feedback-desk.icns") as icns:
        pixels = {width * scale for width, _height, scale in icns.info["sizes"]}
        assert pixels >= {32, 64, 128, 256, 512, 1024}


def test_a_stale_set_is_noticed(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    icons = make_icons()
    changed = tmp_path / "feedback-desk.svg"
    changed.write_text(icons.SOURCE.read_text(encoding="utf-8").replace("#0072B2", "#009E73"))
    monkeypatch.setattr(icons, "SOURCE", changed)
    monkeypatch.setattr(icons, "ROOT", tmp_path.parent)
    assert any("changed since" in problem for problem in icons.stale())


def test_the_window_uses_the_icon_and_the_application_id(qapp) -> None:  # type: ignore[no-untyped-def]
    create_application()
    sizes = qapp.windowIcon().availableSizes()
    assert QSize(16, 16) in sizes
    assert QSize(256, 256) in sizes
    assert QGuiApplication.desktopFileName() == APP_ID
