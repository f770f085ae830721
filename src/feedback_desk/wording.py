"""What a known failure says, English in the code, said in the reader's language when shown.

A :class:`Wording` is an English template with named placeholders and their values: ``str()``
gives the English sentence (the command line's contract), :meth:`Wording.render` gives it in
another language from the ``problems`` gettext catalogue, compiled into
``resources/translations/generated/problems/`` (see scripts/update_web_translations.py). Writing
``Wording("...")`` marks the template for that catalogue: the extractor looks for this very name,
so the template must be a literal. A value that is itself a :class:`Wording` (a word, a reason) is
said in the same language. No Qt here: services, the store and the domain build these.
"""

from __future__ import annotations

import gettext
import logging
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from types import MappingProxyType

from feedback_desk import paths

DOMAIN = "problems"
SOURCE_LANGUAGE = "en"

log = logging.getLogger(__name__)


class Wording:
    """An English template (``{name}`` placeholders, ``str.format`` syntax) and its values."""

    __slots__ = ("params", "template", "translatable")

    def __init__(self, template: str, /, **params: object) -> None:
        self.template = template
        self.params: Mapping[str, object] = MappingProxyType(params)
        self.translatable = True

    @classmethod
    def verbatim(cls, text: str) -> Wording:
        """*text* as it is in every language (a message from another program, a name)."""
        said = cls(text.replace("{", "{{").replace("}", "}}"))
        said.translatable = False
        return said

    @classmethod
    def joined(cls, parts: Sequence[Wording], separator: str) -> Wording:
        """*parts* one after the other, each said in the reader's language."""
        said = cls(
            separator.join(f"{{part{index}}}" for index in range(len(parts))),
            **{f"part{index}": part for index, part in enumerate(parts)},
        )
        said.translatable = False
        return said

    def render(self, language: str = SOURCE_LANGUAGE) -> str:
        template = (
            translations(language).gettext(self.template) if self.translatable else self.template
        )
        values = {
            name: value.render(language) if isinstance(value, Wording) else value
            for name, value in self.params.items()
        }
        return template.format(**values)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Wording({self.template!r}, **{dict(self.params)!r})"


def catalogue_dir() -> Path:
    return paths.resource_dir() / "translations" / "generated" / DOMAIN


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The ``problems`` catalogue of *language*; English (the source) needs none.

    A missing catalogue is logged and the English said instead: a failure's message must reach
    its reader even from a broken installation (a test and the frozen-app check guard it).
    """
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    try:
        return gettext.translation(DOMAIN, localedir=catalogue_dir(), languages=[language])
    except OSError:
        log.warning("no %s catalogue for %r in %s", DOMAIN, language, catalogue_dir())
        return gettext.NullTranslations()
