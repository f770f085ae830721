"""The main window: the studio's tabs, its menus and a status bar.

It opens on a store, loads the studio's settings and then the data of the tab in front in
background queries (the GUI thread never waits for the database), and remembers its size,
position and last tab. A tab is built the first time it is shown (the tab in front on the
event loop's first turn, just after the window's frame), and what the first screen does
not need (the Google connection check, the outbox) starts once it is drawn
(:attr:`MainWindow.first_screen_shown`): the window opens as fast as the tab in front can.
Other features plug in through :func:`feedback_desk.ui.tabs.default_tabs` (tabs),
:mod:`feedback_desk.ui.settings.registry` (settings pages), :mod:`feedback_desk.ui.window_features`
(menu entries, status-bar widgets and the workers that run for the open store),
:attr:`MainWindow.status` (permanent status widgets, task progress) and
:meth:`MainWindow.run_task` (long work).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.clock import Clock
from feedback_desk.services.progress import Progress
from feedback_desk.store.database import Store
from feedback_desk.ui import preferences
from feedback_desk.ui.charts.renderer import chart_renderer
from feedback_desk.ui.context import WindowContext, describe_error
from feedback_desk.ui.retranslating import Retranslating
from feedback_desk.ui.status import Said, StatusArea, said_now
from feedback_desk.ui.tabs import TabSpec, default_tabs
from feedback_desk.ui.tabs.base import TabPage
from feedback_desk.ui.window_features import WindowFeature
from feedback_desk.ui.window_features.defaults import default_features
from feedback_desk.workers.tasks import Task, TaskRunner

if TYPE_CHECKING:
    from feedback_desk.ui.kiosk.window import KioskWindow
    from feedback_desk.ui.single_instance import StoreInstance

F = TypeVar("F", bound=WindowFeature)

STORE_FILTER = QT_TRANSLATE_NOOP(
    "MainWindow", "Feedback Desk stores (*.sqlite *.sqlite3 *.db);;All files (*)"
)


class MainWindow(Retranslating, QMainWindow):
    store_switched = Signal()
    # The Settings dialog just opened (features connect to their pages' signals).
    settings_opened = Signal(object)
    # A tab was built (the first time it was shown): its key and its page.
    page_created = Signal(str, object)
    # Once, when the tab in front first showed its data: deferred work may start.
    first_screen_shown = Signal()
    DEFAULT_SIZE = QSize(1280, 820)
    FIRST_SCREEN_CHECK_MS = 50

    def __init__(
        self,
        store: Store,
        clock: Clock,
        *,
        tabs: Sequence[TabSpec] | None = None,
        remember_state: bool = True,
        instance: StoreInstance | None = None,
        tab: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # Charts are drawn in their own process: it starts now, beside the window's start-up.
        self.charts = chart_renderer()
        self.charts.start()
        self.clock = clock
        # This window's claim on its store (one window per store), when it was launched with one.
        self.instance = instance
        if instance is not None:
            instance.setParent(self)
            instance.forward_requested.connect(self.bring_forward)
        # Off for renders (screenshots): they must not change the user's saved window.
        self.remember_state = remember_state
        self.tab_specs = list(tabs) if tabs is not None else default_tabs()
        self.tasks = TaskRunner(self)
        self.status = StatusArea(self)
        self.setStatusBar(self.status)
        self.tab_widget = QTabWidget()
        self.tab_widget.setDocumentMode(True)
        # Banners (a copy of the store, …) above the tabs; features add them.
        central = QWidget()
        self._central_layout = QVBoxLayout(central)
        self._central_layout.setContentsMargins(0, 0, 0, 0)
        self._central_layout.setSpacing(0)
        self._central_layout.addWidget(self.tab_widget, 1)
        self.setCentralWidget(central)
        self.pages: dict[str, TabPage] = {}  # the tabs built so far
        self._slots: dict[str, QWidget] = {}
        self.first_screen_done = False
        self._first_screen_timer = QTimer(self)
        self._first_screen_timer.setInterval(self.FIRST_SCREEN_CHECK_MS)
        self._first_screen_timer.timeout.connect(self._check_first_screen)
        self.message_box: QMessageBox | None = None
        self.settings_dialog: QWidget | None = None
        self.file_chooser: QFileDialog | None = None
        self.import_dialog: QWidget | None = None
        self.kiosk: KioskWindow | None = None
        self.closing = False
        self._build_menus()
        self.features: list[WindowFeature] = default_features(self)
        for feature in self.features:
            feature.install()
        self.context = self._new_context(store)
        self._build_tabs(tab or (self._last_tab() if remember_state else None))
        self.retranslate()
        if remember_state:
            self._restore_window_state()
        else:
            self.resize(self.DEFAULT_SIZE)
        self.tab_widget.currentChanged.connect(self._tab_shown)
        self.first_screen_shown.connect(self._load_other_tabs)
        QTimer.singleShot(0, self.refresh)

    # Building -----------------------------------------------------------------------------
    def _action(
        self,
        menu: QMenu,
        slot: Callable[[], Any],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        """An entry of *menu*; its text comes from :meth:`retranslate`."""
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        """The menus' structure; their texts are set by :meth:`retranslate`."""
        bar = self.menuBar()
        self.file_menu = file_menu = bar.addMenu("")
        # No shortcut: Ctrl+N (the platform's New) is Add review…, which staff use every day;
        # two actions on one shortcut would make Qt trigger neither.
        self.new_store_action = self._action(file_menu, self.choose_new_store)
        self.open_store_action = self._action(
            file_menu, self.choose_store, QKeySequence.StandardKey.Open
        )
        self.recent_menu = file_menu.addMenu("")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        self.import_action = self._action(file_menu, self.open_import_dialog, "Ctrl+I")
        self.export_action = self._action(file_menu, self.open_export_dialog, "Ctrl+E")
        self.export_testimonials_action = self._action(file_menu, self.export_testimonials)
        file_menu.addSeparator()
        self.quit_action = self._action(file_menu, self.close, QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.view_menu = view_menu = bar.addMenu("")
        self.refresh_action = self._action(
            view_menu, self.refresh, QKeySequence.StandardKey.Refresh
        )
        self.tools_menu = tools_menu = bar.addMenu("")
        self.kiosk_action = self._action(tools_menu, self.open_kiosk)
        self._tools_separator = tools_menu.addSeparator()
        self.settings_action = self._action(
            tools_menu, self.open_settings, QKeySequence.StandardKey.Preferences
        )
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.help_menu = help_menu = bar.addMenu("")
        self.about_action = self._action(help_menu, self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    # Language -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Every text of the window's own (menus, tab titles, title), then the features'; called
        once built and again whenever the interface language changes."""
        self.file_menu.setTitle(self.tr("&File"))
        self.new_store_action.setText(self.tr("&New store…"))
        self.open_store_action.setText(self.tr("&Open store…"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.import_action.setText(self.tr("&Import…"))
        self.export_action.setText(self.tr("&Export…"))
        self.export_testimonials_action.setText(self.tr("Export &testimonials…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.refresh_action.setText(self.tr("&Refresh"))
        self.tools_menu.setTitle(self.tr("&Tools"))
        self.kiosk_action.setText(self.tr("&Kiosk mode"))
        self.kiosk_action.setToolTip(self.tr("Clients rate their class on this screen"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About Feedback Desk"))
        for index, spec in enumerate(self.tab_specs[: self.tab_widget.count()]):
            self.tab_widget.setTabText(index, spec.title())
        self._update_title()
        for feature in self.features:
            feature.retranslate()

    def add_menu(self) -> QMenu:
        """A feature's own menu, before Tools and Help (its title set by the feature's
        ``retranslate``)."""
        menu = QMenu(self)
        self.menuBar().insertMenu(self.tools_menu.menuAction(), menu)
        return menu

    def feature(self, kind: type[F]) -> F:
        """The installed feature of that class (menus, workers and status widgets of one kind)."""
        return next(feature for feature in self.features if isinstance(feature, kind))

    def add_banner(self, banner: QWidget) -> None:
        """A feature's banner across the top of the window, above the tabs."""
        self._central_layout.insertWidget(self._central_layout.count() - 1, banner)

    def add_tool_action(self, action: QAction) -> None:
        """A feature's entry in Tools, above Settings…."""
        self.tools_menu.insertAction(self._tools_separator, action)

    def _new_context(self, store: Store) -> WindowContext:
        context = WindowContext(store, self.clock, self)
        context.failed.connect(self.status.show_error)
        context.settings_changed.connect(self._update_title)
        for feature in self.features:
            feature.attach(context)
        return context

    def _build_tabs(self, current: str | None = None) -> None:
        """A place for every tab; only the tab in front is built now (the others when first
        shown)."""
        current = current or self.current_tab_key()
        self.tab_widget.blockSignals(True)
        while self.tab_widget.count():
            slot = self.tab_widget.widget(0)
            self.tab_widget.removeTab(0)
            if slot is not None:
                slot.deleteLater()
        self.pages = {}
        self._slots = {}
        for spec in self.tab_specs:
            slot = QWidget()
            slot.setObjectName(f"slot:{spec.key}")
            QVBoxLayout(slot).setContentsMargins(0, 0, 0, 0)
            self._slots[spec.key] = slot
            self.tab_widget.addTab(slot, spec.title())
        from feedback_desk.ui.dialogs.opener import opener_for

        opener_for(self.context).status_message.connect(self.status.show_message)
        if current in self._slots:
            self.tab_widget.setCurrentIndex(list(self._slots).index(current))
        self.tab_widget.blockSignals(False)
        # The tab in front is built on the event loop's first turn, not here: building the
        # window and its front tab in one go kept the GUI thread busy past the 50 ms a user
        # notices (docs/architecture.md, the window's start-up). `page()` builds it sooner if asked.
        QTimer.singleShot(0, self, self._build_front_page)

    def _build_front_page(self) -> None:
        key = self.current_tab_key()
        if key is not None and not self.closing:
            self.page(key)

    def page(self, key: str) -> TabPage:
        """The tab *key*, built (and loading) if it was not yet."""
        page = self.pages.get(key)
        if page is not None:
            return page
        spec = next(spec for spec in self.tab_specs if spec.key == key)
        page = spec.create(self.context)
        page.setObjectName(f"tab:{spec.key}")
        self.pages[key] = page
        layout = self._slots[key].layout()
        assert layout is not None
        layout.addWidget(page)
        requested = getattr(page, "coach_requested", None)
        if requested is not None:
            requested.connect(self.open_coach)
        self.page_created.emit(key, page)
        if self.context.settings_loaded:
            page.refresh()
        return page

    def open_coach(self, coach_id: int) -> None:
        """A coach's trend on the Overview: the Class tab on that coach's reviews."""
        self.show_tab("class")
        show_coach = getattr(self.pages.get("class"), "show_coach", None)
        if show_coach is not None:
            show_coach(coach_id)

    # Tabs ---------------------------------------------------------------------------------
    def current_tab_key(self) -> str | None:
        index = self.tab_widget.currentIndex()
        return self.tab_specs[index].key if 0 <= index < len(self.tab_specs) else None

    def show_tab(self, key: str) -> None:
        keys = [spec.key for spec in self.tab_specs]
        if key not in keys:
            raise KeyError(f"no tab {key!r} (tabs: {', '.join(keys)})")
        self.tab_widget.setCurrentIndex(keys.index(key))
        self.page(key)

    def _tab_shown(self, _index: int) -> None:
        key = self.current_tab_key()
        if not key:
            return
        self.page(key)
        if self.remember_state:
            settings = preferences.app_settings()
            settings.setValue("window/lastTab", key)

    # Data ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the settings, then every tab, in background queries."""
        self.context.reload_settings(then=self._refresh_tabs)

    def _refresh_tabs(self) -> None:
        for page in list(self.pages.values()):
            page.refresh()
        if not self.first_screen_done:
            self._first_screen_timer.start()

    def _load_other_tabs(self) -> None:
        """The modules of the tabs not built yet, imported on a worker once the first screen is
        drawn: the first look at a tab then builds only its widgets (importing the Google tab's
        modules alone held the GUI thread for over 100 ms)."""
        loaders = [spec.page_class for spec in self.tab_specs if spec.key not in self.pages]
        if loaders:
            self.tasks.run(
                lambda _progress: [load() for load in loaders], name="the other tabs' modules"
            )

    def _check_first_screen(self) -> None:
        if self.is_idle():
            self._first_screen_timer.stop()
            self.first_screen_done = True
            self.first_screen_shown.emit()

    def is_idle(self) -> bool:
        """No query, page fetch, task or chart render is running (a screenshot waits for this)."""
        return (
            not self.context.busy
            and not self.tasks.busy
            and not any(feature.busy for feature in self.features)
            and all(page.is_idle() for page in self.pages.values())
        )

    def _update_title(self) -> None:
        if self.context.settings_loaded:
            settings = self.context.settings
            # Until the studio names itself, its placeholder name speaks the window's language.
            named = settings.is_set("studio.name")
            studio = settings.studio_name if named else self.tr("My studio")
            self.setWindowTitle(self.tr("Feedback Desk — {studio}").format(studio=studio))
        else:
            self.setWindowTitle(self.tr("Feedback Desk"))

    def run_task(
        self,
        work: Callable[[Progress], Any],
        *,
        label: Said,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        cancellable: bool = True,
    ) -> Task:
        """Long work on a worker thread, its progress and a Cancel button in the status bar."""

        def failed(exc: BaseException) -> None:
            if on_error is not None:
                on_error(exc)
            else:
                # The error itself is kept: its words follow the interface language.
                self.status.show_error(lambda: f"{said_now(label)} {describe_error(exc)}")

        task = self.tasks.run(
            work,
            name=said_now(label),
            on_done=on_done,
            on_error=failed,
            on_cancelled=lambda: self.status.show_message(lambda: self.tr("Cancelled.")),
        )
        self.status.track(task, label, cancellable=cancellable)
        return task

    # Stores -------------------------------------------------------------------------------
    def choose_store(self) -> QFileDialog:
        """File → Open store…: a file chooser that does not block the window."""
        chooser = QFileDialog(
            self, self.tr("Open a store"), str(Path.home()), self.tr(STORE_FILTER)
        )
        chooser.setFileMode(QFileDialog.FileMode.ExistingFile)
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.fileSelected.connect(self.open_store)
        self.file_chooser = chooser
        chooser.open()
        return chooser

    def choose_new_store(self) -> QFileDialog:
        """File → New store…: where to create an empty store (never over an existing file)."""
        chooser = QFileDialog(
            self, self.tr("Create a store"), str(Path.home()), self.tr(STORE_FILTER)
        )
        chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        chooser.setDefaultSuffix("sqlite")
        # The service refuses an existing file with its reason; no "replace?" question.
        chooser.setOption(QFileDialog.Option.DontConfirmOverwrite)
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.fileSelected.connect(self.create_store)
        self.file_chooser = chooser
        chooser.open()
        return chooser

    def create_store(self, path: str) -> Task:
        """A new, empty store at *path*, then show it (refused when a file is already there)."""
        from feedback_desk.services.studio import new_studio

        clock = self.clock
        return self.run_task(
            lambda _progress: new_studio(path, clock=clock),
            label=lambda: self.tr("Creating {name}…").format(name=Path(path).name),
            on_done=self._adopt_store,
            on_error=lambda exc: self._store_failed(path, exc),
            cancellable=False,
        )

    def open_store(self, location: str) -> Task:
        """Open (migrating if needed) another store, then show it."""
        from feedback_desk.services.studio import open_studio

        clock = self.clock
        name = Path(location).name if "://" not in location else location
        return self.run_task(
            lambda _progress: open_studio(location, clock=clock),
            label=lambda: self.tr("Opening {name}…").format(name=name),
            on_done=self._adopt_store,
            on_error=lambda exc: self._store_failed(location, exc),
            cancellable=False,
        )

    def bring_forward(self) -> None:
        """Another launch on this store: show this window instead of a second one."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def _claim(self, store: Store) -> bool:
        """Move this window's claim to *store*; False when another window has it open."""
        if self.instance is None:
            return True
        from feedback_desk.ui.single_instance import StoreInstance

        claim = StoreInstance(store.location, self)
        if not claim.claim():
            claim.deleteLater()
            return False
        self.instance.release()
        self.instance.deleteLater()
        self.instance = claim
        claim.forward_requested.connect(self.bring_forward)
        return True

    def _adopt_store(self, store: Store) -> None:
        if not self._claim(store):
            store.close()
            self.show_problem(
                self.tr("Already open"),
                self.tr(
                    "{where} is open in another Feedback Desk window; that window was brought "
                    "forward."
                ).format(where=store.location),
                icon=QMessageBox.Icon.Information,
            )
            return
        old = self.context
        for feature in self.features:
            feature.detach()
        self.context = self._new_context(store)
        self._build_tabs()
        old.close()
        old.deleteLater()
        preferences.remember_store(store.location)
        self._update_title()
        where = store.location
        self.status.show_message(lambda: self.tr("Opened {where}").format(where=where))
        self.store_switched.emit()
        self.refresh()

    def _store_failed(self, location: str, exc: BaseException) -> None:
        self.show_problem(
            self.tr("Cannot open the store"),
            self.tr("{where} could not be opened: {why}").format(
                where=location, why=describe_error(exc)
            ),
        )

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = preferences.recent_stores()
        if not recent:
            empty = self.recent_menu.addAction(self.tr("No recent stores"))
            empty.setEnabled(False)
            return
        for location in recent:
            action = self.recent_menu.addAction(location)
            action.triggered.connect(lambda _c=False, where=location: self.open_recent(where))

    def open_recent(self, location: str) -> None:
        if "://" not in location and not Path(location).exists():
            preferences.forget_store(location)
            self.show_problem(
                self.tr("Store not found"),
                self.tr("{where} no longer exists; it was removed from the recent stores.").format(
                    where=location
                ),
            )
            return
        self.open_store(location)

    # Other features' entry points ---------------------------------------------------------
    def open_import_dialog(self) -> QWidget:
        """File → Import…: the import dialog; the tabs refresh after each import."""
        from feedback_desk.ui.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(lambda _report: self.refresh())
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def open_export_dialog(self) -> QDialog:
        """File → Export…: the period's workbook or CSV, written on a worker thread."""
        from feedback_desk.ui.dialogs.export_dialog import ExportDialog

        dialog = ExportDialog(self.context.today(), Path.home(), self)
        dialog.export_requested.connect(self.export)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def export(self, first: date, last: date, path: Path) -> Task:
        from feedback_desk.services.export import export_period
        from feedback_desk.services.reports import ReportScope
        from feedback_desk.services.settings import load_settings

        store = self.context.store

        def work(_progress: Progress) -> object:
            with store.read() as session:
                # The workbook is in the studio's language, read here on the worker.
                settings = load_settings(session)
                return export_period(
                    session, settings, ReportScope(first, last), path, language=settings.language
                )

        return self.run_task(
            work,
            label=lambda: self.tr("Exporting {name}…").format(name=path.name),
            on_done=lambda _summary: self.status.show_message(
                lambda: self.tr("Exported {path}").format(path=path)
            ),
            cancellable=False,
        )

    def export_testimonials(self, path: Path | None = None) -> Task | None:
        """File → Export testimonials…: the page of approved testimonials (HTML, or JSON)."""
        from feedback_desk.ui.testimonials.export_action import choose_path, export_work

        chosen = path or choose_path(self)
        if chosen is None:
            return None
        return self.run_task(
            export_work(self.context, chosen),
            label=lambda: self.tr("Exporting {name}…").format(name=chosen.name),
            on_done=lambda _exported: self.status.show_message(
                lambda: self.tr("Exported {path}").format(path=chosen)
            ),
            cancellable=False,
        )

    def open_kiosk(self) -> KioskWindow:
        """Tools → Kiosk mode: the client-facing window, full screen; this window steps aside
        until staff leave the kiosk with the PIN."""
        from feedback_desk.ui.kiosk import open_kiosk

        return open_kiosk(self)

    def open_settings(self, page: str | None = None) -> QWidget:
        """Tools → Settings… (on *page*'s page, e.g. "google" from the Google tab)."""
        from feedback_desk.ui.settings.dialog import SettingsDialog

        dialog = SettingsDialog(self.context, self)
        dialog.saved.connect(self._settings_saved)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if page is not None:
            dialog.show_page(page)
        self.settings_dialog = dialog
        self.settings_opened.emit(dialog)
        dialog.open()
        return dialog

    def _settings_saved(self, keys: list[str]) -> None:
        self.status.show_message(lambda: self.tr("Settings saved."))
        if keys:
            self.refresh()

    def show_about(self) -> None:
        from feedback_desk.ui.dialogs.about import AboutDialog

        self.about_dialog = AboutDialog(self.context.store.location, self)
        self.about_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.about_dialog.open()

    def show_problem(
        self, title: str, text: str, *, icon: QMessageBox.Icon = QMessageBox.Icon.Warning
    ) -> QMessageBox:
        """A window-modal message that does not block the event loop (text shown as plain)."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_box = box
        box.open()
        return box

    # Window state -------------------------------------------------------------------------
    def _restore_window_state(self) -> None:
        settings = preferences.app_settings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(self.DEFAULT_SIZE)
        state = settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def _last_tab(self) -> str | None:
        last = preferences.app_settings().value("window/lastTab")
        return last if isinstance(last, str) and last in {s.key for s in self.tab_specs} else None

    def save_window_state(self) -> None:
        settings = preferences.app_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        key = self.current_tab_key()
        if key:
            settings.setValue("window/lastTab", key)
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop everything that runs for the store, join every thread, then close it."""
        self.closing = True
        if self.remember_state:
            self.save_window_state()
        if self.kiosk is not None:
            self.kiosk.shutdown()
        for feature in self.features:
            feature.shutdown()
        self._first_screen_timer.stop()
        self.tasks.shutdown()
        self.context.close()
        self.charts.stop()
        if self.instance is not None:
            self.instance.release()
        super().closeEvent(event)
