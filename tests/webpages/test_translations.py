"""The gettext catalogues' French (client pages, exported workbook): every string of the pages,
templates and workbook translated, placeholders kept, and the compiled catalogues in step with the
hand-maintained ones."""

from __future__ import annotations

import re
from types import ModuleType

import pytest
from babel.messages.pofile import read_po

from tests.support.scripts import load_script


def update_script() -> ModuleType:
    return load_script("scripts/update_web_translations.py")


DOMAINS = {domain.name: domain for domain in update_script().DOMAINS}
# Fewer strings than this means the extraction lost its sources.
AT_LEAST = {"web": 40, "export": 25}


def test_the_generated_catalogues_match_a_fresh_compile_of_their_po() -> None:
    script = update_script()
    assert {d.name for d in script.DOMAINS} == {"web", "export"}
    assert script.stale_catalogues() == [], "run scripts/update_web_translations.py"


@pytest.mark.parametrize("name", sorted(DOMAINS))
def test_every_string_has_its_french(name: str) -> None:
    script = update_script()
    domain = DOMAINS[name]
    needed = {message.id for message in script.extracted(domain) if message.id}
    assert len(needed) > AT_LEAST[name]
    with script.po_path("fr", domain).open("rb") as handle:
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
    assert missing == [], f"translate these in resources/translations/{name}_fr.po"


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"%\([a-z_]+\)[sd]", text))


@pytest.mark.parametrize("name", sorted(DOMAINS))
def test_translations_keep_their_placeholders(name: str) -> None:
    script = update_script()
    with script.po_path("fr", DOMAINS[name]).open("rb") as handle:
        for message in read_po(handle, locale="fr"):
            if not message.id:
                continue
            sources = message.id if isinstance(message.id, tuple) else (message.id,)
            forms = message.string if isinstance(message.string, tuple) else (message.string,)
            for form in forms:
                assert placeholders(form) == placeholders(sources[-1]), (message.id, form)
