"""Text helpers: comparisons that ignore case and accents, as people type names and labels, and
client text made safe for terminals and databases."""

from __future__ import annotations

import re
import unicodedata

# C0 controls but tab and newline, DEL, C1 controls: what a terminal may take for a command
# (ESC starts colour, cursor and title sequences; C1's CSI does the same in one character).
_TERMINAL_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# DEL and C1, which JSON leaves as they are (it escapes only U+0000-U+001F).
_JSON_UNESCAPED_CONTROLS = re.compile("[\x7f-\x9f]")


def fold(text: str) -> str:
    """Lower-case, no accents, whitespace collapsed: ``" Élodie  GAGNÉ"`` → ``"elodie gagne"``."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def name_tokens(text: str) -> list[str]:
    """Folded words of a name, hyphens and punctuation treated as spaces."""
    cleaned = "".join(ch if ch.isalnum() else " " for ch in fold(text))
    return cleaned.split()


def without_nul(text: str) -> str:
    """*text* without NUL characters: PostgreSQL cannot store them, and nobody types them."""
    return text.replace("\x00", "")


def terminal_safe(text: str) -> str:
    """*text* with every control character but tab and newline shown as ``\\xNN``: client text
    (a name imported with an escape sequence) can neither recolour, move nor retitle a
    terminal, and what it held stays visible."""
    return _TERMINAL_CONTROLS.sub(lambda match: f"\\x{ord(match[0]):02x}", text)


def json_safe(serialized: str) -> str:
    """JSON text with DEL and the C1 controls escaped too (``\\u009b``): the same value, and
    nothing a terminal would act on."""
    return _JSON_UNESCAPED_CONTROLS.sub(lambda match: f"\\u{ord(match[0]):04x}", serialized)
