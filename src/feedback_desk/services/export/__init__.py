"""Exports of a period: the three-sheet XLSX workbook, or a CSV file with one row a review.

Nothing but the studio's review data goes out: no setting, no secret.
"""

from feedback_desk.services.export.writer import ExportSummary, export_period

__all__ = ["ExportSummary", "export_period"]
