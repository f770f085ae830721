"""The kiosk on a real store, with an idle watch the test fires by hand (no real waiting)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from feedback_desk.clock import ManualClock
from feedback_desk.store.database import Store
from feedback_desk.ui import i18n
from feedback_desk.ui.kiosk import IdleWatch, KioskWindow
from tests.support.kiosk_scene import studio_lotus, sunday_morning
from tests.support.studio_builder import StudioBuilder
from tests.support.window_context import window_context


class ManualIdleWatch(IdleWatch):
    def __init__(self) -> None:
        super().__init__()
        self.running = False

    def restart(self) -> None:
        self.running = True

    def stop(self) -> None:
        self.running = False

    def fire(self) -> None:
        assert self.running, "the kiosk was not waiting for a touch"
        self.expired.emit()


@pytest.fixture(autouse=True)
def english_afterwards(qapp: QApplication) -> Iterator[None]:
    yield
    i18n.install_language("en")


@pytest.fixture
def studio(store: Store) -> StudioBuilder:
    return studio_lotus(store)


@pytest.fixture
def sunday() -> ManualClock:
    return sunday_morning()


KioskFactory = Callable[[], KioskWindow]


@pytest.fixture
def open_kiosk(qtbot: QtBot, store: Store, sunday: ManualClock) -> Iterator[KioskFactory]:
    """Opens the kiosk as the window does, on a context whose settings are loaded (read when
    the kiosk opens, after the test set them)."""
    opened: list[KioskWindow] = []
    with ExitStack() as contexts:

        def factory() -> KioskWindow:
            context = contexts.enter_context(window_context(qtbot, store, sunday))
            window = KioskWindow(context, idle=ManualIdleWatch(), search_delay_ms=0)
            window.resize(1280, 800)
            window.show()
            opened.append(window)
            return window

        yield factory
        # Closed here, not by qtbot: a plain close() would ask for the staff PIN.
        for window in opened:
            window.shutdown()
            window.deleteLater()


def idle_of(window: KioskWindow) -> ManualIdleWatch:
    assert isinstance(window.idle, ManualIdleWatch)
    return window.idle


def tap(qtbot: QtBot, button: QAbstractButton) -> None:
    assert button.isVisible(), f"{button.text()!r} is not on screen"
    assert button.isEnabled(), f"{button.text()!r} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type *text* key by key; accented letters arrive as their key events' text (as from an
    on-screen keyboard), since QTest only simulates ASCII keys."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
                QApplication.sendEvent(widget, event)


def find_client(qtbot: QtBot, window: KioskWindow, text: str) -> list[str]:
    """Type *text* in the search box; the names shown once results arrive."""
    if window.welcome.search_field.text():
        window.welcome.search_field.clear()
        qtbot.waitUntil(lambda: window.welcome.shown_for == "")
    type_text(qtbot, window.welcome.search_field, text)
    qtbot.waitUntil(lambda: window.welcome.shown_for == text)
    return [b.text() for b in window.welcome.result_buttons]


def pick(qtbot: QtBot, window: KioskWindow, text: str) -> None:
    names = find_client(qtbot, window, text)
    assert names, f"nobody found for {text!r}"
    tap(qtbot, window.welcome.result_buttons[0])
    qtbot.waitUntil(lambda: window.stack.currentWidget() is not window.welcome)
