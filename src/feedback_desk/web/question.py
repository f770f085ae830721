"""The question page, shared by the browser kiosk and the answer page of an email request: the
question, 1-5 stars, the aspects offered for the stars (and one's own words), a comment, Send and
Ignore for now.

The page's state travels in its form, so it works without JavaScript: a star or "Add" posts the
form back and the page comes again with the new state; Send records it. A form is read strictly:
what a browser would not send (stars 0 or 6, an aspect not offered, a missing field, text over its
limit) is refused with the polite page and nothing is written. Ticks in a list the stars do not
offer are kept on the page (as the kiosk window keeps them) but never sent.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from werkzeug.datastructures import MultiDict

from feedback_desk.domain.kinds import Polarity
from feedback_desk.domain.segments import offered_polarities
from feedback_desk.services.aspects import MAX_LABEL_CHARS
from feedback_desk.services.prompting.kiosk import AspectOption
from feedback_desk.services.prompting.recording import Answer, OwnAspect
from feedback_desk.services.review_recording import MAX_COMMENT_CHARS
from feedback_desk.web.problems import PageProblem, Problem

# Excel first: a happy client sees what they liked before anything else (as the window).
POLARITY_ORDER = (Polarity.EXCEL, Polarity.TO_IMPROVE)
OWN_FIELDS = {Polarity.EXCEL: "own_excel", Polarity.TO_IMPROVE: "own_to_improve"}
NEW_FIELDS = {Polarity.EXCEL: "new_excel", Polarity.TO_IMPROVE: "new_to_improve"}
MAX_OWN_PER_LIST = 10
STAR_VALUES = ("1", "2", "3", "4", "5")


@dataclass(frozen=True)
class QuestionState:
    """What the client chose so far (stars 0: none yet)."""

    stars: int = 0
    aspect_ids: frozenset[int] = frozenset()
    own: Mapping[Polarity, tuple[str, ...]] = field(default_factory=dict)
    comment: str = ""

    def with_own_words(
        self, polarity: Polarity, words: str, options: Sequence[AspectOption]
    ) -> QuestionState:
        """Add typed words to a list: an offered aspect of that list when they match its French or
        English label (ticked), else the client's own aspect (ticked), once."""
        text = " ".join(words.split())
        if not text:
            return self
        folded = text.casefold()
        for option in options:
            if option.polarity is polarity and folded in (
                option.label_fr.casefold(),
                option.label_en.casefold(),
            ):
                return replace(self, aspect_ids=self.aspect_ids | {option.id})
        mine = self.own.get(polarity, ())
        if any(label.casefold() == folded for label in mine):
            return self
        if len(mine) >= MAX_OWN_PER_LIST:
            raise PageProblem(Problem.BAD_FORM)
        return replace(self, own={**self.own, polarity: (*mine, text)})

    def answer(self, options: Sequence[AspectOption]) -> Answer:
        """The answer to record: only the lists the stars offer count."""
        if not 1 <= self.stars <= 5:
            raise PageProblem(Problem.BAD_FORM)
        offered = offered_polarities(self.stars)
        return Answer(
            stars=self.stars,
            aspect_ids=[o.id for o in options if o.id in self.aspect_ids and o.polarity in offered],
            own_aspects=[
                OwnAspect(polarity, label)
                for polarity in POLARITY_ORDER
                if polarity in offered
                for label in self.own.get(polarity, ())
            ],
            comment=self.comment.strip() or None,
        )


def _stars(text: str | None) -> int:
    if text is None or text == "":
        return 0
    if text not in STAR_VALUES:
        raise PageProblem(Problem.BAD_FORM)
    return int(text)


def _label(text: str) -> str:
    label = " ".join(text.split())
    if not label or len(label) > MAX_LABEL_CHARS:
        raise PageProblem(Problem.BAD_FORM)
    return label


def read_state(form: MultiDict[str, str], options: Sequence[AspectOption]) -> QuestionState:
    """The state a question form carries; PageProblem(BAD_FORM) for anything a browser would not
    send. A star button (``set_stars``) and words typed in a list's own-words field change it."""
    if "stars" not in form or "comment" not in form:
        raise PageProblem(Problem.BAD_FORM)
    stars = _stars(form.get("set_stars")) or _stars(form.get("stars"))
    known = {str(o.id): o.id for o in options}
    ticked = form.getlist("aspect")
    if any(value not in known for value in ticked):
        raise PageProblem(Problem.BAD_FORM)
    own: dict[Polarity, tuple[str, ...]] = {}
    for polarity, name in OWN_FIELDS.items():
        labels = tuple(dict.fromkeys(_label(value) for value in form.getlist(name)))
        if len(labels) > MAX_OWN_PER_LIST:
            raise PageProblem(Problem.BAD_FORM)
        if labels:
            own[polarity] = labels
    # Browsers send a text area's line breaks as CRLF; the kiosk window stores LF.
    comment = form["comment"].replace("\r\n", "\n")
    if len(comment) > MAX_COMMENT_CHARS:
        raise PageProblem(Problem.BAD_FORM)
    state = QuestionState(
        stars=stars,
        aspect_ids=frozenset(known[value] for value in ticked),
        own=own,
        comment=comment,
    )
    # Words typed in a list's "own words" field count once the form comes back, whichever
    # button sent it ("Add", Enter, a star, Send).
    for polarity, name in NEW_FIELDS.items():
        typed = form.get(name, "")
        if len(typed) > MAX_LABEL_CHARS:
            raise PageProblem(Problem.BAD_FORM)
        state = state.with_own_words(polarity, typed, options)
    return state


@dataclass(frozen=True)
class AspectBox:
    """One checkbox: an offered aspect (``aspect`` = its id) or the client's own words."""

    name: str
    value: str
    label: str
    checked: bool


@dataclass(frozen=True)
class AspectList:
    polarity: Polarity
    boxes: tuple[AspectBox, ...]
    new_field: str
    # The stars that offer this list ("4 5"), for the page's script to show it without a trip.
    offered_for: str
    shown: bool


def aspect_lists(
    state: QuestionState, options: Sequence[AspectOption], language: str
) -> list[AspectList]:
    offered = offered_polarities(state.stars) if state.stars else frozenset()
    lists = []
    for polarity in POLARITY_ORDER:
        boxes = [
            AspectBox("aspect", str(o.id), o.label(language), o.id in state.aspect_ids)
            for o in options
            if o.polarity is polarity
        ]
        boxes += [
            AspectBox(OWN_FIELDS[polarity], label, label, True)
            for label in state.own.get(polarity, ())
        ]
        lists.append(
            AspectList(
                polarity=polarity,
                boxes=tuple(boxes),
                new_field=NEW_FIELDS[polarity],
                offered_for=" ".join(
                    str(n) for n in range(1, 6) if polarity in offered_polarities(n)
                ),
                shown=polarity in offered,
            )
        )
    return lists


@dataclass(frozen=True)
class QuestionPage:
    """Everything ``question.html`` shows. ``send_url`` records; ``redraw_url`` only redraws."""

    greeting: str
    question: str
    state: QuestionState
    lists: list[AspectList]
    send_url: str
    redraw_url: str
    start_over_url: str | None = None
    max_comment: int = MAX_COMMENT_CHARS
    max_label: int = MAX_LABEL_CHARS
