"""What staff do to testimonials from the tab and the client card alike: invite, and withdraw
a client's consent when they ask (confirmed first, written on a worker)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from feedback_desk.ui.context import StoreTasks, WindowContext
from feedback_desk.ui.testimonials.invite_dialog import InviteDialog
from feedback_desk.workers.tasks import Task


def ask(parent: QWidget, question: str) -> bool:
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("TestimonialStaff", "Withdraw consent"), question
    )
    return answer == QMessageBox.StandardButton.Yes


def withdraw_question(name: str) -> str:
    return QCoreApplication.translate(
        "TestimonialStaff",
        "Withdraw {name}'s consent? Their testimonial is no longer shown, their photo is deleted, "
        "and this cannot be undone.",
    ).format(name=name)


def withdrawn_message() -> str:
    return QCoreApplication.translate(
        "TestimonialStaff", "Consent withdrawn: the testimonial is no longer shown."
    )


def withdraw_on_request(
    context: WindowContext,
    tasks: StoreTasks,
    testimonial_id: int,
    *,
    on_done: Callable[[object], None],
    on_error: Callable[[BaseException], None],
) -> Task:
    """Withdraw every consent of the testimonial, as staff on the client's request."""
    from feedback_desk.domain.testimonials import Place
    from feedback_desk.services.audit import default_actor
    from feedback_desk.services.testimonials.staff import withdraw

    at, actor = context.clock.now(), default_actor()
    return tasks.write(
        QCoreApplication.translate("TestimonialStaff", "the withdrawal"),
        lambda session: withdraw(session, testimonial_id, at=at, place=Place.STAFF, actor=actor),
        on_done,
        on_error,
    )


def open_invite_dialog(
    context: WindowContext,
    parent: QWidget,
    on_invited: Callable[[int], None],
    client_ids: Sequence[int] = (),
) -> InviteDialog:
    dialog = InviteDialog(context, parent, client_ids=client_ids)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.invited.connect(on_invited)
    dialog.open()
    return dialog
