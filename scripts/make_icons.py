"""Render the application icon at every size the desktops ask for, from its one SVG source.

    python scripts/make_icons.py           # writes resources/icons/generated/
    python scripts/make_icons.py --check   # exit 1 when the generated icons are out of date

The source is ``resources/icons/feedback-desk.svg`` (edit it by hand). Qt's QSvgRenderer (QtSvg
ships with PySide6-Essentials) draws it at each size, so small sizes are rendered, not scaled
down; Pillow writes the Windows ``.ico`` and the macOS ``.icns`` from those renderings. The
window, the Linux desktop file, the Windows installer and the macOS bundle all use these files.
``SOURCE.sha256`` records which SVG they were made from, so a stale set is noticed.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "feedback-desk.svg"
GENERATED = ICONS / "generated"
NAME = "feedback-desk"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # what Windows Explorer and the taskbar pick from
ICNS_SIZES = (32, 64, 128, 256, 512, 1024)  # the sizes Pillow's ICNS writer stores
STAMP = GENERATED / "SOURCE.sha256"


def source_digest() -> str:
    return hashlib.sha256(SOURCE.read_bytes()).hexdigest()


def png_path(size: int) -> Path:
    return GENERATED / f"{NAME}-{size}.png"


def render_pngs() -> dict[int, bytes]:
    """Each size drawn from the SVG by Qt, as PNG bytes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"{SOURCE}: not a valid SVG")
    rendered: dict[int, bytes] = {}
    for size in PNG_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        rendered[size] = bytes(data.data())
    return rendered


def bundle(rendered: dict[int, bytes]) -> tuple[bytes, bytes]:
    """The .ico and the .icns, each holding the renderings of its sizes."""
    from PIL import Image

    images = {size: Image.open(io.BytesIO(rendered[size])).convert("RGBA") for size in PNG_SIZES}
    largest_ico = images[max(ICO_SIZES)]
    ico = io.BytesIO()
    largest_ico.save(
        ico,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES],
    )
    icns = io.BytesIO()
    images[1024].save(icns, format="ICNS", append_images=[images[s] for s in ICNS_SIZES])
    return ico.getvalue(), icns.getvalue()


def write() -> None:
    rendered = render_pngs()
    ico, icns = bundle(rendered)
    GENERATED.mkdir(parents=True, exist_ok=True)
    for size, data in rendered.items():
        png_path(size).write_bytes(data)
    (GENERATED / f"{NAME}.ico").write_bytes(ico)
    (GENERATED / f"{NAME}.icns").write_bytes(icns)
    STAMP.write_text(f"{source_digest()}  {SOURCE.name}\n", encoding="utf-8")
    print(f"wrote {len(rendered)} PNGs, {NAME}.ico and {NAME}.icns to {GENERATED}")


def stale() -> list[str]:
    """What is missing or was made from another SVG (renderings differ between Qt versions,
    so the files themselves are not compared)."""
    problems = []
    expected = [png_path(s) for s in PNG_SIZES]
    expected += [GENERATED / f"{NAME}.ico", GENERATED / f"{NAME}.icns", STAMP]
    problems += [f"{path.relative_to(ROOT)} is missing" for path in expected if not path.is_file()]
    if STAMP.is_file() and STAMP.read_text(encoding="utf-8").split()[0] != source_digest():
        problems.append(f"{SOURCE.relative_to(ROOT)} changed since the icons were generated")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the icons are stale")
    args = parser.parse_args()
    if args.check:
        problems = stale()
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print("run: python scripts/make_icons.py", file=sys.stderr)
        return 1 if problems else 0
    write()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
