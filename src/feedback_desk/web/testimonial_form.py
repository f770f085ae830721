"""The testimonial journey's form: its state travels in the form from step to step (hidden fields
for what the current step does not show), so the pages keep no state of their own and work
without a script.

A form is read strictly: what a browser would not send (a quality not offered, a text over its
limit, an unknown reason, step or action) is refused with the polite page and nothing is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TypeVar

from werkzeug.datastructures import MultiDict

from feedback_desk.domain.testimonials import (
    MAX_JOB_TITLE_CHARS,
    MAX_REFUSAL_CHARS,
    MAX_TEXT_CHARS,
    ConsentPart,
    RefusalReason,
)
from feedback_desk.services.aspects import MAX_LABEL_CHARS
from feedback_desk.services.prompting.kiosk import AspectOption
from feedback_desk.services.testimonials.answering import Acceptance, Refusal
from feedback_desk.web.problems import PageProblem, Problem

MAX_OWN_QUALITIES = 10
# The ends of text fields are kept as typed between steps; what is recorded is trimmed.
MAX_FIELD_CHARS = {
    "text_1": MAX_TEXT_CHARS,
    "text_2": MAX_TEXT_CHARS,
    "job_title": MAX_JOB_TITLE_CHARS,
    "why": MAX_REFUSAL_CHARS,
}


class Step(StrEnum):
    START = "start"
    QUALITIES = "qualities"
    TEXTS = "texts"
    DETAILS = "details"
    REFUSAL = "refusal"


class Action(StrEnum):
    YES = "yes"
    NO = "no"
    LATER = "later"  # the kiosk's "Not now"
    NEXT = "next"
    BACK = "back"
    ADD = "add"  # a quality in the client's own words
    PREVIEW = "preview"
    UPLOAD = "upload"
    REMOVE_PHOTO = "remove_photo"
    SEND = "send"


@dataclass(frozen=True)
class JourneyState:
    """Everything the client chose so far."""

    qualities: frozenset[int] = frozenset()
    own: tuple[str, ...] = ()
    text_1: str = ""
    text_2: str = ""
    job_title: str = ""
    full_name: bool = False
    consents: frozenset[ConsentPart] = field(default_factory=frozenset)
    reason: RefusalReason | None = None
    why: str = ""

    def with_own_words(self, words: str, options: Sequence[AspectOption]) -> JourneyState:
        """Typed words: an offered quality when they match its French or English label
        (ticked), else the client's own quality (ticked), once."""
        text = " ".join(words.split())
        if not text:
            return self
        folded = text.casefold()
        for option in options:
            if folded in (option.label_fr.casefold(), option.label_en.casefold()):
                return replace(self, qualities=self.qualities | {option.id})
        if any(label.casefold() == folded for label in self.own):
            return self
        if len(self.own) >= MAX_OWN_QUALITIES:
            raise PageProblem(Problem.BAD_FORM)
        return replace(self, own=(*self.own, text))

    @property
    def has_quality(self) -> bool:
        return bool(self.qualities or self.own)

    def acceptance(self, options: Sequence[AspectOption]) -> Acceptance:
        return Acceptance(
            quality_ids=[o.id for o in options if o.id in self.qualities],
            own_qualities=list(self.own),
            text_1=self.text_1,
            text_2=self.text_2,
            job_title=self.job_title,
            full_name=self.full_name,
            consents=self.consents,
        )

    def refusal(self) -> Refusal:
        assert self.reason is not None
        return Refusal(self.reason, self.why)


def _text(form: MultiDict[str, str], name: str) -> str:
    # Browsers send a text area's line breaks as CRLF; one line break is one character.
    value = form.get(name, "").replace("\r\n", "\n")
    if len(value) > MAX_FIELD_CHARS[name]:
        raise PageProblem(Problem.BAD_FORM)
    return value


def _label(text: str) -> str:
    label = " ".join(text.split())
    if not label or len(label) > MAX_LABEL_CHARS:
        raise PageProblem(Problem.BAD_FORM)
    return label


E = TypeVar("E", bound=StrEnum)


def _enum(kind: type[E], text: str | None) -> E:
    try:
        return kind(text or "")
    except ValueError:
        raise PageProblem(Problem.BAD_FORM) from None


def read_step(form: MultiDict[str, str]) -> tuple[Step, Action]:
    return _enum(Step, form.get("step")), _enum(Action, form.get("action"))


def read_state(form: MultiDict[str, str], options: Sequence[AspectOption]) -> JourneyState:
    """The state a journey form carries; PageProblem(BAD_FORM) for anything a browser would
    not send. Words typed in the "own words" field count once the form comes back."""
    known = {str(o.id): o.id for o in options}
    ticked = form.getlist("quality")
    if any(value not in known for value in ticked):
        raise PageProblem(Problem.BAD_FORM)
    own = tuple(dict.fromkeys(_label(value) for value in form.getlist("own_quality")))
    if len(own) > MAX_OWN_QUALITIES:
        raise PageProblem(Problem.BAD_FORM)
    consents = frozenset(_enum(ConsentPart, value) for value in form.getlist("consent"))
    name_shown = form.get("name_shown", "short")
    if name_shown not in ("short", "full"):
        raise PageProblem(Problem.BAD_FORM)
    reason = form.get("reason")
    new_quality = form.get("new_quality", "")
    if len(new_quality) > MAX_LABEL_CHARS:
        raise PageProblem(Problem.BAD_FORM)
    state = JourneyState(
        qualities=frozenset(known[value] for value in ticked),
        own=own,
        text_1=_text(form, "text_1"),
        text_2=_text(form, "text_2"),
        job_title=" ".join(_text(form, "job_title").split()),
        full_name=name_shown == "full",
        consents=consents,
        reason=_enum(RefusalReason, reason) if reason else None,
        why=_text(form, "why"),
    )
    return state.with_own_words(new_quality, options)
