"""What the Overview and the review tabs show beside the star figures, never mixed with them: the
0-10 recommendation answers ("Net Promoter Score (0-10)") and the response rate of each channel
that asked (kiosk, email, web, command line), the counts on hover."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QLabel, QWidget

from feedback_desk.services.reports.figures import ChannelFigures, RecommendTally
from feedback_desk.ui.formatting import channel_name, format_nps, format_rate

# The order channels are listed in; any other after them, by name.
CHANNEL_ORDER = ("kiosk", "email", "web", "cli", "staff", "import")


def recommend_details(tally: RecommendTally) -> str:
    """ "3 promoters (9-10), 1 passive… of 5 answers"; the segments are the 0-10 answer's."""
    return QCoreApplication.translate(
        "Figures",
        "{p} promoters (9-10), {n} passives (7-8), {d} detractors (0-6), of {r} answers to "
        "the 0-10 question",
    ).format(p=tally.promoters, n=tally.passives, d=tally.detractors, r=tally.responses)


def recommend_line(tally: RecommendTally) -> str:
    text = QCoreApplication.translate("Figures", "Net Promoter Score (0-10): {nps} ({details})")
    return text.format(nps=format_nps(tally.nps), details=recommend_details(tally))


def _ordered(figures: Sequence[ChannelFigures]) -> list[ChannelFigures]:
    def rank(row: ChannelFigures) -> tuple[int, str]:
        known = row.channel in CHANNEL_ORDER
        return (CHANNEL_ORDER.index(row.channel) if known else len(CHANNEL_ORDER), row.channel)

    return sorted(figures, key=rank)


class ChannelRates(QLabel):
    """One line, "Response rate by channel: Kiosk 45.0 % · Email 30.0 %", counts on hover."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setStyleSheet("color: #333333;")
        self.figures: list[ChannelFigures] = []

    def show_channels(self, figures: Sequence[ChannelFigures], caption: str) -> None:
        self.figures = _ordered(figures)
        if not self.figures:
            self.setText(
                QCoreApplication.translate("Figures", "{caption}: no prompt shown").format(
                    caption=caption
                )
            )
            self.setToolTip("")
            return
        rates = " · ".join(
            f"{channel_name(row.channel)} {format_rate(row.response_rate)}" for row in self.figures
        )
        self.setText(
            QCoreApplication.translate("Figures", "{caption}: {rates}").format(
                caption=caption, rates=rates
            )
        )
        locale = QLocale()
        self.setToolTip(
            "\n".join(
                QCoreApplication.translate(
                    "Figures", "{channel}: {answered} answered of {shown} prompts shown"
                ).format(
                    channel=channel_name(row.channel),
                    answered=locale.toString(row.prompts_answered),
                    shown=locale.toString(row.prompts_shown),
                )
                for row in self.figures
            )
        )
