"""What a browser would never send, and what a page must never show: refused politely, nothing
written, nothing revealed."""

from __future__ import annotations

from datetime import timedelta

import pytest
import requests

from feedback_desk.domain.kinds import Channel, PromptOutcome
from tests.support.kiosk_scene import Members, review_and_prompts
from tests.support.studio_builder import StudioBuilder
from tests.webpages.conftest import Pages
from tests.webpages.http import Kiosk


@pytest.fixture(autouse=True)
def english_studio(studio: StudioBuilder) -> None:
    """Pages that fail before knowing the client speak the studio's language: English here."""
    studio.setting("studio.language", "en")


def answer_form(**changes: str | list[str]) -> dict[str, str | list[str]]:
    form: dict[str, str | list[str]] = {"stars": "5", "comment": "Super", "action": "send"}
    form.update(changes)
    return form


def nothing_recorded(pages: Pages, client_id: int) -> bool:
    review, prompts = review_and_prompts(pages.store, client_id, Channel.WEB)
    return review is None and [p.outcome for p in prompts] == [PromptOutcome.ABANDONED]


def test_every_page_carries_a_strict_policy_and_strict_cookies(pages: Pages) -> None:
    kiosk = Kiosk(pages)
    response = kiosk.get("/kiosk")
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Strict" in cookie
    kiosk.get("/pair")
    paired = kiosk.post("/pair", {"code": pages.pairing_code()}, allow_redirects=False)
    device = paired.headers["Set-Cookie"]
    assert device.startswith("fd_device=")
    assert "HttpOnly" in device
    assert "SameSite=Strict" in device


def test_a_form_without_its_token_is_refused_and_writes_nothing(
    pages: Pages, members: Members
) -> None:
    kiosk = Kiosk(pages).pair()
    kiosk.choose("zoe")
    response = kiosk.post("/kiosk/answer", {"csrf_token": "forged", **answer_form()})
    assert response.status_code == 400
    assert "Sorry!" in response.text
    assert nothing_recorded(pages, members.zoe)


def test_a_replayed_answer_is_refused_and_recorded_once(pages: Pages, members: Members) -> None:
    kiosk = Kiosk(pages).pair()
    kiosk.choose("zoe")
    before = dict(kiosk.http.cookies)  # the session as it was when the form was shown
    form = {"csrf_token": kiosk.token, **answer_form()}
    assert "Thank you" in kiosk.post("/kiosk/answer", form).text
    again = kiosk.post("/kiosk/answer", form)
    assert again.status_code == 400
    assert "This page was already sent or has expired" in again.text
    replay = requests.post(pages.url("/kiosk/answer"), data=form, cookies=before, timeout=10)
    assert replay.status_code == 400
    review, prompts = review_and_prompts(pages.store, members.zoe, Channel.WEB)
    assert review is not None
    assert [p.outcome for p in prompts] == [PromptOutcome.ANSWERED]


def test_bad_answers_get_the_polite_page_and_write_nothing(pages: Pages, members: Members) -> None:
    kiosk = Kiosk(pages).pair()
    kiosk.choose("zoe")
    bad_forms = [
        answer_form(stars="0"),
        answer_form(stars="6"),
        answer_form(stars="five"),
        answer_form(stars=""),  # Send without stars
        answer_form(aspect="999999"),  # not offered
        answer_form(own_excel="x" * 61),
        answer_form(comment="x" * 2001),
        answer_form(action="explode"),
        {"stars": "5", "action": "send"},  # the comment field is missing
    ]
    for form in bad_forms:
        response = kiosk.post("/kiosk/answer", form)
        assert response.status_code == 400, form
        assert "This page could not be read as sent" in response.text, form
        assert "Traceback" not in response.text
    broken = f"csrf_token={kiosk.token}&stars=5&action=send&comment=caf%FF".encode()
    response = kiosk.post(
        "/kiosk/answer",
        broken,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 400
    assert "This page could not be read as sent" in response.text
    assert nothing_recorded(pages, members.zoe)
    # The page is still there to answer properly.
    assert "Thank you" in kiosk.post("/kiosk/answer", answer_form(comment="a\r\nb")).text
    review, _ = review_and_prompts(pages.store, members.zoe, Channel.WEB)
    assert review is not None
    assert review.comment == "a\nb"


def test_a_huge_body_is_refused_politely(pages: Pages, members: Members) -> None:
    kiosk = Kiosk(pages).pair()
    kiosk.choose("zoe")
    response = kiosk.post("/kiosk/answer", answer_form(comment="x" * (10 * 1024 * 1024)))
    assert response.status_code == 413
    assert "That was too much to send at once" in response.text
    assert nothing_recorded(pages, members.zoe)


def test_nobody_is_listed_to_an_unpaired_device(pages: Pages, members: Members) -> None:
    stranger = Kiosk(pages)
    stranger.get("/kiosk")
    response = stranger.post("/kiosk/search", {"q": "zoe"})
    assert response.status_code == 403
    assert "Zoe" not in response.text
    stranger.http.cookies.set("fd_device", "made-up-token")
    assert "Zoe" not in stranger.post("/kiosk/search", {"q": "zoe"}).text
    assert (
        "Pair this device" in stranger.get("/kiosk").text
        or "Jumeler" in stranger.get("/kiosk").text
    )
    missing = stranger.get("/clients")
    assert missing.status_code == 404
    assert (
        "There is no page at this address." in missing.text
        or "Il n’y a pas de page" in missing.text
    )


def test_a_choice_must_come_from_the_last_results(pages: Pages, members: Members) -> None:
    kiosk = Kiosk(pages).pair()
    kiosk.get("/kiosk")
    kiosk.post("/kiosk/search", {"q": "zoe"})
    response = kiosk.post("/kiosk/choose", {"choice": "1"})  # one result only
    assert response.status_code == 400
    assert review_and_prompts(pages.store, members.audrey, Channel.WEB) == (None, [])


def test_searches_that_find_nobody_are_throttled(pages: Pages, members: Members) -> None:
    kiosk = Kiosk(pages).pair()
    kiosk.get("/kiosk")
    for attempt in range(20):
        assert kiosk.post("/kiosk/search", {"q": f"nobody{attempt}"}).status_code == 200
    held = kiosk.post("/kiosk/search", {"q": "zoe"})
    assert held.status_code == 429
    assert "Too many searches" in held.text
    assert "Zoe S." not in held.text
    pages.clock.advance(timedelta(minutes=5))
    assert "Zoe S." in kiosk.post("/kiosk/search", {"q": "zoe"}).text


def test_kiosk_pages_weigh_well_under_100_kilobytes(pages: Pages, members: Members) -> None:
    kiosk = Kiosk(pages).pair()
    assets = sum(len(kiosk.get(path).content) for path in ("/static/pages.css", "/static/pages.js"))
    weights = {
        "welcome": len(kiosk.get("/kiosk").content),
        "results": len(kiosk.post("/kiosk/search", {"q": "zoe"}).content),
        "question": len(kiosk.post("/kiosk/choose", {"choice": "0"}).content),
        "thanks": len(kiosk.post("/kiosk/answer", answer_form()).content),
    }
    assert all(weight + assets < 100_000 for weight in weights.values()), weights
