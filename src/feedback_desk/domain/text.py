"""Text comparisons that ignore case and accents, as people type names and labels."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower-case, no accents, whitespace collapsed: ``" Élodie  GAGNÉ"`` → ``"elodie gagne"``."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def name_tokens(text: str) -> list[str]:
    """Folded words of a name, hyphens and punctuation treated as spaces."""
    cleaned = "".join(ch if ch.isalnum() else " " for ch in fold(text))
    return cleaned.split()
