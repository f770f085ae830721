"""The at-risk alert: queued when a kiosk, staff or `answer` review of 3 stars or fewer is
recorded; never for imports; one per review; none without a manager address or when off."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from feedback_desk.clock import ManualClock
from feedback_desk.domain.kinds import Channel, MessageKind
from feedback_desk.services.alerts import queue_at_risk_alert
from feedback_desk.services.settings import load_settings
from feedback_desk.store.database import Store
from feedback_desk.store.models import OutboxMessage, Review
from tests.email.factory import add_client, add_review, configure


def alerts(store: Store) -> list[OutboxMessage]:
    with store.read() as session:
        return list(
            session.scalars(select(OutboxMessage).where(OutboxMessage.kind == MessageKind.ALERT))
        )


@pytest.mark.parametrize("channel", [Channel.KIOSK, Channel.STAFF, Channel.CLI])
@pytest.mark.parametrize("stars", [1, 2, 3])
def test_a_low_review_from_the_studio_queues_one_alert(
    mail_store: Store, clock: ManualClock, channel: Channel, stars: int
) -> None:
    with mail_store.write() as session:
        client = add_client(session, "C9")
        add_review(session, client, stars, clock.now(), channel=channel)
    [alert] = alerts(mail_store)
    assert alert.recipients == "boss@studio.example"
    assert alert.scheduled_at == clock.now()
    assert f"{stars} étoile(s)" in alert.subject, "internal alerts use the studio's language"


@pytest.mark.parametrize("stars", [4, 5])
def test_a_good_review_queues_no_alert(mail_store: Store, clock: ManualClock, stars: int) -> None:
    with mail_store.write() as session:
        add_review(session, add_client(session, "C9"), stars, clock.now(), channel=Channel.KIOSK)
    assert alerts(mail_store) == []


def test_an_imported_review_fires_no_alert(mail_store: Store, clock: ManualClock) -> None:
    with mail_store.write() as session:
        add_review(session, add_client(session, "C9"), 1, clock.now(), channel=Channel.IMPORT)
    assert alerts(mail_store) == []


def test_no_alert_when_switched_off_or_nobody_to_tell(
    mail_store: Store, clock: ManualClock
) -> None:
    configure(mail_store, alerts__at_risk_enabled="no")
    with mail_store.write() as session:
        add_review(session, add_client(session, "C1"), 1, clock.now(), channel=Channel.KIOSK)
    configure(mail_store, alerts__at_risk_enabled="yes", studio__manager_emails="")
    with mail_store.write() as session:
        add_review(session, add_client(session, "C2"), 1, clock.now(), channel=Channel.KIOSK)
    assert alerts(mail_store) == []


def test_one_alert_per_review_even_when_asked_twice(mail_store: Store, clock: ManualClock) -> None:
    with mail_store.write() as session:
        review = add_review(
            session, add_client(session, "C1"), 2, clock.now(), channel=Channel.KIOSK
        )
        again = queue_at_risk_alert(session, load_settings(session), review, at=clock.now())
        assert again is not None
        assert not again.created
    with mail_store.read() as session:
        assert session.scalar(select(func.count()).select_from(OutboxMessage)) == 1
        assert session.scalar(select(func.count()).select_from(Review)) == 1


def test_the_alert_goes_to_every_manager_in_english_when_the_studio_speaks_english(
    mail_store: Store, clock: ManualClock
) -> None:
    configure(
        mail_store,
        studio__manager_emails="boss@studio.example; desk@studio.example",
        studio__language="en",
    )
    with mail_store.write() as session:
        add_review(
            session,
            add_client(session, "C1", language="fr"),
            1,
            clock.now(),
            channel=Channel.KIOSK,
            comment="Too crowded",
        )
    [alert] = alerts(mail_store)
    assert alert.recipients == "boss@studio.example, desk@studio.example"
    assert alert.subject.startswith("Client at risk:")
    assert "Too crowded" in alert.body_text
