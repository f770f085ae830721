"""Named mappings: built-in presets for booking systems' exports, and the studio's own.

A preset file is ``{"name": ..., "description": ..., "sources": [...], "kinds": {"clients":
MAPPING, "visits": MAPPING}}``. Built-in presets ship in ``resources/import_presets`` and name in
``sources`` the public documents their column names come from; the studio's presets (the
window's "Save as preset") live in ``import-presets`` in the data folder. Names are matched
ignoring case, accents, spaces and punctuation; a studio preset cannot take a built-in's name.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from feedback_desk import paths
from feedback_desk.errors import UserInputError
from feedback_desk.services.importing.aliases import header_key
from feedback_desk.services.importing.columns import ImportKind
from feedback_desk.services.importing.mapping import Mapping, mapping_from_json
from feedback_desk.services.importing.messages import Code
from feedback_desk.services.importing.problems import ImportRejected, problem
from feedback_desk.wording import Wording

BUILTIN_FOLDER = "import_presets"
USER_FOLDER = "import-presets"
MAX_NAME_CHARS = 60


@dataclass(frozen=True)
class Preset:
    name: str
    builtin: bool
    kinds: dict[ImportKind, Mapping]
    description: str = ""
    sources: tuple[str, ...] = field(default=())

    def mapping(self, kind: ImportKind) -> Mapping:
        try:
            return self.kinds[kind]
        except KeyError:
            raise ImportRejected(
                [
                    problem(
                        f"preset {self.name}",
                        None,
                        Code.PRESET_KIND,
                        name=self.name,
                        kinds=", ".join(k.value for k in self.kinds),
                        kind=kind.value,
                    )
                ]
            ) from None


def builtin_folder() -> Path:
    return paths.resource_dir() / BUILTIN_FOLDER


def user_folder() -> Path:
    return paths.data_dir() / USER_FOLDER


def _read(path: Path, *, builtin: bool) -> Preset:
    source = f"preset {path.stem}"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ImportRejected([problem(source, None, Code.MAPPING_JSON, error=str(exc))]) from None
    if not isinstance(data, dict) or not isinstance(data.get("kinds"), dict):
        raise ImportRejected(
            [problem(source, None, Code.MAPPING_SHAPE, key="kinds", expected="an object of kinds")]
        )
    kinds: dict[ImportKind, Mapping] = {}
    for kind_name, mapping in data["kinds"].items():
        try:
            kind = ImportKind(kind_name)
        except ValueError:
            raise ImportRejected(
                [
                    problem(
                        source,
                        None,
                        Code.MAPPING_SHAPE,
                        key=f"kinds.{kind_name}",
                        expected="one of " + ", ".join(k.value for k in ImportKind),
                    )
                ]
            ) from None
        kinds[kind] = mapping_from_json(mapping, source).without_preset()
    return Preset(
        name=str(data.get("name") or path.stem),
        builtin=builtin,
        kinds=kinds,
        description=str(data.get("description", "")),
        sources=tuple(str(s) for s in data.get("sources", ())),
    )


def _files(folder: Path) -> dict[str, Path]:
    if not folder.is_dir():
        return {}
    return {header_key(p.stem): p for p in sorted(folder.glob("*.json"))}


def list_presets(kind: ImportKind | None = None) -> list[Preset]:
    """Every preset (built-in first, then the studio's), those with a mapping for *kind* only."""
    found = [_read(p, builtin=True) for p in _files(builtin_folder()).values()]
    builtin_keys = {header_key(p.name) for p in found}
    found += [
        _read(p, builtin=False)
        for key, p in _files(user_folder()).items()
        if key not in builtin_keys
    ]
    return [p for p in found if kind is None or kind in p.kinds]


def load_preset(name: str) -> Preset:
    key = header_key(name)
    for folder, builtin in ((builtin_folder(), True), (user_folder(), False)):
        path = _files(folder).get(key)
        if path is not None:
            return _read(path, builtin=builtin)
    names = ", ".join(p.name for p in list_presets()) or "none yet"
    raise ImportRejected(
        [problem(f"--preset {name}", None, Code.UNKNOWN_PRESET, name=name, names=names)]
    )


def preset_mapping(name: str, kind: ImportKind) -> Mapping:
    return load_preset(name).mapping(kind)


def resolve(mapping: Mapping, kind: ImportKind) -> Mapping:
    """A mapping file's own keys over the preset it names (if any)."""
    if mapping.preset is None:
        return mapping
    return mapping.without_preset().over(preset_mapping(mapping.preset, kind))


def _file_stem(name: str) -> str:
    cleaned = name.strip()
    if not cleaned or len(cleaned) > MAX_NAME_CHARS or not header_key(cleaned):
        raise UserInputError(
            Wording(
                "a preset name has 1 to {max_name_chars} characters, letters or digits among them",
                max_name_chars=MAX_NAME_CHARS,
            )
        )
    # The file is named by the key, so that "Mindbody clients" and "mindbody-clients" are one.
    return header_key(cleaned)


def save_preset(name: str, kind: ImportKind, mapping: Mapping, *, replace: bool = False) -> Path:
    """Save *mapping* as the studio's preset *name* for *kind* (other kinds it holds are kept).

    UserInputError when the name is a built-in preset's, or when the preset already has a
    mapping for *kind* and *replace* is false (the window asks before replacing).
    """
    stem = _file_stem(name)
    if stem in _files(builtin_folder()):
        raise UserInputError(
            Wording(
                "{name!r} is the name of a built-in preset; choose another name",
                name=name,
            )
        )
    folder = user_folder()
    path = folder / f"{stem}.json"
    data: dict[str, Any] = {"name": name.strip(), "kinds": {}}
    if path.exists():
        existing = json.loads(path.read_text(encoding="utf-8"))
        if kind.value in existing.get("kinds", {}) and not replace:
            raise UserInputError(
                Wording(
                    "the preset {name!r} already has a mapping for {kind} files",
                    name=name,
                    kind=kind,
                )
            )
        data["kinds"] = dict(existing.get("kinds", {}))
        data["name"] = existing.get("name") or data["name"]  # the name as first written
    data["kinds"][kind.value] = mapping.without_preset().to_json()
    folder.mkdir(parents=True, exist_ok=True)
    # Written whole then renamed, so that a crash never leaves half a preset.
    handle, temp = tempfile.mkstemp(dir=folder, prefix=".preset-", suffix=".json")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
    os.replace(temp, path)
    return path


def delete_preset(name: str) -> None:
    """Remove the studio's preset *name*; UserInputError for a built-in or unknown one."""
    key = header_key(name)
    if key in _files(builtin_folder()):
        raise UserInputError(
            Wording(
                "{name!r} is a built-in preset; it cannot be deleted",
                name=name,
            )
        )
    path = _files(user_folder()).get(key)
    if path is None:
        raise UserInputError(
            Wording(
                "no preset of yours is named {name!r}",
                name=name,
            )
        )
    path.unlink()
