"""The features every main window has, in the order they are installed and attached.

Their modules are imported with this one, that is with the main window's module, which
`feedback-desk` loads before the application exists: building the window then costs only the
widgets (imported while it is built, they made that step alone longer than 50 ms).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from feedback_desk.ui.window_features import WindowFeature
from feedback_desk.ui.window_features.client_pages import ClientPagesFeature
from feedback_desk.ui.window_features.clients import ClientsFeature
from feedback_desk.ui.window_features.google import GoogleFeature
from feedback_desk.ui.window_features.inbox import InboxFeature
from feedback_desk.ui.window_features.live_store import LiveStoreFeature
from feedback_desk.ui.window_features.outbox import OutboxFeature
from feedback_desk.ui.window_features.store_info import StoreInfoFeature
from feedback_desk.ui.window_features.watch_folder import WatchFolderFeature

if TYPE_CHECKING:
    from feedback_desk.ui.main_window import MainWindow


def default_features(window: MainWindow) -> list[WindowFeature]:
    return [
        # First: whether the store may act as the studio decides what the others start.
        LiveStoreFeature(window),
        StoreInfoFeature(window),
        ClientsFeature(window),
        OutboxFeature(window),
        GoogleFeature(window),
        ClientPagesFeature(window),
        InboxFeature(window),
        WatchFolderFeature(window),
    ]
