"""Small value parsers shared by the CSV import, the settings and the command line."""

from __future__ import annotations

from typing import Final

_TRUE: Final = frozenset({"yes", "oui", "true", "1", "y", "o", "vrai"})
_FALSE: Final = frozenset({"no", "non", "false", "0", "n", "faux"})


def parse_bool(text: str) -> bool:
    """yes/no, oui/non, true/false, 1/0 (any case); ValueError otherwise."""
    folded = text.strip().casefold()
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    raise ValueError(f"{text!r} is not a yes/no value (yes/no, oui/non, true/false, 1/0)")


def format_bool(value: bool) -> str:
    return "yes" if value else "no"
