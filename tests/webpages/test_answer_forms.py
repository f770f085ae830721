"""Answer pages spoken to over plain HTTP, for what a browser would never send: every bad form is
refused with a polite page and writes nothing; an answer is recorded once; every unusable link
gets the very same page; the answer pages never need pairing."""

from __future__ import annotations

import pytest
import requests

from feedback_desk.domain.kinds import PromptOutcome, RequestState
from feedback_desk.store.models import ReviewRequest
from tests.webpages.emailed import AUDREY, MARC, ZOE, Emailed
from tests.webpages.http import Kiosk


def opened(emailed: Emailed, address: str = ZOE) -> tuple[Kiosk, str]:
    """A browser that opened the request's page (its session and form token), and the page."""
    browser = Kiosk(emailed.pages)
    page = emailed.page(address)
    assert browser.get(page).status_code == 200
    return browser, page


def answer_form(**changes: str) -> dict[str, str | list[str]]:
    form: dict[str, str | list[str]] = {"stars": "5", "comment": "Super", "action": "send"}
    form.update(changes)
    return form


def still_open(emailed: Emailed, address: str = ZOE) -> bool:
    request = emailed.request(address)
    prompt = emailed.prompt(address)
    return (
        request.state is RequestState.SENT
        and request.review_id is None
        and prompt.outcome is PromptOutcome.ABANDONED
    )


def test_the_page_needs_no_pairing_and_speaks_the_clients_language(emailed: Emailed) -> None:
    browser, page = opened(emailed, AUDREY)
    response = browser.get(page)
    assert '<html lang="fr">' in response.text
    assert "Bonjour Audrey !" in response.text
    assert "fd_device" not in browser.http.cookies
    # The kiosk still answers paired devices only.
    assert "Nom ou numéro de membre" not in browser.get("/kiosk").text
    assert browser.get("/kiosk/question").status_code == 403


@pytest.mark.parametrize(
    ("why", "form"),
    [
        ("no stars", answer_form(stars="")),
        ("stars 0", answer_form(stars="0")),
        ("stars 6", answer_form(stars="6")),
        ("no comment field", {"stars": "4", "action": "send"}),
        ("no stars field", {"comment": "", "action": "send"}),
        ("an unknown action", answer_form(action="publish")),
        ("an aspect never offered", answer_form(aspect="999999")),
        ("a 0-10 answer of 11", answer_form(recommend="11")),
        ("a comment over 2,000 characters", answer_form(comment="a" * 2001)),
    ],
)
def test_a_bad_form_gets_the_polite_page_and_writes_nothing(
    emailed: Emailed, why: str, form: dict[str, str | list[str]]
) -> None:
    browser, page = opened(emailed, MARC)  # a business request: it asks the 0-10 question
    response = browser.post(page, form)
    assert response.status_code == 400, why
    assert "This page could not be read as sent, so nothing was saved." in response.text
    assert f'href="{page}"' in response.text  # the way back is the answer page
    assert still_open(emailed, MARC)


def test_broken_utf8_and_a_10_mb_body_are_refused_before_anything_is_read(
    emailed: Emailed,
) -> None:
    browser, page = opened(emailed)
    form_type = {"Content-Type": "application/x-www-form-urlencoded"}
    broken = f"csrf_token={browser.token}&stars=5&comment=%C3%28&action=send".encode()
    response = browser.post(page, broken, headers=form_type)
    assert response.status_code == 400
    # Refused before the page reads whose link it is: in the studio's language (French).
    assert "Cette page n’a pas pu être lue telle qu’envoyée" in response.text
    assert f'href="{page}"' in response.text
    huge = f"csrf_token={browser.token}&stars=5&action=send&comment=".encode() + b"a" * 10**7
    response = browser.post(page, huge, headers=form_type)
    assert response.status_code == 413
    assert "C’était trop à envoyer d’un coup" in response.text
    assert still_open(emailed)


def test_a_forged_form_is_refused_and_a_replayed_one_records_once(emailed: Emailed) -> None:
    browser, page = opened(emailed)
    forged = browser.post(page, {"csrf_token": "forged", **answer_form()})
    assert forged.status_code == 400
    assert "Cette page a déjà été envoyée ou a expiré" in forged.text
    stranger = requests.post(emailed.pages.url(page), data=answer_form(), timeout=10)
    assert stranger.status_code == 400
    assert still_open(emailed)

    form = {"csrf_token": browser.token, **answer_form()}
    before = dict(browser.http.cookies)
    sent = browser.post(page, form)
    assert "Thank you" in sent.text
    again = browser.post(page, form)
    replay = requests.post(emailed.pages.url(page), data=form, cookies=before, timeout=10)
    for refused in (again, replay):
        assert refused.status_code == 404
        assert "Ce lien ne peut plus être utilisé" in refused.text
    review = emailed.review(ZOE)
    assert review is not None
    assert (review.stars, review.comment) == (5, "Super")


def test_every_unusable_link_gets_the_same_page(emailed: Emailed) -> None:
    pages = emailed.pages
    answered = Kiosk(pages)
    answered.get(emailed.page(ZOE))
    assert "Thank you" in answered.post(emailed.page(ZOE), answer_form()).text
    with pages.store.write() as session:
        session.get_one(ReviewRequest, emailed.request(MARC).id).state = RequestState.CANCELLED
    unknown = f"/a/{'7' * 22}"
    responses = [
        Kiosk(pages).get(path) for path in (unknown, emailed.page(ZOE), emailed.page(MARC))
    ]
    # Audrey's request, 15 days later (requests.answer_days is 14).
    pages.clock.set(emailed.studio.at("2026-06-01T09:01"))
    responses.append(Kiosk(pages).get(emailed.page(AUDREY) + "?stars=5"))
    assert [r.status_code for r in responses] == [404] * 4
    assert len({r.text for r in responses}) == 1
    page = responses[0].text
    assert '<html lang="fr">' in page  # the studio's language, never the client's
    assert "Ce lien ne peut plus être utilisé" in page
    for secret in ("Audrey", "Marc", "Zoe", "Spin", "Julie", "csrf_token"):
        assert secret not in page


def test_the_0_10_answer_works_without_the_pages_script(emailed: Emailed) -> None:
    browser, page = opened(emailed, MARC)
    question = "How likely are you to recommend Studio Lotus to a friend or family member?"
    assert question in browser.get(page + "?stars=5").text
    form = {"stars": "5", "comment": "", "recommend": "", "set_recommend": "7"}
    redrawn = browser.post(page + "/redraw", form)
    assert '<input type="hidden" name="recommend" value="7">' in redrawn.text
    assert 'aria-pressed="true">7</button>' in redrawn.text
    taken_back = browser.post(page + "/redraw", {**form, "recommend": "7"})
    assert '<input type="hidden" name="recommend" value="">' in taken_back.text
    sent = browser.post(page, {"stars": "5", "comment": "", "recommend": "9", "action": "send"})
    assert "Thank you" in sent.text
    review = emailed.review(MARC)
    assert review is not None
    assert (review.stars, review.recommend) == (5, 9)


def test_a_class_request_never_asks_the_0_10_question(emailed: Emailed) -> None:
    browser, page = opened(emailed, ZOE)
    assert "recommend" not in browser.get(page + "?stars=5").text
    # A 0-10 answer slipped into its form is not recorded (class reviews never carry one).
    browser.post(page, {"stars": "5", "comment": "", "recommend": "9", "action": "send"})
    review = emailed.review(ZOE)
    assert review is not None
    assert review.recommend is None
