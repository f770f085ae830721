"""The kiosk still works in a browser that runs no script: every star, "Add" and search is a
plain form that comes back with the page as it was."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest

from feedback_desk.domain.kinds import Channel, PromptOutcome
from tests.support.kiosk_scene import Members, review_and_prompts
from tests.webpages.conftest import Pages, start_browser
from tests.webpages.driving import candidates, heading, named, pair, tap, type_into


@pytest.fixture(scope="module")
def module_browser() -> Iterator[object]:
    driver: Any = start_browser(script=False)
    yield driver
    driver.quit()
    shutil.rmtree(driver.profile_dir, ignore_errors=True)


def test_a_whole_review_without_script(browser: Any, pages: Pages, members: Members) -> None:
    pair(browser, pages)
    type_into(browser, "Nom ou numéro de membre", "zoe")
    tap(browser, "Rechercher")
    tap(browser, "Zoe S.")
    assert heading(browser) == "How was Spin with Julie on Friday?"
    assert candidates(browser, "What did you like?") == []  # nothing before the stars
    tap(browser, "4 stars")  # a trip to the server
    assert "At most 2000 characters." in browser.page_source  # the page's script did not run
    assert named(browser, "4 stars").get_attribute("aria-pressed") == "true"
    tap(browser, "Music")
    improve = named(browser, "What could we improve?")
    tap(browser, "+ Add your own", within=improve)
    type_into(improve, "In your own words", "Noisy bikes")
    tap(browser, "Add", within=improve)
    assert named(browser, "Noisy bikes").is_selected()
    assert named(browser, "Music").is_selected()
    tap(browser, "5 stars")
    assert candidates(browser, "What could we improve?") == []
    type_into(browser, "Comment", "Great")
    tap(browser, "Send")
    assert heading(browser) == "Thank you"
    review, prompts = review_and_prompts(pages.store, members.zoe, Channel.WEB)
    assert review is not None
    assert review.stars == 5
    # 5 stars offer only what they liked: the "to improve" words stay off the review.
    assert [a.label_en for a in review.aspects] == ["Music"]
    assert [p.outcome for p in prompts] == [PromptOutcome.ANSWERED]
