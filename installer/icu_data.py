"""Qt's ICU data, cut to what QtCore asks ICU for (Linux builds; installer/README.md, "Size").

PyPI's PySide6 for Linux ships ICU 73 for QtCore. Its data library, libicudata (31 MB), holds
every language's names of languages, countries, currencies and units, transliterators, numbers
spelled out, the line-breaking dictionaries of Thai, Khmer, Lao, Burmese, Chinese and Japanese...
QtCore calls four parts of ICU only (the ICU symbols it imports: ``nm -D --undefined-only
libQt6Core.so.6 | grep _73``):

- case mapping (``u_strToUpper``/``u_strToLower``): tables compiled into libicuuc, no data item;
- collation (``ucol_*``: QCollator, which sorts the file dialog's lists): ``coll/``;
- time zones (``ucal_*``: QTimeZone's ids and names): the zone tables and ``zone/``;
- legacy character sets (``ucnv_*``: QStringDecoder): the converters (``*.cnv``).

So the data keeps every converter, the time zone tables, the supplemental data (calendars, likely
subtags, plurals...) and normalisation, and for locale data (``coll/``, ``zone/`` and the locales'
own bundles) the root and the languages the app speaks, French and English, in all their regional
variants. It leaves out the folders none of those four reads (below) and other languages' locale
data: ICU falls back to the root then (sorting by the root's order, which is already right for
Latin-script names; a zone named in English rather than in German). ICU's own tools do it:
``icupkg`` removes the items (and refuses if a kept item depends on a removed one), ``genccode``
turns the data back into the object that libicuuc links to (symbol ``icudt73_dat``), ``ld`` makes
the library (Debian packages icu-devtools and binutils).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# Folders of ICU data that none of case mapping, collation, time zones and converters reads:
# line and word breaking with its dictionaries, currencies', languages', countries' and units'
# names, numbers spelled out, transliterators.
UNUSED_FOLDERS = ("brkitr/", "curr/", "lang/", "rbnf/", "region/", "translit/", "unit/")
# Unicode character names (u_charName, never called).
UNUSED_ITEMS = {"unames.icu"}
# A locale's bundle, at the top or in coll/ and zone/: a language code and its variants
# ("fr_CA", "de_", "zh_Hant_TW"). res_index, each folder's list of locales, is not a locale.
LOCALE_BUNDLE = re.compile(r"^(?:coll/|zone/)?(?P<locale>[a-z]{2,3}(?:_[A-Za-z0-9]*)*)\.res$")
NOT_A_LOCALE = "res_index"
KEPT_LANGUAGES = {"en", "fr"}  # the root ("root.res") is not matched: it always stays

TOOLS = ("objcopy", "icupkg", "genccode", "ld")


def unused(item: str) -> bool:
    """Whether a data item (its name in the package, "coll/de.res") is left out."""
    if item.startswith(UNUSED_FOLDERS) or item in UNUSED_ITEMS:
        return True
    bundle = LOCALE_BUNDLE.match(item)
    if bundle is None or bundle["locale"] == NOT_A_LOCALE:
        return False
    return bundle["locale"].split("_")[0] not in KEPT_LANGUAGES


def trim_icu_data(folder: Path) -> None:
    """Replace every libicudata.so.<version> under *folder* with one holding the data used."""
    tools = {tool: shutil.which(tool) for tool in TOOLS}
    missing = [tool for tool, path in tools.items() if path is None]
    if missing:
        names = ", ".join(missing)
        print(f"{names} not found (Debian: icu-devtools, binutils): ICU keeps all its data")
        return
    for library in sorted(folder.rglob("libicudata.so.*")):
        if not library.is_symlink():
            _trim(library, {tool: str(path) for tool, path in tools.items()})


def _trim(library: Path, tools: dict[str, str]) -> None:
    version = library.name.rsplit(".", 1)[1]
    # The package's name prefixes its items' names ("icudt73l/coll/root.res"): ICU looks them up
    # by it, and icupkg takes it from the file's name.
    package = f"icudt{version}{'l' if sys.byteorder == 'little' else 'b'}.dat"
    before = library.stat().st_size
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        (work / "whole").mkdir()
        (work / "used").mkdir()
        whole, used = work / "whole" / package, work / "used" / package
        # The library is nothing but the data, in its .rodata section.
        run(tools["objcopy"], "-O", "binary", "--only-section=.rodata", library, whole)
        run(tools["icupkg"], "--list", whole, "--outlist", work / "items.txt")
        items = (work / "items.txt").read_text(encoding="ascii").split()
        left_out = [item for item in items if unused(item)]
        (work / "left_out.txt").write_text("\n".join(left_out) + "\n", encoding="ascii")
        run(tools["icupkg"], "--remove", work / "left_out.txt", whole, used)
        # --match-arch: an object for the library's own machine (genccode's ELF default is i386).
        run(tools["genccode"], "--quiet", "--object", "--match-arch", library,
            "--entrypoint", f"icudt{version}", "--destdir", work, used)  # fmt: skip
        objects = list(work.glob("*.o"))
        run(tools["ld"], "-shared", "-z", "noexecstack", "-soname", library.name,
            "-o", library, *objects)  # fmt: skip
    after = library.stat().st_size
    print(
        f"ICU data: {len(items) - len(left_out)} of {len(items)} items kept, "
        f"{before / 1e6:.0f} MB → {after / 1e6:.0f} MB ({library.name})"
    )


def run(*command: str | Path) -> None:
    subprocess.run([str(part) for part in command], check=True, stdout=subprocess.DEVNULL)
