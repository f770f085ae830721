"""The client pages' French: every string of the pages and templates translated, placeholders
kept, and the compiled catalogue in step with the hand-maintained one."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]


def update_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_web_translations", ROOT / "scripts" / "update_web_translations.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_generated_catalogue_matches_a_fresh_compile_of_its_po() -> None:
    assert update_script().stale_catalogues() == [], "run scripts/update_web_translations.py"


def test_every_string_of_the_pages_has_its_french() -> None:
    script = update_script()
    needed = {message.id for message in script.extracted() if message.id}
    assert len(needed) > 40
    with script.po_path("fr").open("rb") as handle:
        shipped = {m.id: m for m in read_po(handle, locale="fr") if m.id}
    missing = sorted(
        str(key)
        for key in needed
        if key not in shipped
        or shipped[key].fuzzy
        or not all(
            shipped[key].string if isinstance(shipped[key].string, tuple) else [shipped[key].string]
        )
    )
    assert missing == [], "translate these in resources/translations/web_fr.po"


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"%\([a-z_]+\)[sd]", text))


def test_translations_keep_their_placeholders() -> None:
    script = update_script()
    with script.po_path("fr").open("rb") as handle:
        for message in read_po(handle, locale="fr"):
            if not message.id:
                continue
            sources = message.id if isinstance(message.id, tuple) else (message.id,)
            forms = message.string if isinstance(message.string, tuple) else (message.string,)
            for form in forms:
                assert placeholders(form) == placeholders(sources[-1]), (message.id, form)
