"""The kiosk in a browser, end to end like a client at the tablet, in French and in English:
same flow and rules as the kiosk window, prompts and reviews recorded with channel ``web``."""

from __future__ import annotations

from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from feedback_desk.domain.kinds import AspectStatus, Channel, PromptOutcome
from feedback_desk.store.database import Store
from feedback_desk.store.models import Prompt, Review
from tests.support import kiosk_scene
from tests.support.kiosk_scene import Members
from tests.support.studio_builder import StudioBuilder
from tests.webpages.conftest import WAIT_SECONDS, Pages
from tests.webpages.driving import (
    candidates,
    fast_timers,
    find_client,
    heading,
    named,
    pair,
    tap,
    type_into,
)


def review_and_prompts(store: Store, client_id: int) -> tuple[Review | None, list[Prompt]]:
    return kiosk_scene.review_and_prompts(store, client_id, Channel.WEB)


def language(browser: Any) -> str:
    return str(browser.find_element(By.TAG_NAME, "html").get_attribute("lang"))


def choose(browser: Any, search: str, shown_name: str) -> None:
    find_client(browser, search, shown_name)
    tap(browser, shown_name)


WORDS = {
    "fr": {
        "4 stars": "4 étoiles",
        "improve": "Que pourrions-nous améliorer ?",
        "add own": "+ Ajouter le vôtre",
        "own words": "Dans vos mots",
        "Add": "Ajouter",
        "Comment": "Commentaire",
        "Send": "Envoyer",
        "Ignore for now": "Ignorer pour le moment",
        "Thank you": "Merci",
        "Done": "Terminé",
    },
    "en": {
        "4 stars": "4 stars",
        "improve": "What could we improve?",
        "add own": "+ Add your own",
        "own words": "In your own words",
        "Add": "Add",
        "Comment": "Comment",
        "Send": "Send",
        "Ignore for now": "Ignore for now",
        "Thank you": "Thank you",
        "Done": "Done",
    },
}


@pytest.mark.parametrize(
    ("who", "search", "shown_name", "lang", "question", "liked"),
    [
        (
            "audrey",
            "belanger",
            "Audrey B.",
            "fr",
            "Comment était Spin avec Julie vendredi ?",
            "Musique",
        ),
        ("zoe", "ZOË", "Zoe S.", "en", "How was Spin with Julie on Friday?", "Music"),
    ],
)
def test_a_client_reviews_their_class_in_their_language(
    browser: Any,
    pages: Pages,
    members: Members,
    who: str,
    search: str,
    shown_name: str,
    lang: str,
    question: str,
    liked: str,
) -> None:
    words = WORDS[lang]
    pair(browser, pages)
    assert language(browser) == "fr"  # the welcome speaks the studio's language
    find_client(browser, search, shown_name)
    assert "Bélanger" not in browser.page_source  # first name and last initial only
    assert "Smith" not in browser.page_source
    tap(browser, shown_name)

    assert heading(browser) == question
    assert language(browser) == lang
    assert not named(browser, words["Send"]).is_enabled()  # stars are required
    stars = [
        f"{n} {'étoile' if lang == 'fr' else 'star'}{'s' if n > 1 else ''}" for n in range(1, 6)
    ]
    assert [named(browser, name).text for name in stars] == ["★"] * 5
    assert named(browser, words["Ignore for now"]).is_enabled()
    tap(browser, words["4 stars"], navigates=False)  # 4 stars: both lists
    assert named(browser, words["4 stars"]).get_attribute("aria-pressed") == "true"
    tap(browser, liked)
    improve = named(browser, words["improve"])
    tap(browser, words["add own"], within=improve)
    type_into(improve, words["own words"], "Vélos bruyants")
    tap(browser, words["Add"], within=improve)
    assert named(browser, "Vélos bruyants").is_selected()
    assert named(browser, liked).is_selected()  # the page came back as it was
    type_into(browser, words["Comment"], "Très bon cours, <b>merci</b>")
    tap(browser, words["Send"])

    assert heading(browser) == words["Thank you"]
    review, prompts = review_and_prompts(pages.store, getattr(members, who))
    assert review is not None
    assert review.stars == 4
    assert review.session_id == members.friday
    assert review.comment == "Très bon cours, <b>merci</b>"
    assert sorted((a.label_en, a.status) for a in review.aspects) == [
        ("Music", AspectStatus.APPROVED),
        ("Vélos bruyants", AspectStatus.PENDING),
    ]
    assert [(p.outcome, p.channel) for p in prompts] == [(PromptOutcome.ANSWERED, Channel.WEB)]
    assert review.prompt_id == prompts[0].id

    tap(browser, words["Done"])
    assert heading(browser) == "Votre avis compte !"
    assert language(browser) == "fr"


def test_stars_decide_which_aspects_are_offered(
    browser: Any, pages: Pages, members: Members
) -> None:
    pair(browser, pages)
    choose(browser, "Zoe", "Zoe S.")
    url = browser.current_url
    tap(browser, "5 stars", navigates=False)
    assert named(browser, "What did you like?").is_displayed()
    assert candidates(browser, "What could we improve?") == []  # not on screen
    tap(browser, "Music")
    tap(browser, "2 stars", navigates=False)
    assert candidates(browser, "What did you like?") == []
    assert named(browser, "Music volume").is_displayed()
    tap(browser, "4 stars", navigates=False)
    assert named(browser, "Music").is_selected()  # ticks survive changing one's mind
    assert browser.current_url == url  # the page's script did it all, without a trip


