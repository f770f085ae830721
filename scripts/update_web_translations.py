"""Refresh the client pages' gettext catalogue: extract strings into the .po, compile the .mo.

    python scripts/update_web_translations.py          # extract (sources → .po), then compile
    python scripts/update_web_translations.py --check  # exit 1 when the .mo is out of date

Strings are English in ``src/feedback_desk/web/`` (``gettext`` in Python, ``_``/``ngettext`` in
the Jinja templates). ``resources/translations/web_fr.po`` is hand-maintained: after extracting,
translate the new entries (any .po editor or a text editor), then run the script again to compile
``resources/translations/generated/web/fr/LC_MESSAGES/web.mo``, which is generated and never
edited. Babel does both steps (it is installed with Flask-Babel).
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "src" / "feedback_desk" / "web"
TRANSLATIONS = ROOT / "resources" / "translations"
GENERATED = TRANSLATIONS / "generated" / "web"
DOMAIN = "web"
LANGUAGES = ("fr",)
METHODS = [("**.py", "python"), ("templates/**.html", "jinja2.ext:babel_extract")]


def po_path(language: str) -> Path:
    return TRANSLATIONS / f"{DOMAIN}_{language}.po"


def mo_path(language: str) -> Path:
    return GENERATED / language / "LC_MESSAGES" / f"{DOMAIN}.mo"


def extracted(creation_date: object = None) -> Catalog:
    """Every translatable string of the pages, as a template catalogue."""
    template = Catalog(project="Feedback Desk client pages", creation_date=creation_date)
    for _file, _line, message, comments, context in extract_from_dir(
        str(SOURCES), METHODS, comment_tags=("Translators:",)
    ):
        template.add(message, None, auto_comments=comments, context=context)
    return template


def read_catalogue(language: str) -> Catalog:
    with po_path(language).open("rb") as handle:
        return read_po(handle, locale=language, domain=DOMAIN)


def compiled(language: str) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, read_catalogue(language), use_fuzzy=False)
    return buffer.getvalue()


def stale_catalogues() -> list[Path]:
    """The generated .mo files that differ from a fresh compile of their .po."""
    return [
        mo_path(lang)
        for lang in LANGUAGES
        if not mo_path(lang).exists() or mo_path(lang).read_bytes() != compiled(lang)
    ]


def extract_into(language: str) -> None:
    path = po_path(language)
    if path.exists():
        catalogue = read_catalogue(language)
        catalogue.update(extracted(catalogue.creation_date), no_fuzzy_matching=True)
    else:
        catalogue = Catalog(locale=language, domain=DOMAIN)
        catalogue.update(extracted(catalogue.creation_date), no_fuzzy_matching=True)
    with path.open("wb") as handle:
        write_po(
            handle,
            catalogue,
            width=100,
            omit_header=False,
            ignore_obsolete=True,
            include_previous=False,
            sort_output=True,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the .mo files")
    parser.add_argument("--no-extract", action="store_true", help="compile only")
    args = parser.parse_args()
    if args.check:
        stale = stale_catalogues()
        for mo in stale:
            print(f"{mo} is out of date: run scripts/update_web_translations.py")
        return 1 if stale else 0
    for language in LANGUAGES:
        if not args.no_extract:
            extract_into(language)
        mo_path(language).parent.mkdir(parents=True, exist_ok=True)
        mo_path(language).write_bytes(compiled(language))
        print(f"compiled {mo_path(language).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
