"""Outbox kinds and states in words, in the interface language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from feedback_desk.domain.kinds import MessageKind, OutboxState

translate = QCoreApplication.translate  # lupdate reads each call's literal context


def kind_name(kind: MessageKind) -> str:
    names = {
        MessageKind.INVITATION: translate("Outbox", "Google invitation"),
        MessageKind.ALERT: translate("Outbox", "Alert"),
        MessageKind.REPLY: translate("Outbox", "Reply"),
        MessageKind.FOLLOW_UP: translate("Outbox", "Follow-up"),
        MessageKind.OUTREACH: translate("Outbox", "Outreach"),
        MessageKind.THANKS: translate("Outbox", "Thanks"),
        MessageKind.TEST: translate("Outbox", "Test"),
        MessageKind.REVIEW_REQUEST: translate("Outbox", "Review request"),
    }
    return names.get(kind, kind.value)


def state_name(state: OutboxState) -> str:
    names = {
        OutboxState.QUEUED: translate("Outbox", "Waiting"),
        OutboxState.SENDING: translate("Outbox", "Sending"),
        OutboxState.SENT: translate("Outbox", "Sent"),
        OutboxState.FAILED: translate("Outbox", "Failed"),
        OutboxState.UNCERTAIN: translate("Outbox", "Uncertain"),
        OutboxState.CANCELLED: translate("Outbox", "Cancelled"),
    }
    return names.get(state, state.value)
