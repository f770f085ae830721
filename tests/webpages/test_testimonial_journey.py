"""The testimonial journey of seed 000 in Chromium, in French and in English, every control
found by its accessible name: Yes → qualities → the two texts → what will be shown, a consent
for each part and a photo → Send → Thank you; No → a reason → Send; the polite page of a used
link; withdrawal by the confirmation's link; the paired kiosk offering the invitation after the
prompt due."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from sqlalchemy import select

from feedback_desk.domain.kinds import AspectStatus, MessageKind
from feedback_desk.domain.testimonials import ConsentPart, Place, TestimonialState
from feedback_desk.services.settings import load_settings
from feedback_desk.services.testimonials.invitations import invite
from feedback_desk.store.models import Aspect, OutboxMessage, Testimonial
from tests.support.kiosk_scene import Members
from tests.support.studio_builder import StudioBuilder
from tests.webpages.conftest import WAIT_SECONDS, Pages
from tests.webpages.driving import find_client, heading, named, pair, tap, type_into

WORDS = {
    "fr": {
        "ask": "Recommanderiez-vous Studio Lotus ?",
        "Yes": "Oui",
        "No": "Non",
        "qualities": "Quelles qualités reconnaissez-vous à Studio Lotus ?",
        "Next": "Suivant",
        "at least one": "Choisissez au moins une qualité.",
        "welcome": "Accueil chaleureux",
        "own words": "Une autre qualité, dans vos mots",
        "Add": "Ajouter",
        "question 1": "Qu'est-ce qui vous a amené à Studio Lotus ?",
        "question 2": "Qu'est-ce qui a changé pour vous depuis ?",
        "shown": "Ce qui sera affiché",
        "Job title": "Titre du poste",
        "Photo": "Votre photo (facultatif)",
        "Show my name": "Afficher mon nom",
        "Show my photo": "Afficher ma photo",
        "Show my job title": "Afficher mon titre",
        "Send": "Envoyer",
        "Thank you": "Merci",
        "why": "Pourquoi pas ?",
        "not public": "Je ne souhaite pas rendre cette recommandation publique",
        "more": "Dites-nous-en plus (facultatif)",
        "member": "Membre de Studio Lotus",
    },
    "en": {
        "ask": "Would you recommend Studio Lotus?",
        "Yes": "Yes",
        "No": "No",
        "qualities": "What are Studio Lotus's qualities?",
        "Next": "Next",
        "at least one": "Choose at least one quality.",
        "welcome": "Warm welcome",
        "own words": "Another quality, in your own words",
        "Add": "Add",
        "question 1": "What brought you to Studio Lotus?",
        "question 2": "What has changed for you since?",
        "shown": "What will be shown",
        "Job title": "Job title",
        "Photo": "Your photo (optional)",
        "Show my name": "Show my name",
        "Show my photo": "Show my photo",
        "Show my job title": "Show my job title",
        "Send": "Send",
        "Thank you": "Thank you",
        "why": "Why not?",
        "not public": "I don't want to make this recommendation public",
        "more": "Tell us more (optional)",
        "member": "Member of Studio Lotus",
    },
}
WHO = {"fr": ("audrey", "Audrey B."), "en": ("zoe", "Zoe S.")}


def invited(pages: Pages, client_id: int) -> Testimonial:
    with pages.store.write() as session:
        made = invite(
            session, load_settings(session), client_id, at=pages.clock.now(), actor="tester"
        )
        return session.get_one(Testimonial, made.testimonial_id)


def stored(pages: Pages, testimonial_id: int) -> Testimonial:
    with pages.store.read() as session:
        found = session.get_one(Testimonial, testimonial_id)
        _ = found.photo  # loaded before the session closes
        return found


def language(browser: Any) -> str:
    return str(browser.find_element(By.TAG_NAME, "html").get_attribute("lang"))


def text_of(browser: Any, element_id: str) -> str:
    return str(
        browser.execute_script(
            "const e = document.getElementById(arguments[0]);"
            "return e && !e.hidden ? e.textContent.trim() : '';",
            element_id,
        )
    )


def a_photo(tmp_path: Path) -> Path:
    path = tmp_path / "me.jpg"
    Image.new("RGB", (1600, 1200), (30, 120, 200)).save(path, format="JPEG", comment=b"secret")
    return path


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_yes_qualities_texts_photo_and_consents_then_thank_you(
    browser: Any, pages: Pages, members: Members, lang: str, tmp_path: Path
) -> None:
    words = WORDS[lang]
    who, short_name = WHO[lang]
    testimonial = invited(pages, getattr(members, who))
    browser.get(pages.url(f"/t/{testimonial.token}"))
    assert language(browser) == lang
    assert heading(browser) == words["ask"]
    tap(browser, words["Yes"])

    assert heading(browser) == words["qualities"]
    tap(browser, words["Next"])
    assert words["at least one"] in browser.page_source  # step 1 is mandatory
    tap(browser, words["welcome"])
    type_into(browser, words["own words"], "Belle lumière")
    tap(browser, words["Add"])
    assert named(browser, "Belle lumière").is_selected()
    assert named(browser, words["welcome"]).is_selected()
    tap(browser, words["Next"])

    first = named(browser, words["question 1"])
    assert first.get_attribute("placeholder")  # guidance in the field
    assert named(browser, words["question 2"]).get_attribute("maxlength") == "1000"
    first.send_keys("Une amie m'en a parlé.\nJ'ai essayé <b>un</b> cours.")
    tap(browser, words["Next"])

    assert heading(browser) == words["shown"]
    type_into(browser, words["Job title"], "Infirmière")
    named(browser, words["Photo"]).send_keys(str(a_photo(tmp_path)))  # the page uploads it
    WebDriverWait(browser, WAIT_SECONDS).until(lambda d: d.find_elements(By.ID, "preview-photo"))
    assert text_of(browser, "preview-name") == words["member"]  # nothing without consent
    assert text_of(browser, "preview-job") == ""
    tap(browser, words["Show my name"])
    tap(browser, words["Show my photo"])
    assert text_of(browser, "preview-name") == short_name
    assert browser.find_element(By.ID, "preview-photo").is_displayed()
    assert not named(browser, words["Show my job title"]).is_selected()
    tap(browser, words["Send"])

    assert heading(browser) == words["Thank you"]
    kept = stored(pages, testimonial.id)
    assert kept.state is TestimonialState.ACCEPTED
    assert kept.answered_where is Place.CLIENT_PAGE
    assert kept.consents() == {ConsentPart.NAME, ConsentPart.PHOTO}
    assert kept.text_1 == "Une amie m'en a parlé.\nJ'ai essayé <b>un</b> cours."
    assert kept.job_title == "Infirmière"
    assert kept.photo is not None
    assert b"secret" not in kept.photo
    with Image.open(io.BytesIO(kept.photo)) as photo:
        assert photo.size == (512, 384)
    with pages.store.read() as session:
        own = session.scalars(select(Aspect).where(Aspect.label_fr == "Belle lumière")).one()
        assert own.status is AspectStatus.PENDING

    browser.get(pages.url(f"/t/{testimonial.token}"))  # the link is used now
    # In the studio's language: the page does not even reveal whose link it was.
    assert heading(browser) == "Désolé !"
    assert "Ce lien a expiré ou a déjà été utilisé." in browser.page_source
    assert "Audrey" not in browser.page_source
    assert "Zoe" not in browser.page_source


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_with_a_reason_tells_the_managers(
    browser: Any, pages: Pages, members: Members, studio: StudioBuilder, lang: str
) -> None:
    studio.setting("studio.manager_emails", "gerante@lotus.example")
    words = WORDS[lang]
    testimonial = invited(pages, getattr(members, WHO[lang][0]))
    browser.get(pages.url(f"/t/{testimonial.token}"))
    tap(browser, words["No"])
    assert heading(browser) == words["why"]
    tap(browser, words["Send"])
    assert heading(browser) == words["why"]  # a reason is needed
    tap(browser, words["not public"])
    type_into(browser, words["more"], "Je reste discrète.")
    tap(browser, words["Send"])
    assert heading(browser) == words["Thank you"]
    kept = stored(pages, testimonial.id)
    assert kept.state is TestimonialState.REFUSED
    assert (kept.refusal_reason.value, kept.refusal_text) == ("not_public", "Je reste discrète.")
    with pages.store.read() as session:
        notice = session.scalars(
            select(OutboxMessage).where(OutboxMessage.kind == MessageKind.TESTIMONIAL_REFUSAL)
        ).one()
        assert notice.recipients == "gerante@lotus.example"


def test_the_confirmation_link_withdraws_consent(
    browser: Any, pages: Pages, members: Members
) -> None:
    testimonial = invited(pages, members.audrey)
    browser.get(pages.url(f"/t/{testimonial.token}"))
    tap(browser, "Oui")
    tap(browser, "Accueil chaleureux")
    tap(browser, "Suivant")
    tap(browser, "Suivant")
    tap(browser, "Afficher mon nom")
    tap(browser, "Envoyer")
    token = stored(pages, testimonial.id).withdraw_token
    browser.get(pages.url(f"/t/withdraw/{token}"))
    assert heading(browser) == "Retirer votre consentement"
    tap(browser, "Retirer mon consentement")
    assert heading(browser) == "Votre consentement est retiré"
    kept = stored(pages, testimonial.id)
    assert kept.state is TestimonialState.WITHDRAWN
    assert kept.consents() == frozenset()
    browser.get(pages.url(f"/t/withdraw/{token}"))
    assert heading(browser) == "Désolé !"


def test_the_paired_kiosk_offers_the_invitation_after_the_prompt_due(
    browser: Any, pages: Pages, members: Members
) -> None:
    testimonial = invited(pages, members.zoe)
    pair(browser, pages)
    find_client(browser, "zoe", "Zoe S.")
    tap(browser, "Zoe S.")
    assert heading(browser) == "How was Spin with Julie on Friday?"  # the prompt due first
    tap(browser, "5 stars", navigates=False)
    tap(browser, "Send")
    assert heading(browser) == "Would you recommend Studio Lotus?"
    assert named(browser, "Not now").is_displayed()
    tap(browser, "Yes")
    tap(browser, "Cleanliness")
    tap(browser, "Next")
    tap(browser, "Next")
    assert heading(browser) == "What will be shown"
    assert browser.find_elements(By.CSS_SELECTOR, "input[type=file]") == []  # no photo here
    tap(browser, "Show my name")
    tap(browser, "Send")
    assert heading(browser) == "Thank you"
    kept = stored(pages, testimonial.id)
    assert (kept.state, kept.answered_where) == (TestimonialState.ACCEPTED, Place.WEB_KIOSK)
    tap(browser, "Done")
    assert heading(browser) == "Votre avis compte !"
