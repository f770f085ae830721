"""Client pages on a real server thread, driven in Debian's Chromium through chromedriver.

One browser per test module (starting Chromium is the slow part); each test gets its own store,
clock and server, and starts with no cookies, so tests stay independent.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from feedback_desk.clock import ManualClock
from feedback_desk.services.client_pages.pairing import make_pairing_code
from feedback_desk.store.database import Store
from feedback_desk.web.server import ClientPagesServer
from tests.support.kiosk_scene import Members, friday_spin_members, studio_lotus, sunday_morning
from tests.support.studio_builder import StudioBuilder

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
WAIT_SECONDS = 10


@pytest.fixture
def studio(store: Store) -> StudioBuilder:
    return studio_lotus(store)


@pytest.fixture
def sunday() -> ManualClock:
    return sunday_morning()


@pytest.fixture
def members(studio: StudioBuilder) -> Members:
    return friday_spin_members(studio)


@dataclass
class Pages:
    server: ClientPagesServer
    store: Store
    clock: ManualClock

    @property
    def base(self) -> str:
        address = self.server.address
        assert address is not None
        return f"http://127.0.0.1:{address.port}"

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def pairing_code(self) -> str:
        with self.store.write() as session:
            return make_pairing_code(session, at=self.clock.now(), actor="test").code


@pytest.fixture
def pages(store: Store, studio: StudioBuilder, sunday: ManualClock) -> Iterator[Pages]:
    server = ClientPagesServer(store, sunday, host="127.0.0.1", port=0)
    server.start()
    yield Pages(server, store, sunday)
    server.stop()
    server.join()


def chromedriver_missing() -> bool:
    return not (Path(CHROMEDRIVER).exists() and Path(CHROMIUM).exists())


def start_browser(*, script: bool = True) -> object:
    if chromedriver_missing():
        pytest.skip("Chromium and chromedriver are not installed here (CI installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="feedback-desk-chromium-")
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
        "--window-size=1280,800",
    ):
        options.add_argument(argument)
    if not script:
        options.add_experimental_option(
            "prefs", {"profile.managed_default_content_settings.javascript": 2}
        )
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.implicitly_wait(0)
    driver.profile_dir = profile  # type: ignore[attr-defined]
    return driver


@pytest.fixture(scope="module")
def module_browser() -> Iterator[object]:
    driver = start_browser()
    yield driver
    driver.quit()  # type: ignore[attr-defined]
    shutil.rmtree(driver.profile_dir, ignore_errors=True)  # type: ignore[attr-defined]


@pytest.fixture
def browser(module_browser: object) -> object:
    """The module's browser with no cookies left by an earlier test."""
    module_browser.execute_cdp_cmd("Network.clearBrowserCookies", {})  # type: ignore[attr-defined]
    module_browser.get("about:blank")  # type: ignore[attr-defined]
    return module_browser


Pair = Callable[[], None]
