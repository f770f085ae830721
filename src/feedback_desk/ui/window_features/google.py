"""Google in the window: the sync worker of the open store (every ``google.sync_minutes`` while
the window is open, and only once a profile is connected: an unconnected store, like the demo,
never reaches the network), its progress and last sync in the status bar, and the Google tab's
requests (connect → Settings → Google; its messages → the status bar). Whether a profile is
connected is read by the worker in the background (the system keyring may be slow or locked),
once the window's first screen is drawn: the keyring and Google's libraries load after it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from feedback_desk.ui.context import WindowContext
from feedback_desk.ui.window_features import WindowFeature
from feedback_desk.workers.google_sync import GoogleSyncWorker

if TYPE_CHECKING:
    from feedback_desk.ui.google.status_widget import GoogleStatusWidget


class GoogleFeature(WindowFeature):
    def install(self) -> None:
        self.worker: GoogleSyncWorker | None = None
        self.status_widget: GoogleStatusWidget | None = None
        self.window.settings_opened.connect(self._settings_opened)
        self.window.page_created.connect(self._page_created)
        self.window.first_screen_shown.connect(self.schedule)

    @property
    def connected(self) -> bool:
        return self.worker is not None and self.worker.connected

    def attach(self, context: WindowContext) -> None:
        from feedback_desk.ui.google.status_widget import GoogleStatusWidget

        self.context = context
        worker = GoogleSyncWorker(context.store, context.clock, context.tasks, parent=context)
        worker.synced.connect(lambda _result: self.window.refresh())
        context.google_sync = worker
        self.worker = worker
        # The studio's zone follows once the settings are read (schedule()).
        self.status_widget = GoogleStatusWidget(worker, context.tz)
        self.window.status.add_permanent(self.status_widget)
        context.settings_changed.connect(self.schedule)
        context.live_changed.connect(self.schedule)

    def _page_created(self, key: str, page: object) -> None:
        if key != "google":
            return
        from feedback_desk.ui.tabs.google_tab import GoogleReviewsTab

        if isinstance(page, GoogleReviewsTab):
            page.connect_requested.connect(lambda: self.window.open_settings("google"))
            page.status_message.connect(self.window.status.show_message)

    def schedule(self) -> None:
        """Sync every ``google.sync_minutes`` while connected; a sync at once when the last one
        is older than that (or there was none). Not before the first screen is drawn, nor from
        a copy of the studio's store (docs/rules.md#live-store)."""
        if self.worker is None or not self.window.first_screen_done:
            return
        if not self.context.settings_loaded or self.context.live is not True:
            return
        if self.status_widget is not None:
            self.status_widget.set_timezone(self.context.tz)
        self.worker.check_connection(self.context.settings.integer("google.sync_minutes"))

    def _settings_opened(self, dialog: object) -> None:
        page = getattr(dialog, "pages", {}).get("google")
        if page is not None:
            page.connection_changed.connect(self._connection_changed)

    def _connection_changed(self) -> None:
        """Connected (the first sync starts now) or disconnected (the timer stops)."""
        if self.worker is not None:
            minutes = self.context.settings.integer("google.sync_minutes")
            self.worker.check_connection(minutes, fresh=True)
        page = self.window.pages.get("google")
        if page is not None:
            page.refresh()

    def detach(self) -> None:
        if self.worker is not None:
            self.worker.shutdown()
            self.worker.deleteLater()
            self.worker = None
            self.context.google_sync = None
        if self.status_widget is not None:
            self.status_widget.deleteLater()
            self.status_widget = None

    @property
    def busy(self) -> bool:
        return self.worker is not None and (self.worker.busy or self.worker.checking)
