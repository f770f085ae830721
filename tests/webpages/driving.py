"""Driving client pages like a person with a screen reader would name things: every control is
found by its accessible name (Chromium's computed label), never by id or class."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

from tests.webpages.conftest import WAIT_SECONDS, Pages


def _literal(text: str) -> str:
    if '"' not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    raise ValueError(f"cannot quote {text!r} in XPath")


def candidates(root: Any, name: str) -> list[WebElement]:
    """Elements under *root* (the page, or a group) whose accessible name is *name*."""
    q = _literal(name)
    xpath = " | ".join(
        [
            f".//*[@aria-label={q}]",
            f".//button[normalize-space(.)={q}]",
            f".//a[normalize-space(.)={q}]",
            f".//summary[normalize-space(.)={q}]",
            f".//h1[normalize-space(.)={q}]",
            f".//fieldset[legend[normalize-space(.)={q}]]",
            f".//*[@id=(.//label[normalize-space(.)={q}]/@for)]",
            f".//*[@id=(//label[normalize-space(.)={q}]/@for)]",
            f".//label[normalize-space(.)={q}]//input",
        ]
    )
    return [e for e in root.find_elements(By.XPATH, xpath) if e.accessible_name == name]


def named(root: Any, name: str) -> WebElement:
    """The one element under *root* whose accessible name is *name*."""
    found = candidates(root, name)
    assert len(found) == 1, f"{len(found)} elements named {name!r}"
    return found[0]


def wait_named(driver: Any, name: str) -> WebElement:
    WebDriverWait(driver, WAIT_SECONDS).until(lambda d: len(candidates(d, name)) == 1)
    return named(driver, name)


def heading(driver: Any) -> str:
    """The page's main heading (read in one step, so a page being replaced never half-answers)."""
    return str(
        driver.execute_script("return document.querySelector('h1')?.textContent.trim() ?? ''")
    )


def tap(
    driver: Any, name: str, *, within: WebElement | None = None, navigates: bool | None = None
) -> None:
    """Tap the control named *name* (in the group *within*); when it leaves the page (a link or a
    submit button, unless *navigates* says otherwise), wait for the next one."""
    element = named(within if within is not None else driver, name)
    assert element.is_displayed(), f"{name!r} is not on screen"
    assert element.is_enabled(), f"{name!r} is disabled"
    if navigates is None:
        navigates = element.tag_name == "a" or element.get_attribute("type") == "submit"
    if navigates:
        driver.execute_script("window.tappedHere = true")  # gone once the next page is loaded
    element.click()
    if navigates:
        WebDriverWait(driver, WAIT_SECONDS, ignored_exceptions=(WebDriverException,)).until(
            lambda d: d.execute_script(
                "return window.tappedHere !== true && document.readyState === 'complete'"
            )
        )


def type_into(root: Any, name: str, text: str) -> None:
    field = named(root, name)
    field.clear()
    field.send_keys(text)


def pair(driver: Any, pages: Pages, *, welcome: str = "Votre avis compte !") -> None:
    """Pair the browser with a fresh code, as staff and a tablet would."""
    driver.get(pages.url("/kiosk"))
    type_into(driver, label_for(driver, "Pairing code"), pages.pairing_code())
    tap(driver, label_for(driver, "Pair"))
    WebDriverWait(driver, WAIT_SECONDS).until(lambda d: heading(d) == welcome)


FRENCH = {
    "Pairing code": "Code de jumelage",
    "Pair": "Jumeler",
    "Name or member number": "Nom ou numéro de membre",
}


def label_for(driver: Any, english: str) -> str:
    """*english*, or its French when the page is in French."""
    language = driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
    return FRENCH[english] if language == "fr" else english


def find_client(driver: Any, text: str, expected: str) -> None:
    """Type *text* in the search field and wait for the result named *expected*."""
    type_into(driver, label_for(driver, "Name or member number"), text)
    wait_named(driver, expected)


@contextmanager
def fast_timers(driver: Any, factor: int = 100) -> Iterator[None]:
    """Pages loaded meanwhile see their timers run *factor* times faster: the browser's side of
    an injected clock, so that idle delays pass without the test waiting for them."""
    source = (
        "const slow = window.setTimeout.bind(window);"
        f"window.setTimeout = (run, ms, ...rest) => slow(run, (ms || 0) / {factor}, ...rest);"
    )
    added = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": source})
    try:
        yield
    finally:
        driver.execute_cdp_cmd(
            "Page.removeScriptToEvaluateOnNewDocument", {"identifier": added["identifier"]}
        )
