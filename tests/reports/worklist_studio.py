"""A small studio for the worklist: four open actions on reviews of both kinds, with accents in a
name, HTML-looking client text and contacts on one action."""

from __future__ import annotations

from sqlalchemy import select

from feedback_desk.domain.kinds import ContactChannel
from feedback_desk.store.database import Store
from feedback_desk.store.models import Action, ActionContact, Review
from tests.reports.builders import StudioBuilder, local


def fill_worklist_studio(store: Store) -> None:
    """Four open actions (R1 to R4) and a 5-star review without one; R3 has two contacts."""
    with store.write() as session:
        b = StudioBuilder(session)
        ann = b.client("C1", "Ann", "Lee")
        elodie = b.client("C2", "Élodie", "Gagné")
        bob = b.client("C3", "Bob", "Roy")
        julie = b.coach("E1", "Julie", "Tremblay")
        marc = b.coach("E2", "Marc", "Roy")
        spin = b.class_session("S1", "Spin 45", julie, local(2026, 5, 12, 9))
        yoga = b.class_session("S2", "Yoga", marc, local(2026, 4, 1, 9))
        b.review(elodie, 2, local(2026, 5, 12, 11), session=spin, external_id="R1", comment="Loud")
        b.review(ann, 1, local(2026, 5, 13), external_id="R2")
        b.review(
            bob,
            3,
            local(2026, 4, 1, 11),
            session=yoga,
            external_id="R3",
            comment="crowded <b>again</b>",
        )
        b.review(ann, 3, local(2026, 1, 10), external_id="R4")
        b.review(bob, 5, local(2026, 5, 1), external_id="R5")
        r3 = session.scalars(select(Review).where(Review.external_id == "R3")).one()
        action = session.scalars(select(Action).where(Action.review_id == r3.id)).one()
        for day in (2, 3):
            session.add(
                ActionContact(
                    action_id=action.id,
                    contacted_at=local(2026, 4, day),
                    channel=ContactChannel.PHONE,
                    staff="mia",
                )
            )
