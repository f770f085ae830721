"""How the window names testimonial states, parts and places, and describes one testimonial
(plain text: client words are never interpreted)."""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from feedback_desk.domain.testimonials import (
    Approval,
    ConsentPart,
    Place,
    RefusalReason,
    TestimonialStatus,
)
from feedback_desk.services.testimonials.listing import ConsentEntry, TestimonialRow
from feedback_desk.ui.formatting import format_instant


def status_name(status: TestimonialStatus) -> str:
    return {
        TestimonialStatus.INVITED: QCoreApplication.translate("Testimonials", "Invited"),
        TestimonialStatus.ACCEPTED: QCoreApplication.translate("Testimonials", "Accepted"),
        TestimonialStatus.REFUSED: QCoreApplication.translate("Testimonials", "Declined"),
        TestimonialStatus.EXPIRED: QCoreApplication.translate("Testimonials", "Expired"),
        TestimonialStatus.WITHDRAWN: QCoreApplication.translate("Testimonials", "Withdrawn"),
    }[status]


def approval_name(row: TestimonialRow) -> str:
    if row.status is not TestimonialStatus.ACCEPTED:
        return "—"
    return {
        Approval.PENDING: QCoreApplication.translate("Testimonials", "To review"),
        Approval.APPROVED: QCoreApplication.translate("Testimonials", "Published"),
        Approval.HIDDEN: QCoreApplication.translate("Testimonials", "Hidden"),
    }[row.approval]


def part_name(part: ConsentPart) -> str:
    return {
        ConsentPart.NAME: QCoreApplication.translate("Testimonials", "name"),
        ConsentPart.PHOTO: QCoreApplication.translate("Testimonials", "photo"),
        ConsentPart.JOB_TITLE: QCoreApplication.translate("Testimonials", "job title"),
    }[part]


def consents_text(parts: frozenset[ConsentPart]) -> str:
    return ", ".join(part_name(p) for p in ConsentPart if p in parts) or QCoreApplication.translate(
        "Testimonials", "nothing"
    )


def reason_name(reason: RefusalReason) -> str:
    return {
        RefusalReason.NOT_SATISFIED: QCoreApplication.translate(
            "Testimonials", "Not satisfied enough"
        ),
        RefusalReason.NOT_PUBLIC: QCoreApplication.translate(
            "Testimonials", "Does not want it public"
        ),
        RefusalReason.OTHER: QCoreApplication.translate("Testimonials", "Another reason"),
    }[reason]


def place_name(place: Place) -> str:
    return {
        Place.CLIENT_PAGE: QCoreApplication.translate("Testimonials", "client page"),
        Place.KIOSK: QCoreApplication.translate("Testimonials", "kiosk"),
        Place.WEB_KIOSK: QCoreApplication.translate("Testimonials", "tablet kiosk"),
        Place.CLI: QCoreApplication.translate("Testimonials", "command line"),
        Place.STAFF: QCoreApplication.translate("Testimonials", "staff, on the client's request"),
    }[place]


def describe(
    row: TestimonialRow, history: Sequence[ConsentEntry], tz: ZoneInfo, language: str
) -> str:
    """Everything about one invitation and its answer, for staff."""
    lines = [
        f"{row.name} ({row.client}) — {status_name(row.status)}",
        QCoreApplication.translate("Testimonials", "Invited {when} by {who}").format(
            when=format_instant(row.invited_at, tz), who=row.invited_by
        ),
    ]
    if row.answered_at is not None and row.answered_where is not None:
        lines.append(
            QCoreApplication.translate("Testimonials", "Answered {when} ({where})").format(
                when=format_instant(row.answered_at, tz), where=place_name(row.answered_where)
            )
        )
    if row.refusal_reason is not None:
        lines += [
            "",
            QCoreApplication.translate("Testimonials", "Reason: {reason}").format(
                reason=reason_name(row.refusal_reason)
            ),
        ]
        if row.refusal_text:
            lines.append(row.refusal_text)
    qualities = row.qualities(language)
    if qualities:
        lines += [
            "",
            QCoreApplication.translate("Testimonials", "Qualities: {list}").format(
                list=", ".join(qualities)
            ),
        ]
    for asked, text in ((row.question_1, row.text_1), (row.question_2, row.text_2)):
        if text:
            lines += ["", asked or "", text]
    if row.status in (TestimonialStatus.ACCEPTED, TestimonialStatus.WITHDRAWN):
        lines += [
            "",
            QCoreApplication.translate("Testimonials", "Name shown as: {name}").format(
                name=row.display_name
            ),
            QCoreApplication.translate("Testimonials", "Job title: {title}").format(
                title=row.job_title or "—"
            ),
            QCoreApplication.translate("Testimonials", "Photo: {photo}").format(
                photo=QCoreApplication.translate("Testimonials", "yes")
                if row.has_photo
                else QCoreApplication.translate("Testimonials", "no")
            ),
            QCoreApplication.translate("Testimonials", "May be shown: {parts}").format(
                parts=consents_text(row.consents)
            ),
        ]
    if history:
        lines += ["", QCoreApplication.translate("Testimonials", "Consent history:")]
        for entry in history:
            what = (
                QCoreApplication.translate("Testimonials", "given")
                if entry.given
                else QCoreApplication.translate("Testimonials", "withdrawn")
            )
            lines.append(
                f"  {format_instant(entry.at, tz)}  {part_name(entry.part)}: {what} "
                f"({place_name(entry.place)}, {entry.actor})"
            )
    return "\n".join(lines)
