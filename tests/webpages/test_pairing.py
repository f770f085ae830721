"""Pairing a tablet in the browser: only a paired device sees the kiosk; codes are single use and
short-lived; wrong codes are throttled; an unpaired device is back to the pairing page."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from selenium.webdriver.common.by import By

from feedback_desk.services.client_pages.pairing import list_devices, revoke_device
from tests.support.studio_builder import StudioBuilder
from tests.webpages.conftest import Pages
from tests.webpages.driving import candidates, heading, named, pair, tap, type_into


def test_unpaired_the_kiosk_only_shows_how_to_pair_in_the_studio_language(
    browser: Any, pages: Pages, studio: StudioBuilder
) -> None:
    studio.client("C1", "Audrey", "Bélanger", language="fr")
    browser.get(pages.url("/kiosk"))
    assert heading(browser) == "Jumeler cet appareil"
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"
    assert named(browser, "Code de jumelage").get_attribute("name") == "code"
    assert candidates(browser, "Nom ou numéro de membre") == []
    assert "Audrey" not in browser.page_source
    studio.setting("studio.language", "en")
    browser.get(pages.url("/pair"))
    assert heading(browser) == "Pair this device"
    assert named(browser, "Pairing code").is_displayed()


def test_a_code_pairs_one_device_once_and_the_device_stays_paired(
    browser: Any, pages: Pages
) -> None:
    code = pages.pairing_code()
    browser.get(pages.url("/kiosk"))
    type_into(browser, "Code de jumelage", code)
    tap(browser, "Jumeler")
    assert heading(browser) == "Votre avis compte !"
    assert named(browser, "Nom ou numéro de membre").is_displayed()
    device = next(c for c in browser.get_cookies() if c["name"] == "fd_device")
    assert device["httpOnly"] is True
    assert device["sameSite"] == "Strict"
    assert len(device["value"]) >= 40  # 256 random bits
    with pages.store.read() as session:
        assert [d.name for d in list_devices(session)] == ["Tablet 1"]

    browser.delete_cookie("fd_device")  # another tablet tries the same code
    browser.get(pages.url("/pair"))
    type_into(browser, "Code de jumelage", code)
    tap(browser, "Jumeler")
    assert heading(browser) == "Jumeler cet appareil"
    assert "Ce code n’est pas valide." in browser.page_source


def test_a_code_expires_after_ten_minutes(browser: Any, pages: Pages) -> None:
    code = pages.pairing_code()
    pages.clock.advance(timedelta(minutes=10))
    browser.get(pages.url("/pair"))
    type_into(browser, "Code de jumelage", code)
    tap(browser, "Jumeler")
    assert "Ce code n’est pas valide." in browser.page_source
    with pages.store.read() as session:
        assert list_devices(session) == []


def test_wrong_codes_are_throttled_even_the_right_one_waits(browser: Any, pages: Pages) -> None:
    code = pages.pairing_code()
    wrong = "000000" if code != "000000" else "111111"
    browser.get(pages.url("/pair"))
    for _ in range(5):
        type_into(browser, "Code de jumelage", wrong)
        tap(browser, "Jumeler")
        assert "Ce code n’est pas valide." in browser.page_source
    type_into(browser, "Code de jumelage", code)
    tap(browser, "Jumeler")
    assert "Trop de codes erronés" in browser.page_source
    assert heading(browser) == "Jumeler cet appareil"
    pages.clock.advance(timedelta(minutes=10))  # the wrong codes have aged out
    type_into(browser, "Code de jumelage", pages.pairing_code())
    tap(browser, "Jumeler")
    assert heading(browser) == "Votre avis compte !"


def test_an_unpaired_device_is_back_to_the_pairing_page(browser: Any, pages: Pages) -> None:
    pair(browser, pages)
    with pages.store.write() as session:
        (device,) = list_devices(session)
        revoke_device(session, device.id, at=pages.clock.now(), actor="test")
    browser.get(pages.url("/kiosk"))
    assert heading(browser) == "Jumeler cet appareil"
    assert candidates(browser, "Nom ou numéro de membre") == []
