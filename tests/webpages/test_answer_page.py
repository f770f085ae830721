"""The answer page of an email request, in real Chromium, as a client opens it from the email:
one click on the stars in the email, then aspects, a comment and Send (or Ignore for now), in
French and in English; the 0-10 question of a business request; and the one page every unusable
link shows."""

from __future__ import annotations

from typing import Any

import pytest

from feedback_desk.domain.kinds import (
    AspectStatus,
    Channel,
    PromptOutcome,
    RequestState,
    ReviewKind,
)
from feedback_desk.store.models import ReviewRequest
from tests.webpages.driving import (
    WORDS,
    candidates,
    heading,
    named,
    page_language,
    star_names,
    tap,
    type_into,
)
from tests.webpages.emailed import AUDREY, MARC, ZOE, Emailed


@pytest.mark.parametrize(
    ("address", "lang", "question", "music"),
    [
        (AUDREY, "fr", "Comment s'est passé votre cours Spin avec Julie hier ?", "Musique"),
        (ZOE, "en", "How was Spin with Julie yesterday?", "Music"),
    ],
)
def test_one_click_from_the_email_then_aspects_a_comment_and_send(
    browser: Any, emailed: Emailed, address: str, lang: str, question: str, music: str
) -> None:
    words = WORDS[lang]
    browser.get(emailed.link(address, 4))  # "★★★★☆ 4 stars" in the email

    assert heading(browser) == question
    assert page_language(browser) == lang
    assert [named(browser, name).get_attribute("aria-pressed") for name in star_names(lang)] == [
        "true",
        "true",
        "true",
        "true",
        "false",
    ]
    assert named(browser, words["Send"]).is_enabled()
    assert named(browser, words["liked"]).is_displayed()  # 4 stars: both lists
    assert named(browser, words["improve"]).is_displayed()
    assert candidates(browser, "10") == []  # a class review never asks the 0-10 question
    tap(browser, music)
    improve = named(browser, words["improve"])
    tap(browser, words["add own"], within=improve)
    type_into(improve, words["own words"], "Vélos bruyants")
    tap(browser, words["Add"], within=improve)
    assert named(browser, "Vélos bruyants").is_selected()
    assert named(browser, music).is_selected()  # the page came back as it was
    assert named(browser, star_names(lang)[3]).get_attribute("aria-pressed") == "true"
    type_into(browser, words["Comment"], "Très bon cours, <b>merci</b>")
    tap(browser, words["Send"])

    assert heading(browser) == words["Thank you"]
    assert page_language(browser) == lang
    review = emailed.review(address)
    assert review is not None
    assert (review.stars, review.channel, review.comment) == (
        4,
        Channel.WEB,
        "Très bon cours, <b>merci</b>",
    )
    assert sorted((a.label_en, a.status) for a in review.aspects) == [
        ("Music", AspectStatus.APPROVED),
        ("Vélos bruyants", AspectStatus.PENDING),
    ]
    request = emailed.request(address)
    assert (request.state, request.review_id) == (RequestState.ANSWERED, review.id)
    prompt = emailed.prompt(address)
    # The prompt stays the email's: the response rate counts the answer for email.
    assert (prompt.channel, prompt.outcome, review.prompt_id) == (
        Channel.EMAIL,
        PromptOutcome.ANSWERED,
        prompt.id,
    )
    browser.refresh()  # the thanks page again, nothing recorded twice
    assert heading(browser) == words["Thank you"]
    browser.get(emailed.link(address, 5))  # another star of the same email
    assert heading(browser) == "Ce lien ne peut plus être utilisé"


def test_ignore_for_now_retires_the_request(browser: Any, emailed: Emailed) -> None:
    browser.get(emailed.pages.url(emailed.page(ZOE)))
    assert candidates(browser, "What did you like?") == []  # nothing before the stars
    assert not named(browser, "Send").is_enabled()
    tap(browser, "Ignore for now")
    assert heading(browser) == "Thank you"
    assert "No problem. Maybe next time!" in browser.page_source
    assert emailed.review(ZOE) is None
    assert emailed.request(ZOE).state is RequestState.IGNORED
    assert emailed.prompt(ZOE).outcome is PromptOutcome.IGNORED


def test_the_0_10_question_of_a_business_request(browser: Any, emailed: Emailed) -> None:
    browser.get(emailed.link(MARC, 5))
    assert heading(browser) == "How would you rate your experience with Studio Lotus?"
    question = "How likely are you to recommend Studio Lotus to a friend or family member?"
    scale = named(browser, question)
    answers = [str(n) for n in range(11)]
    assert [named(scale, n).text for n in answers] == answers
    tap(browser, "9", within=scale, navigates=False)
    assert [n for n in answers if named(scale, n).get_attribute("aria-pressed") == "true"] == ["9"]
    tap(browser, "9", within=scale, navigates=False)  # taken back: the question is optional
    assert all(named(scale, n).get_attribute("aria-pressed") == "false" for n in answers)
    tap(browser, "8", within=scale, navigates=False)
    tap(browser, "Cleanliness")
    tap(browser, "Send")
    assert heading(browser) == "Thank you"
    review = emailed.review(MARC)
    assert review is not None
    assert (review.kind, review.stars, review.recommend, review.channel) == (
        ReviewKind.BUSINESS,
        5,
        8,
        Channel.WEB,
    )
    assert [a.label_en for a in review.aspects] == ["Cleanliness"]


def test_every_unusable_link_shows_the_same_page(browser: Any, emailed: Emailed) -> None:
    pages = emailed.pages
    shown: list[str] = []

    def visit(url: str) -> None:
        browser.delete_all_cookies()
        browser.get(url)
        shown.append(browser.page_source)

    browser.get(emailed.link(ZOE, 5))
    tap(browser, "Send")  # Zoe's request is answered
    with pages.store.write() as session:  # Marc's email was withdrawn
        session.get_one(ReviewRequest, emailed.request(MARC).id).state = RequestState.CANCELLED
    visit(pages.url(f"/a/{'x' * 22}?stars=5"))  # unknown
    visit(emailed.link(ZOE, 5))  # answered
    visit(emailed.link(MARC, 5))  # cancelled
    pages.clock.set(emailed.studio.at("2026-06-01T09:01"))  # 15 days later: too old
    visit(emailed.link(AUDREY, 5))
    assert len(set(shown)) == 1
    assert heading(browser) == "Ce lien ne peut plus être utilisé"
    assert page_language(browser) == "fr"  # the studio's language, not the client's
    assert candidates(browser, "Envoyer") == []
    assert "Audrey" not in shown[0]
