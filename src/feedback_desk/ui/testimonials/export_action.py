"""File → Export testimonials… (and the tab's Export button): the studio's page of approved
testimonials, with only what each client consented to show, as HTML (or JSON)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from feedback_desk.services.progress import Progress
from feedback_desk.services.testimonials.export import Exported
from feedback_desk.ui.context import WindowContext


def choose_path(parent: QWidget) -> Path | None:
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("TestimonialsExport", "Export testimonials"),
        str(Path.home() / "testimonials.html"),
        QCoreApplication.translate("TestimonialsExport", "Web page (*.html);;JSON (*.json)"),
    )
    return Path(path) if path else None


def export_work(context: WindowContext, path: Path) -> Callable[[Progress], Exported]:
    """The export as work for a worker thread (it opens its own read session)."""
    store, clock = context.store, context.clock

    def work(_progress: Progress) -> Exported:
        from feedback_desk.services.settings import load_settings
        from feedback_desk.services.testimonials.export import export_testimonials

        with store.read() as session:
            return export_testimonials(session, load_settings(session), path, at=clock.now())

    return work
