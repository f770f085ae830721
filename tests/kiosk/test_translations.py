"""The French catalogue: complete for the kiosk and the collecting dialogs, and compiled."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

from PySide6.QtCore import QTranslator

from tests.support.scripts import load_script

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "src" / "feedback_desk" / "ui"
TS = ROOT / "resources" / "translations" / "feedback_desk_fr.ts"
# The screens this catalogue must translate completely (other windows add theirs as they come).
COMPLETE_FOR = [
    *sorted((UI / "kiosk").glob("*.py")),
    UI / "dialogs" / "add_review.py",
    # The main window's own frame and every entry point it offers.
    UI / "app.py",
    UI / "launch.py",
    UI / "context.py",
    UI / "status.py",
    UI / "main_window.py",
    *sorted((UI / "window_features").glob("*.py")),
    *sorted((UI / "settings").glob("*.py")),
    *sorted((UI / "outbox").glob("*.py")),
    *sorted((UI / "loop").glob("*.py")),
    UI / "dialogs" / "find_client.py",
    *sorted((UI / "dialogs").glob("import_*.py")),
    UI / "google" / "status_widget.py",
]


def update_script() -> ModuleType:
    return load_script("scripts/update_translations.py")


def messages(ts: Path) -> dict[tuple[str, str], str | tuple[str, ...] | None]:
    """(context, source) → translation (its singular and plural forms for a %n message), None
    when unfinished or empty."""
    found: dict[tuple[str, str], str | tuple[str, ...] | None] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") not in (
                "unfinished",
                "vanished",
                "obsolete",
            )
            text: str | tuple[str, ...] | None = None
            if done and translation is not None:
                if message.get("numerus") == "yes":
                    forms = tuple(f.text or "" for f in translation.iter("numerusform"))
                    text = forms if forms and all(forms) else None
                else:
                    text = translation.text
            found[(name, message.findtext("source") or "")] = text or None
    return found


def test_every_generated_qm_matches_a_fresh_compile_of_its_ts() -> None:
    stale = update_script().stale_catalogues()
    assert stale == [], "run scripts/update_translations.py and commit the .qm"


def test_every_string_of_the_kiosk_and_dialogs_has_a_french_translation(tmp_path: Path) -> None:
    script = update_script()
    extracted = tmp_path / "extracted.ts"
    subprocess.run(
        [
            script.tool("pyside6-lupdate"),
            *map(str, COMPLETE_FOR),
            "-locations",
            "none",
            "-ts",
            str(extracted),
        ],
        check=True,
        capture_output=True,
    )
    needed = set(messages(extracted))
    assert len(needed) > 60
    shipped = messages(TS)
    missing = sorted(key for key in needed if not shipped.get(key))
    assert missing == [], "translate these in resources/translations/feedback_desk_fr.ts"


def placeholders(text: str) -> set[str]:
    """%1-style (Qt) and {name}-style (str.format) markers a translation must keep."""
    return set(re.findall(r"%\d|\{[a-z_]*\}", text))


def test_the_compiled_catalogue_translates_with_placeholders_kept() -> None:
    translator = QTranslator()
    generated = ROOT / "resources" / "translations" / "generated"
    assert translator.load("feedback_desk_fr", str(generated))
    for (context, source), french in messages(TS).items():
        if french is None:
            continue
        if isinstance(french, tuple):  # French: one form for 0 and 1, another from 2 on
            one, many = french
            assert translator.translate(context, source, "", 1) == one
            assert translator.translate(context, source, "", 2) == many
            for form in french:
                assert placeholders(source) == placeholders(form), (source, form)
            continue
        assert translator.translate(context, source) == french
        assert placeholders(source) == placeholders(french), (source, french)
