"""What a whole-file check would do, and what an import did, in the interface language."""

from __future__ import annotations

from PySide6.QtCore import QObject

from feedback_desk.services.importing import FileReport, ImportPreview, ImportReport
from feedback_desk.ui.dialogs.import_problems import ProblemTexts


class ImportSummary(QObject):
    def __init__(self, texts: ProblemTexts, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._texts = texts

    def preview(self, whole: ImportPreview) -> str:
        """The whole file checked: its rows, and what importing it would change."""
        lines = [self.tr("Rows in the file: {count}.").format(count=whole.row_count)]
        if whole.can_import:
            lines.append(
                self.tr(
                    "Importing would create {created}, update {updated} and leave {unchanged} "
                    "unchanged."
                ).format(
                    created=whole.would_create,
                    updated=whole.would_update,
                    unchanged=whole.unchanged,
                )
            )
            lines += self._news(
                whole.sessions_created, whole.new_coaches, whole.new_classes, whole.new_aspects
            )
        return " ".join(lines)

    def report(self, report: ImportReport) -> str:
        return "\n".join(self.file(file) for file in report.files)

    def file(self, file: FileReport) -> str:
        text = self.tr(
            "Imported {file}: {created} created, {updated} updated, {unchanged} unchanged."
        ).format(
            file=file.source, created=file.created, updated=file.updated, unchanged=file.unchanged
        )
        if file.encoding_guessed:
            text += " " + self.tr("(Not UTF-8: read as {encoding}.)").format(encoding=file.encoding)
        news = self._news(
            file.sessions_created, file.new_coaches, file.new_classes, file.new_aspects
        )
        warnings = [self._texts.line(w) for w in file.warning_issues]
        return "\n".join([text, *news, *warnings])

    def _news(
        self,
        sessions: int,
        coaches: tuple[str, ...],
        classes: tuple[str, ...],
        aspects: tuple[str, ...],
    ) -> list[str]:
        lines = []
        if sessions:
            lines.append(self.tr("New sessions: {count}.").format(count=sessions))
        if coaches:
            lines.append(self.tr("New coaches: {names}.").format(names=", ".join(coaches)))
        if classes:
            lines.append(self.tr("New classes: {names}.").format(names=", ".join(classes)))
        if aspects:
            lines.append(
                self.tr("New aspects awaiting a manager's approval: {names}.").format(
                    names=", ".join(aspects)
                )
            )
        return lines
