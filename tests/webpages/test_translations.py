"""The gettext catalogues' French (client pages, exported workbook, what known failures say):
every string of the pages, templates, workbook and every marked problem translated, placeholders
kept, and the compiled catalogues in step with the hand-maintained ones."""

from __future__ import annotations

import re
import shutil
import string
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.pofile import read_po

from tests.support.scripts import load_script


def update_script() -> ModuleType:
    return load_script("scripts/update_web_translations.py")


DOMAINS = {domain.name: domain for domain in update_script().DOMAINS}
# Fewer strings than this means the extraction lost its sources.
AT_LEAST = {"web": 40, "export": 25, "problems": 150}


def test_the_generated_catalogues_match_a_fresh_compile_of_their_po() -> None:
    script = update_script()
    assert {d.name for d in script.DOMAINS} == {"web", "export", "problems"}
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


def brace_fields(text: str) -> list[tuple[str, str, str]]:
    """The ``str.format`` fields of *text*: name, conversion and format spec, in order."""
    return sorted(
        (name, conversion or "", spec or "")
        for _literal, name, spec, conversion in string.Formatter().parse(text)
        if name is not None
    )


def test_problems_keep_their_named_placeholders() -> None:
    """A French problem names exactly the English one's values (same conversion and format):
    rendering it can neither fail nor drop a file name or a count."""
    script = update_script()
    with script.po_path("fr", DOMAINS["problems"]).open("rb") as handle:
        catalogue = [message for message in read_po(handle, locale="fr") if message.id]
    assert len(catalogue) > AT_LEAST["problems"]
    for message in catalogue:
        assert isinstance(message.id, str)
        assert brace_fields(message.string) == brace_fields(message.id), message.id


def test_the_check_flags_a_catalogue_missing_a_marked_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = update_script()
    domain = DOMAINS["problems"]
    copy = tmp_path / "problems_fr.po"
    shutil.copy(script.po_path("fr", domain), copy)
    monkeypatch.setattr(script, "po_path", lambda language, d=script.WEB: copy)
    assert script.in_step("fr", domain)
    text = copy.read_text(encoding="utf-8")
    entry = 'msgid "the file is empty"\nmsgstr "le fichier est vide"\n'
    assert entry in text
    copy.write_text(text.replace(entry, ""), encoding="utf-8")
    assert not script.in_step("fr", domain)
