"""A small studio that has something in every list of the Overview."""

from __future__ import annotations

from feedback_desk.domain.kinds import PromptOutcome, ReviewKind
from feedback_desk.store.database import Store
from tests.reports.builders import StudioBuilder, local

NOW = local(2026, 5, 20, 18, 0)


def fill_studio(studio: Store) -> None:
    """Client C1 and coach E1 are dropping; R-bad is an open action with an HTML-looking comment."""
    with studio.write() as session:
        b = StudioBuilder(session)
        ann = b.client("C1", "Ann", "Lee")
        others = [b.client(f"C{n}", f"Client{n}", "Roy") for n in range(2, 14)]
        julie = b.coach("E1", "Julie", "Tremblay")
        marc = b.coach("E2", "Marc", "Roy")
        old = b.class_session("S-old", "Spin 45", julie, local(2026, 1, 5, 9))
        new = b.class_session("S-new", "Spin 45", julie, local(2026, 5, 5, 9))
        yoga = b.class_session("S-yoga", "Yoga", marc, local(2026, 5, 6, 9))
        for client in others[:10]:
            b.review(client, 5, local(2026, 1, 5, 11), session=old, aspects=["Music"])
        for client in others[:3]:
            b.review(client, 3, local(2026, 5, 5, 11), session=new, aspects=["Too crowded"])
        b.review(others[4], 5, local(2026, 5, 6, 11), session=yoga, aspects=["Music"])
        for day in (1, 2, 3):
            b.review(ann, 5, local(2026, 2, day), aspects=["Cleanliness"])
        b.review(
            ann,
            2,
            local(2026, 5, 10),
            external_id="R-bad",
            comment="<b>Cold</b> showers & <i>no</i> towels",
            aspects=["Changing rooms"],
        )
        b.review(ann, 3, local(2026, 5, 12), external_id="R-meh")
        b.prompt(ann, local(2026, 5, 10), PromptOutcome.ANSWERED)
        b.prompt(ann, local(2026, 5, 11), PromptOutcome.IGNORED, kind=ReviewKind.CLASS, session=new)
