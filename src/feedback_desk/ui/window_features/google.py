"""Google in the window: the sync worker of the open store (every ``google.sync_minutes`` while
the window is open, and only once a profile is connected: an unconnected store, like the demo,
never reaches the network), its progress and last sync in the status bar, and the Google tab's
requests (connect → Settings → Google; its messages → the status bar)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QWidget

from feedback_desk.ui.context import WindowContext
from feedback_desk.ui.window_features import WindowFeature
from feedback_desk.workers.google_sync import GoogleSyncWorker


class GoogleFeature(WindowFeature):
    def install(self) -> None:
        self.worker: GoogleSyncWorker | None = None
        self.status_widget: QWidget | None = None
        self.connected = False
        self.every = 0
        self.window.settings_opened.connect(self._settings_opened)

    def attach(self, context: WindowContext) -> None:
        from feedback_desk.services.settings import load_settings
        from feedback_desk.ui.google.status_widget import GoogleStatusWidget

        self.context = context
        worker = GoogleSyncWorker(context.store, context.clock, parent=context)
        worker.synced.connect(lambda _result: self.window.refresh())
        context.google_sync = worker
        self.worker = worker
        with context.store.read() as session:
            tz = load_settings(session).timezone
        self.status_widget = GoogleStatusWidget(worker, tz)
        self.window.status.add_permanent(self.status_widget)
        self.connected = False
        self.every = 0
        context.settings_changed.connect(self.schedule)

    def tabs_built(self) -> None:
        from feedback_desk.ui.tabs.google_tab import GoogleReviewsTab

        page = self.window.pages.get("google")
        if isinstance(page, GoogleReviewsTab):
            page.connect_requested.connect(lambda: self.window.open_settings("google"))
            page.status_message.connect(self.window.status.show_message)

    def schedule(self) -> None:
        """Sync every ``google.sync_minutes`` while connected; a sync at once when the last one
        is older than that (or there was none)."""
        from feedback_desk.services.google import connection

        worker = self.worker
        if worker is None:
            return
        was_connected, was_every = self.connected, self.every
        self.connected = connection.status(self.context.store).connected
        minutes = self.context.settings.integer("google.sync_minutes")
        self.every = minutes if self.connected else 0
        if self.every != was_every or self.connected != was_connected:
            # Restarting the timer on every refresh would put the next sync off for ever.
            worker.schedule_every(self.every)
        if not self.connected or was_connected or minutes <= 0:
            return
        last = worker.last_sync_at
        if last is None or self.context.clock.now() - last >= timedelta(minutes=minutes):
            worker.start_sync(scheduled=True)

    def _settings_opened(self, dialog: object) -> None:
        page = getattr(dialog, "pages", {}).get("google")
        if page is not None:
            page.connection_changed.connect(self._connection_changed)

    def _connection_changed(self) -> None:
        """Connected (the first sync starts now) or disconnected (the timer stops)."""
        self.connected = False
        self.schedule()
        if self.connected and self.worker is not None and not self.worker.busy:
            self.worker.start_sync()
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
        return self.worker is not None and self.worker.busy
