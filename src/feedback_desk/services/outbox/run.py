"""One run of the outbox, as ``send-outbox`` and the window's background sender do it:
queue the Google invitations and the email review requests that are due, then send every message
whose time has come."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from feedback_desk.clock import Clock
from feedback_desk.services.alerts import alert_warnings
from feedback_desk.services.email.config import EmailNotConfigured
from feedback_desk.services.email.smtp import SmtpTransport
from feedback_desk.services.invitations import invitations_active, queue_due_invitations
from feedback_desk.services.liveness import require_live
from feedback_desk.services.outbox.claims import LEASE_SECONDS
from feedback_desk.services.outbox.pacing import Pacing
from feedback_desk.services.outbox.sender import SendReport, send_due
from feedback_desk.services.outbox.staff import OutboxCounts, counts
from feedback_desk.services.progress import Progress
from feedback_desk.services.requests.planning import requests_active
from feedback_desk.services.requests.queueing import queue_due_requests
from feedback_desk.services.secrets import SecretStoreUnavailable
from feedback_desk.services.settings import load_settings
from feedback_desk.store.database import Store
from feedback_desk.wording import Wording

log = logging.getLogger(__name__)


@dataclass
class OutboxRun:
    invitations_queued: int = 0
    invitations_skipped: list[Wording] = field(default_factory=list)
    requests_queued: int = 0
    requests_skipped: list[Wording] = field(default_factory=list)
    send: SendReport = field(default_factory=SendReport)
    warnings: list[str] = field(default_factory=list)
    # Why sending could not even be tried (no server or sender set, no keyring).
    not_configured: str | None = None
    counts: OutboxCounts = field(default_factory=OutboxCounts)

    @property
    def reached_no_server(self) -> bool:
        return self.not_configured is not None or self.send.unreachable is not None

    @property
    def exit_code(self) -> int:
        """0 when the run completed (failures are recorded), 1 when no server could be reached."""
        return 1 if self.reached_no_server else 0

    def summary_lines(self) -> list[str]:
        send = self.send
        lines = [
            f"invitations queued: {self.invitations_queued}",
            f"review requests queued: {self.requests_queued}",
            f"sent: {send.sent}, to retry later: {send.retry_later}, failed: {send.failed}, "
            f"uncertain: {send.uncertain}, cancelled: {send.cancelled}",
        ]
        if send.dead_claims:
            lines.append(
                f"{send.dead_claims} message(s) left half-sent by a stopped sender are now "
                "uncertain: check them in the Outbox and resolve them"
            )
        lines.append(
            f"outbox: {self.counts.queued} queued, {self.counts.failed} failed, "
            f"{self.counts.uncertain} uncertain"
        )
        return lines

    def problem_lines(self) -> list[str]:
        lines = [f"warning: {w}" for w in self.warnings]
        lines += [f"invitation not queued: {s}" for s in self.invitations_skipped]
        lines += [f"review request not queued: {s}" for s in self.requests_skipped]
        return lines + self.failure_lines()

    def failure_lines(self) -> list[str]:
        lines = [f"not sent: {e}" for e in self.send.errors]
        if self.not_configured:
            lines.append(f"error: {self.not_configured}")
        elif self.send.unreachable:
            lines.append(f"error: {self.send.unreachable}; the messages stay queued")
        return lines


def run_outbox(
    store: Store,
    *,
    clock: Clock,
    transport: SmtpTransport,
    actor: str,
    pacing: Pacing | None = None,
    progress: Progress | None = None,
    wall: Callable[[], float] = time.time,
    lease: float = LEASE_SECONDS,
) -> OutboxRun:
    # A copy of the store (a backup, a test copy) never emails as the studio.
    require_live(store)
    run = OutboxRun()
    now = clock.now()
    with store.write() as session:
        settings = load_settings(session)
        run.warnings += alert_warnings(settings)
        if invitations_active(settings):
            if settings.text("smtp.sender").strip():
                queued = queue_due_invitations(session, settings, now, actor=actor)
                run.invitations_queued = queued.queued
                run.invitations_skipped = queued.skipped
            else:
                run.warnings.append(
                    "Google invitations are not queued until a sender address (smtp.sender) is "
                    "set: each one carries it as its unsubscribe address"
                )
        if requests_active(settings):
            if settings.text("smtp.sender").strip():
                requests = queue_due_requests(session, settings, now, actor=actor)
                run.requests_queued = requests.queued
                run.requests_skipped = requests.skipped
            else:
                run.warnings.append(
                    "review requests are not queued until a sender address (smtp.sender) is "
                    "set: it signs them and receives their answers"
                )
    try:
        run.send = send_due(
            store,
            clock=clock,
            transport=transport,
            pacing=pacing,
            progress=progress,
            wall=wall,
            lease=lease,
        )
    except (EmailNotConfigured, SecretStoreUnavailable) as exc:
        run.not_configured = str(exc)
    with store.read() as session:
        run.counts = counts(session)
    # A scheduled run's output may go nowhere: its failures stay in the log.
    for line in run.failure_lines():
        log.warning("outbox: %s", line)
    return run