def test_ignore_for_now_records_the_prompt_ignored(
    browser: Any, pages: Pages, members: Members
) -> None:
    pair(browser, pages)
    choose(browser, "audrey", "Audrey B.")
    tap(browser, "Ignorer pour le moment")
    assert heading(browser) == "Merci"
    assert "Pas de problème. Une prochaine fois peut-être !" in browser.page_source
    review, prompts = review_and_prompts(pages.store, members.audrey)
    assert review is None
    assert [(p.outcome, p.channel) for p in prompts] == [(PromptOutcome.IGNORED, Channel.WEB)]
    # Asking ended for the day.
    tap(browser, "Terminé")
    choose(browser, "audrey", "Audrey B.")
    assert heading(browser) == "Merci"
    assert "Il n’y a rien à évaluer pour le moment. À bientôt !" in browser.page_source


def test_a_client_with_nothing_due_is_thanked_and_nothing_is_recorded(
    browser: Any, pages: Pages, studio: StudioBuilder
) -> None:
    newcomer = studio.client("C9", "Noé", "Nouveau", language="en")
    pair(browser, pages)
    choose(browser, "noe", "Noé N.")
    assert heading(browser) == "Thank you"
    assert "There is nothing to rate for now. See you soon!" in browser.page_source
    assert review_and_prompts(pages.store, newcomer) == (None, [])


def test_the_business_question_is_the_studio_one_in_the_client_language(
    browser: Any, pages: Pages, studio: StudioBuilder
) -> None:
    julie = studio.coach("E1", "Julie", "Tremblay")
    first = studio.session("S1", "Yoga", julie, "2026-05-16T09:00")
    studio.attend(first, studio.client("C2", "Ann", "Roy", language="en"))
    pair(browser, pages)
    choose(browser, "ann", "Ann R.")
    assert heading(browser) == "How would you rate your experience with Studio Lotus?"
    tap(browser, "5 stars", navigates=False)
    assert named(browser, "Cleanliness").is_displayed()


def test_walking_away_returns_to_the_welcome_and_leaves_the_prompt_abandoned(
    browser: Any, pages: Pages, studio: StudioBuilder, members: Members
) -> None:
    studio.setting("kiosk.idle_seconds", "5")
    pair(browser, pages)
    choose(browser, "zoe", "Zoe S.")
    assert heading(browser) == "How was Spin with Julie on Friday?"
    tap(browser, "5 stars", navigates=False)
    with fast_timers(browser):
        browser.refresh()  # the page's script now runs on the fast timers
        WebDriverWait(browser, WAIT_SECONDS).until(lambda d: heading(d) == "Votre avis compte !")
    review, prompts = review_and_prompts(pages.store, members.zoe)
    assert review is None
    assert [(p.outcome, p.channel) for p in prompts] == [(PromptOutcome.ABANDONED, Channel.WEB)]


def test_a_forged_form_is_refused_politely_and_nothing_is_written(
    browser: Any, pages: Pages, members: Members
) -> None:
    pair(browser, pages)
    choose(browser, "audrey", "Audrey B.")
    tap(browser, "5 étoiles", navigates=False)
    # What a page on another site would send: the right fields without this page's token.
    browser.execute_script("document.querySelector('#question [name=csrf_token]').value = 'forged'")
    tap(browser, "Envoyer")
    assert heading(browser) == "Désolé !"
    assert "Cette page a déjà été envoyée ou a expiré" in browser.page_source
    review, prompts = review_and_prompts(pages.store, members.audrey)
    assert review is None
    assert [p.outcome for p in prompts] == [PromptOutcome.ABANDONED]
    tap(browser, "Recommencer")
    assert heading(browser) == "Votre avis compte !"


def test_touch_targets_are_at_least_48_pixels_on_a_tablet_and_a_phone(
    browser: Any, pages: Pages, members: Members
) -> None:
    pair(browser, pages)
    choose(browser, "zoe", "Zoe S.")
    tap(browser, "4 stars", navigates=False)
    for width, height in ((1280, 800), (390, 844)):
        browser.set_window_size(width, height)
        small = browser.execute_script(
            """
            return Array.from(document.querySelectorAll('button, a, label.aspect, input, textarea,'
                + ' summary'))
              .filter((e) => e.offsetParent !== null && !e.classList.contains('default-submit')
                && e.type !== 'checkbox' && e.type !== 'hidden')
              .map((e) => [e.textContent.trim() || e.name, e.getBoundingClientRect()])
              .filter(([, r]) => Math.min(r.width, r.height) < 48)
              .map(([name]) => name);
            """
        )
        assert small == [], (width, small)
        assert browser.execute_script(
            "return document.documentElement.scrollWidth <= window.innerWidth"
        ), f"the page scrolls sideways at {width}px"
    browser.set_window_size(1280, 800)
