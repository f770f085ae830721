"""The client pages while the window is open: it serves them on a background thread as long as
``web.enabled`` is on (started on a worker: it imports Flask and binds), shows their address in
the status bar, restarts them when ``web.host`` or ``web.port`` change, tries again when the
settings are reloaded after a failed start (a port in use: one sentence in the status bar and
on Settings → Client pages), and stops them when the store closes or the window does."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal

from feedback_desk.services.client_pages.address import PagesConfig, pages_config
from feedback_desk.ui.client_pages.serving import ServerRun, Serving, State, start_problem
from feedback_desk.ui.client_pages.status_widget import ClientPagesStatusWidget
from feedback_desk.ui.window_features import WindowFeature

if TYPE_CHECKING:
    from feedback_desk.ui.context import StoreTasks, WindowContext

SETTINGS_PAGE = "client_pages"


class ClientPagesFeature(WindowFeature):
    serving_changed = Signal(object)  # Serving

    def install(self) -> None:
        self.serving = Serving()
        self.context: WindowContext | None = None
        self.tasks: StoreTasks | None = None
        self._config: PagesConfig | None = None
        self._run: ServerRun | None = None
        self._previous: ServerRun | None = None
        self.status_widget = ClientPagesStatusWidget()
        self.status_widget.clicked.connect(lambda: self.window.open_settings(SETTINGS_PAGE))
        self.window.status.add_permanent(self.status_widget)
        self.status_widget.show_serving(self.serving)
        self.window.settings_opened.connect(self._settings_opened)

    def attach(self, context: WindowContext) -> None:
        self.context = context
        self.tasks = context.tasks_for(self)
        context.settings_changed.connect(self._configure)

    def _configure(self) -> None:
        """Follow the settings: start, restart or stop the server; a failed start is tried again
        whenever the settings are reloaded."""
        context = self.context
        if context is None or context.closed:
            return
        config = pages_config(context.settings)
        if config == self._config and self.serving.state is not State.FAILED:
            return
        self._config = config
        self._stop()
        if config.enabled:
            self._start(context, config)
        else:
            self._show(Serving())

    def _start(self, context: WindowContext, config: PagesConfig) -> None:
        from feedback_desk.web.server import ClientPagesServer

        server = ClientPagesServer(context.store, context.clock, host=config.host, port=config.port)
        run = ServerRun(server, after=self._previous)
        self._run = run
        self._show(Serving(State.STARTING))
        assert self.tasks is not None
        self.tasks.run(
            lambda _progress: run.start(),
            name="client-pages",
            on_done=lambda url: self._started(run, url),
            on_error=lambda exc: self._failed(run, config, exc),
        )

    def _started(self, run: ServerRun, url: str) -> None:
        if run is self._run:
            self._show(Serving(State.SERVING, url=url))

    def _failed(self, run: ServerRun, config: PagesConfig, exc: BaseException) -> None:
        if run is not self._run:
            return

        def problem() -> str:
            return start_problem(exc, config.host, config.port)

        self._show(Serving(State.FAILED, problem=problem))
        self.window.status.show_error(problem)

    def _stop(self) -> None:
        if self._run is not None:
            self._run.stop()
            self._previous = self._run
            self._run = None

    def _show(self, serving: Serving) -> None:
        self.serving = serving
        self.status_widget.show_serving(serving)
        self.serving_changed.emit(serving)

    def _settings_opened(self, dialog: object) -> None:
        page = getattr(dialog, "pages", {}).get(SETTINGS_PAGE)
        if page is not None:
            page.show_serving(self.serving)
            self.serving_changed.connect(page.show_serving)

    def detach(self) -> None:
        if self.context is not None:
            self.context.settings_changed.disconnect(self._configure)
        self._stop()
        self._config = None
        self.context = None
        self._show(Serving())

    @property
    def busy(self) -> bool:
        return self.tasks is not None and self.tasks.busy
