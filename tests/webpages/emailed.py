"""Email review requests whose links open the answer pages: a studio with ``web.public_base_url``
set to the test's server, its requests sent through the real outbox to the loopback SMTP server,
and the links read back from the emails the clients received."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select

from feedback_desk.services.email.smtp import SmtplibTransport
from feedback_desk.services.outbox.pacing import Pacing
from feedback_desk.services.outbox.run import run_outbox
from feedback_desk.store.models import Prompt, Review, ReviewRequest
from tests.support.smtp_server import SmtpServer
from tests.support.studio_builder import StudioBuilder
from tests.webpages.conftest import Pages

AUDREY = "audrey@members.example"  # French
ZOE = "zoe@members.example"  # English
MARC = "marc@members.example"  # English, never reviewed the studio: a business request
SENT_AT = "2026-05-17T09:00"  # Sunday morning, the day after Saturday's Spin
OPENED_AT = "2026-05-17T10:00"


@dataclass
class Emailed:
    pages: Pages
    studio: StudioBuilder
    smtp: SmtpServer

    def link(self, address: str, stars: int) -> str:
        """The answer link for *stars* in the email *address* received."""
        [email] = [r for r in self.smtp.handler.received if address in r.rcpt_tos]
        found = re.search(rf"(\S+/a/\S+\?stars={stars})\b", email.part("plain"))
        assert found is not None, email.part("plain")
        return found.group(1)

    def page(self, address: str) -> str:
        """The answer page's path (no stars preselected)."""
        link = self.link(address, 5)
        return link[len(self.pages.base) : -len("?stars=5")]

    def request(self, address: str) -> ReviewRequest:
        with self.pages.store.read() as session:
            return session.scalars(
                select(ReviewRequest).where(ReviewRequest.token == self.token(address))
            ).one()

    def token(self, address: str) -> str:
        return self.page(address).rsplit("/", 1)[1]

    def prompt(self, address: str) -> Prompt:
        with self.pages.store.read() as session:
            return session.get_one(Prompt, self.request(address).prompt_id)

    def review(self, address: str) -> Review | None:
        request = self.request(address)
        with self.pages.store.read() as session:
            review = session.get(Review, request.review_id) if request.review_id else None
            if review is not None:
                _ = [(a.label_en, a.status) for a in review.aspects]
            return review


def emailed_studio(pages: Pages, studio: StudioBuilder, smtp: SmtpServer) -> Emailed:
    """Audrey (fr) and Zoe (en) took Saturday's Spin with Julie and reviewed the studio last
    month: each gets a class request. Marc (en) took it too and never reviewed the studio: he
    gets a business request, which asks the 0-10 question (``nps.enabled``). The emails go out
    at 9:00 on Sunday; the clock then shows 10:00."""
    for key, value in {
        "smtp.host": smtp.host,
        "smtp.port": str(smtp.port),
        "smtp.security": "none",
        "smtp.sender": "bonjour@lotus.example",
        "studio.address": "12 rue des Pins, Montréal",
        "requests.email_enabled": "yes",
        "nps.enabled": "yes",
        "web.public_base_url": pages.base,
    }.items():
        studio.setting(key, value)
    julie = studio.coach("E1", "Julie", "Tremblay")
    saturday = studio.session("S5", "Spin", julie, "2026-05-16T18:00")
    for external_id, first, last, language, email, reviewed in (
        ("C1", "Audrey", "Bélanger", "fr", AUDREY, True),
        ("C2", "Zoe", "Smith", "en", ZOE, True),
        ("C3", "Marc", "Roy", "en", MARC, False),
    ):
        client = studio.client(external_id, first, last, language=language, email=email)
        studio.attend(saturday, client)
        if reviewed:
            studio.review(client, "2026-04-20T12:00", stars=5)
    clock = pages.clock
    clock.set(studio.at(SENT_AT))
    run = run_outbox(
        pages.store,
        clock=clock,
        transport=SmtplibTransport(),
        actor="test",
        pacing=Pacing.on_clock(clock),
    )
    assert len(smtp.handler.received) == 3, run
    clock.set(studio.at(OPENED_AT))
    return Emailed(pages, studio, smtp)
