"""The frozen Linux app's ICU data (installer/icu_data.py): cut to a quarter, Qt still sorts
French names in French order, names time zones in French and English, and decodes legacy
character sets, exactly as with the whole data."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.support.scripts import load_script

QT_LIBRARIES = Path(importlib.util.find_spec("PySide6").origin).parent / "Qt" / "lib"  # type: ignore[arg-type, union-attr]

# What QtCore asks ICU for, printed by a Python that loads the given libicudata.
PROBE = """
from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QTimeZone
names = ["Côté", "cote", "Élodie", "coté", "zèbre", "côte", "Eve", "été", "etre", "abc"]
for locale in ("fr_CA", "fr_FR", "en_CA", "de_DE"):
    print(locale, sorted(names, key=QCollator(QLocale(locale)).sortKey))
montreal = QTimeZone(b"America/Montreal")
for locale in ("fr_CA", "en_US"):
    print(locale, montreal.displayName(QTimeZone.StandardTime, QTimeZone.LongName, QLocale(locale)))
for encoding in ("windows-1252", "ISO-8859-15", "Shift_JIS", "IBM850"):
    print(encoding, QStringDecoder(encoding).isValid())
print(QLocale("fr_CA").toUpper("élan"), QLocale("tr_TR").toUpper("istanbul"))
"""


def icu_data() -> ModuleType:
    return load_script("installer/icu_data.py")


def probe(libicudata: Path | None) -> list[str]:
    environment = dict(os.environ, LANG="C.UTF-8")
    if libicudata is not None:  # loaded first, it stands for the wheel's library of that name
        environment["LD_PRELOAD"] = str(libicudata)
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=environment, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_only_data_qt_never_reads_and_other_languages_locale_data_are_left_out() -> None:
    unused = icu_data().unused
    for item in ("brkitr/cjdict.dict", "lang/fr.res", "curr/en.res", "unit/fr_CA.res",
                 "translit/root.res", "unames.icu", "de.res", "coll/de_.res", "zone/zh_Hant_TW.res",
                 "coll/ja.res"):  # fmt: skip
        assert unused(item), item
    for item in ("root.res", "fr.res", "fr_CA.res", "en_001.res", "coll/root.res", "coll/fr_CA.res",
                 "coll/ucadata.icu", "coll/res_index.res", "res_index.res", "zone/fr.res",
                 "zone/tzdbNames.res", "zoneinfo64.res", "metaZones.res", "supplementalData.res",
                 "pool.res", "cnvalias.icu", "ibm-943_P15A-2003.cnv", "windows-1252-2000.cnv",
                 "nfkc.nrm"):  # fmt: skip
        assert not unused(item), item


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="only Linux's PySide6 has ICU")
def test_qt_collates_names_zones_and_character_sets_as_with_the_whole_data(tmp_path: Path) -> None:
    libraries = [path for path in QT_LIBRARIES.glob("libicudata.so.*") if not path.is_symlink()]
    assert libraries, f"no libicudata in {QT_LIBRARIES}"
    module = icu_data()
    missing = [tool for tool in module.TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (Debian: icu-devtools, binutils)")
    whole = min(libraries)
    trimmed = tmp_path / "lib" / whole.name
    trimmed.parent.mkdir()
    shutil.copy2(whole, trimmed)

    module.trim_icu_data(tmp_path)

    assert trimmed.stat().st_size < whole.stat().st_size / 3
    expected = probe(None)
    # Canadian French compares accents from the end of the word (coll/fr_CA.res), France not.
    assert expected[0].startswith("fr_CA ['abc', 'cote', 'côte', 'coté', 'Côté', 'Élodie', 'été'")
    assert expected[1].startswith("fr_FR ['abc', 'cote', 'coté', 'côte', 'Côté', 'Élodie', 'été'")
    assert "fr_CA heure normale de l’Est" in expected
    answers = probe(trimmed)
    assert answers == expected
