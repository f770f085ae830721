"""Reading a client's emailed answer: the stars and the comment.

The rules are in docs/rules.md#reading-stars-and-comment.

Pure text rules over the reply's plain text:

- The reply's own text is what comes above the quoted message: the first line starting with
  ``>``, an attribution line ("On … wrote:", "Le … a écrit :", also when a mail program wraps it
  over two lines) or a forwarded/original-message separator ends it.
- A signature starts at a ``-- `` line (also ``--`` once a mail program trimmed the space).
- The stars are the number at the end of a ``mailto:`` answer's subject; else the first whole
  number from 1 to 5, or run of 1 to 5 ``★``, in the own text. A decimal (4.5), a time (5:30,
  5pm), a part of a date (2026-05-15, 15/05) or 10 are not such a number and are passed over.
- The comment is the own text without the signature and without that number (with a "/5",
  "stars" or "étoiles" right after it); blank when nothing else was written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ATTRIBUTION = re.compile(
    r"^\s*(?:On\s.+\swrote|Le\s.+\sa\s+écrit)\s*:\s*$", re.IGNORECASE | re.DOTALL
)
_SEPARATORS = re.compile(
    r"^\s*(?:-{2,}\s*(?:Original Message|Message d'origine|Forwarded message|"
    r"Message transféré)\s*-{2,}|_{10,})\s*$",
    re.IGNORECASE,
)
_SIGNATURE = ("-- ", "--")
# A number as written: digits joined by . , or : (4.5, 1,000, 17:30) count as one, not whole.
_NUMBER = re.compile(r"(?<![\w.,:/-])\d+(?:[.,:]\d+)*(?!\w)")
_STAR_RUN = re.compile(r"★+")
# What may follow the number and goes with it: "4/5", "4 stars", "4 étoiles", "4 ★".
_UNIT = re.compile(r"\s*(?:/\s*5|sur\s+5|out\s+of\s+5|★+|☆+|stars?\b|étoiles?\b)*", re.IGNORECASE)
_LEADING_PUNCTUATION = re.compile(r"^[\s,;:.!\-–—]+")
_SUBJECT_STARS = re.compile(r"(?<!\d)([1-5])\s*★?\s*$")


@dataclass(frozen=True)
class ReadAnswer:
    stars: int | None
    comment: str | None


def _ends_own_text(lines: list[str], index: int) -> bool:
    line = lines[index]
    if line.lstrip().startswith(">") or _SEPARATORS.match(line):
        return True
    if _ATTRIBUTION.match(line):
        return True
    # An attribution wrapped over two lines: "On Fri, … Studio <" / "hello@studio.example> wrote:"
    following = lines[index + 1] if index + 1 < len(lines) else ""
    wrapped = line.lstrip().startswith(("On ", "Le ")) and bool(following)
    return wrapped and _ATTRIBUTION.match(f"{line} {following}") is not None


def split_reply(text: str) -> tuple[str, str]:
    """The reply's own text above the quote, and its signature (empty when none)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    own: list[str] = []
    for index in range(len(lines)):
        if _ends_own_text(lines, index):
            break
        own.append(lines[index])
    for index, line in enumerate(own):
        if line in _SIGNATURE:
            return "\n".join(own[:index]), "\n".join(own[index + 1 :])
    return "\n".join(own), ""


def own_text(text: str) -> str:
    """What the client wrote above the quote, signature included (what staff read)."""
    body, signature = split_reply(text)
    return tidy(f"{body}\n-- \n{signature}" if signature.strip() else body)


def tidy(text: str) -> str:
    """Trailing spaces and runs of blank lines removed, ends trimmed."""
    lines = [line if line == "-- " else line.rstrip() for line in text.split("\n")]
    kept: list[str] = []
    for line in lines:
        if not line and (not kept or not kept[-1]):
            continue
        kept.append(line)
    return "\n".join(kept).strip()


def _first_rating(text: str) -> tuple[int, int, int] | None:
    """(stars, start, end) of the first whole number 1-5 or run of 1-5 ★ in *text*."""
    found: list[tuple[int, int, int]] = []
    for match in _NUMBER.finditer(text):
        written = match.group(0)
        if written in ("1", "2", "3", "4", "5"):
            found.append((int(written), match.start(), match.end()))
            break
    for match in _STAR_RUN.finditer(text):
        if len(match.group(0)) <= 5:
            found.append((len(match.group(0)), match.start(), match.end()))
            break
    return min(found, key=lambda item: item[1], default=None)


def stars_in_subject(subject: str) -> int | None:
    """The stars at the end of a mailto answer's subject ("Review <token> 4 ★")."""
    match = _SUBJECT_STARS.search(subject.strip())
    return int(match.group(1)) if match else None


def read_answer(text: str, *, subject_stars: int | None = None) -> ReadAnswer:
    """The stars and the comment of an emailed answer (see the module's docstring)."""
    body, _signature = split_reply(text)
    if subject_stars is not None:
        return ReadAnswer(subject_stars, tidy(body) or None)
    rating = _first_rating(body)
    if rating is None:
        return ReadAnswer(None, tidy(body) or None)
    stars, start, end = rating
    unit = _UNIT.match(body, end)
    before, after = body[:start], body[unit.end() if unit else end :]
    if before.endswith(" ") and after.startswith(" "):
        after = after.lstrip(" ")
    # "4, great class" and "2 - too crowded": the punctuation went with the number.
    comment = _LEADING_PUNCTUATION.sub("", tidy(before + after))
    return ReadAnswer(stars, comment or None)
