"""Refresh the gettext catalogues (client pages, exports, problems): extract strings into the .po,
compile the .mo.

    python scripts/update_web_translations.py          # extract (sources → .po), then compile
    python scripts/update_web_translations.py --check  # exit 1 when a catalogue is out of date

One catalogue a domain, strings English in the code:

- ``web``: the client pages, ``src/feedback_desk/web/`` (``gettext`` in Python, ``_``/``ngettext``
  in the Jinja templates), French in ``resources/translations/web_fr.po``;
- ``export``: the XLSX export's sheet names, headers and values,
  ``src/feedback_desk/services/export/`` (``N_`` marks them), French in
  ``resources/translations/export_fr.po``;
- ``problems``: what known failures say (``FeedbackDeskError`` messages), the whole package but
  the window and the client pages (``Wording("...")`` marks them, see
  ``src/feedback_desk/wording.py``), French in ``resources/translations/problems_fr.po``.

The .po files are hand-maintained: after extracting, translate the new entries (any .po editor or
a text editor), then run the script again to compile
``resources/translations/generated/<domain>/fr/LC_MESSAGES/<domain>.mo``, which is generated and
never edited. Babel does both steps (it is installed with Flask-Babel).
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path
from typing import NamedTuple

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "feedback_desk"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("fr",)


class Domain(NamedTuple):
    name: str
    project: str
    sources: Path
    methods: tuple[tuple[str, str], ...]
    # None: Babel's default keywords (gettext, _, N_, ngettext...).
    keywords: dict[str, object] | None = None


WEB = Domain(
    "web",
    "Feedback Desk client pages",
    PACKAGE / "web",
    (("**.py", "python"), ("templates/**.html", "jinja2.ext:babel_extract")),
)
EXPORT = Domain(
    "export", "Feedback Desk exports", PACKAGE / "services" / "export", (("**.py", "python"),)
)
PROBLEMS = Domain(
    "problems",
    "Feedback Desk problems",
    PACKAGE,
    (("ui/**.py", "ignore"), ("**.py", "python")),
    {"Wording": None},
)
DOMAINS = (WEB, EXPORT, PROBLEMS)


def po_path(language: str, domain: Domain = WEB) -> Path:
    return TRANSLATIONS / f"{domain.name}_{language}.po"


def mo_path(language: str, domain: Domain = WEB) -> Path:
    return TRANSLATIONS / "generated" / domain.name / language / "LC_MESSAGES" / f"{domain.name}.mo"


def extracted(domain: Domain = WEB, creation_date: object = None) -> Catalog:
    """Every translatable string of *domain*'s sources, as a template catalogue."""
    template = Catalog(project=domain.project, creation_date=creation_date)
    extra = {} if domain.keywords is None else {"keywords": domain.keywords}
    for _file, _line, message, comments, context in extract_from_dir(
        str(domain.sources), list(domain.methods), comment_tags=("Translators:",), **extra
    ):
        template.add(message, None, auto_comments=comments, context=context)
    return template


def read_catalogue(language: str, domain: Domain = WEB) -> Catalog:
    with po_path(language, domain).open("rb") as handle:
        return read_po(handle, locale=language, domain=domain.name)


def compiled(language: str, domain: Domain = WEB) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, read_catalogue(language, domain), use_fuzzy=False)
    return buffer.getvalue()


def stale_catalogues() -> list[Path]:
    """The generated .mo files that differ from a fresh compile of their .po, and the .po files
    missing a string their sources mark (or still holding one they no longer do)."""
    stale = [
        mo_path(lang, domain)
        for domain in DOMAINS
        for lang in LANGUAGES
        if not po_path(lang, domain).exists()
        or not mo_path(lang, domain).exists()
        or mo_path(lang, domain).read_bytes() != compiled(lang, domain)
    ]
    stale += [
        po_path(lang, domain)
        for domain in DOMAINS
        for lang in LANGUAGES
        if po_path(lang, domain).exists() and not in_step(lang, domain)
    ]
    return stale


def in_step(language: str, domain: Domain) -> bool:
    """Whether *language*'s .po holds exactly the strings *domain*'s sources mark."""
    marked = {message.id for message in extracted(domain) if message.id}
    shipped = {message.id for message in read_catalogue(language, domain) if message.id}
    return marked == shipped


def extract_into(language: str, domain: Domain) -> None:
    path = po_path(language, domain)
    if path.exists():
        catalogue = read_catalogue(language, domain)
    else:
        catalogue = Catalog(locale=language, domain=domain.name, project=domain.project)
    catalogue.update(extracted(domain, catalogue.creation_date), no_fuzzy_matching=True)
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
    for domain in DOMAINS:
        for language in LANGUAGES:
            if not args.no_extract:
                extract_into(language, domain)
            mo = mo_path(language, domain)
            mo.parent.mkdir(parents=True, exist_ok=True)
            mo.write_bytes(compiled(language, domain))
            print(f"compiled {mo.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
