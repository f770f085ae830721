"""One pass over the studio's mailbox (``fetch-inbox``, and the window's periodic fetch).

1. Log in, open ``imap.folder``, make sure ``imap.processed_folder`` exists (before anything is
   recorded: a folder that cannot be created stops the pass with nothing done).
2. List the messages after the folder's cursor (the highest UID a pass finished with, for the
   folder's UID validity); with no cursor, those that arrived since the day before the studio
   first sent an email (nothing earlier can answer one).
3. Read their headers only (``BODY.PEEK``: no flag changes) and recognize ours.
4. For each of ours, in UID order: read it whole (a few at a time), record what it produces and
   that it was processed in one transaction; then move the page's processed messages to the
   processed folder together. A message already recorded (a pass that died between the commit
   and the move) is only moved.
5. Move the cursor past every message looked at, except one that must be tried again.

A pass that dies anywhere leaves each message either fully recorded or not at all; the next
pass carries on. A problem with one message (it cannot be read or moved) is one sentence in the
summary and that message is tried again next time; a broken connection ends the pass.

The window runs :func:`fetch_inbox` on a worker thread with a Progress that reports and cancels;
cancelling stops between two messages.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from feedback_desk.clock import Clock
from feedback_desk.domain.kinds import OutboxState
from feedback_desk.domain.localtime import local_day
from feedback_desk.services.inbox.config import imap_config
from feedback_desk.services.inbox.imap import (
    FolderState,
    MailboxConnection,
    MailboxTransport,
    MessageHead,
)
from feedback_desk.services.inbox.processing import Place, Produced, message_key, process_mail
from feedback_desk.services.inbox.reading import MailHead, read_head, read_mail
from feedback_desk.services.inbox.recognizing import Target, recognize
from feedback_desk.services.progress import Cancelled, NullProgress, Progress, check_cancelled
from feedback_desk.services.secrets import store_identity
from feedback_desk.services.settings import Settings, load_settings
from feedback_desk.store.database import Store
from feedback_desk.store.models import InboxCursor, OutboxMessage, ProcessedMail
from feedback_desk.store.queries.instants import aware_utc

PAGE = 200
# Whole messages are fetched a few at a time, at most this many bytes together.
BODY_BATCH_BYTES = 8 * 1024 * 1024


@dataclass
class FetchSummary:
    messages: int = 0
    reviews: int = 0
    inbound: int = 0
    left_alone: int = 0
    # One sentence per message that could not be processed (tried again next time).
    problems: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "messages": self.messages,
            "reviews": self.reviews,
            "inbound": self.inbound,
            "left_alone": self.left_alone,
        }

    def summary_line(self) -> str:
        return (
            f"messages processed: {self.messages} (reviews: {self.reviews}, "
            f"inbound: {self.inbound}); other mail left alone: {self.left_alone}"
        )


def _first_sent_day(session: Session, settings: Settings) -> date | None:
    first = aware_utc(
        session.scalar(
            select(func.min(OutboxMessage.sent_at)).where(OutboxMessage.state == OutboxState.SENT)
        )
    )
    return local_day(first, settings.timezone) - timedelta(days=1) if first else None


def _cursor(session: Session, folder: str) -> InboxCursor | None:
    return session.get(InboxCursor, folder)


def _save_cursor(
    store: Store, folder: str, state: FolderState, last_uid: int, at: datetime
) -> None:
    with store.write() as session:
        cursor = _cursor(session, folder)
        if cursor is None:
            session.add(
                InboxCursor(
                    folder=folder, uidvalidity=state.uidvalidity, last_uid=last_uid, updated_at=at
                )
            )
            return
        if cursor.uidvalidity == state.uidvalidity and cursor.last_uid >= last_uid:
            return
        cursor.uidvalidity = state.uidvalidity
        cursor.last_uid = last_uid
        cursor.updated_at = at


def _uids_to_look_at(
    store: Store, settings: Settings, connection: MailboxConnection, folder: str, state: FolderState
) -> list[int]:
    with store.read() as session:
        cursor = _cursor(session, folder)
        if cursor is not None and cursor.uidvalidity == state.uidvalidity:
            return connection.uids_after(cursor.last_uid)
        since = _first_sent_day(session, settings)
    return connection.uids_since(since) if since is not None else []


@dataclass
class _Pass:
    store: Store
    settings: Settings
    connection: MailboxConnection
    folder: str
    processed_folder: str
    state: FolderState
    at: datetime
    summary: FetchSummary
    retry: list[int] = field(default_factory=list)

    def place(self, uid: int) -> Place:
        return Place(self.folder, self.state.uidvalidity, uid)

    def processed(self, heads: dict[int, MailHead]) -> set[int]:
        """The UIDs among *heads* already recorded (a pass died before moving them)."""
        keys = {message_key(head.message_id, self.place(uid)): uid for uid, head in heads.items()}
        if not keys:
            return set()
        with self.store.read() as session:
            found = session.scalars(
                select(ProcessedMail.message_key).where(ProcessedMail.message_key.in_(list(keys)))
            )
            return {keys[key] for key in found}

    def record(self, uid: int, raw: bytes, target: Target) -> Produced:
        mail = read_mail(raw)
        try:
            with self.store.write() as session:
                return process_mail(
                    session, self.settings, mail, target, self.place(uid), at=self.at
                )
        except IntegrityError:
            # Another reader recorded this very message first: only the move is left.
            return Produced()

    def count(self, produced: Produced) -> None:
        if produced == Produced():
            return
        self.summary.messages += 1
        self.summary.reviews += produced.review_id is not None
        self.summary.inbound += produced.inbound_id is not None


def fetch_inbox(
    store: Store,
    *,
    transport: MailboxTransport,
    clock: Clock,
    progress: Progress | None = None,
) -> FetchSummary:
    """One pass (see the module's docstring). Raises InboxNotConfigured,
    SecretStoreUnavailable or MailboxUnavailable (one sentence each) with nothing recorded by
    this pass beyond the messages finished before the failure; Cancelled when cancelled."""
    progress = progress or NullProgress()
    at = clock.now()
    with store.write() as session:
        settings = load_settings(session)
        config = imap_config(settings, store_identity(session))
    progress.report(0, None, "connecting to the mailbox")
    connection = transport.connect(config)
    try:
        state = connection.open_folder(config.folder)
        connection.ensure_folder(config.processed_folder)
        uids = _uids_to_look_at(store, settings, connection, config.folder, state)
        run = _Pass(
            store,
            settings,
            connection,
            config.folder,
            config.processed_folder,
            state,
            at,
            FetchSummary(),
        )
        for start in range(0, len(uids), PAGE):
            check_cancelled(progress)
            progress.report(start, len(uids), "reading the mailbox")
            _one_page(run, uids[start : start + PAGE], progress)
        progress.report(len(uids), len(uids), "done")
        # Everything looked at may be skipped next time, except what must be tried again.
        last = min(run.retry) - 1 if run.retry else max(uids, default=max(state.uidnext - 1, 0))
        _save_cursor(store, config.folder, state, last, at)
        return run.summary
    finally:
        connection.close()


def _batches(heads: list[MessageHead]) -> Iterator[list[int]]:
    """UIDs in groups of at most BODY_BATCH_BYTES (a 10 MB attachment travels alone)."""
    batch: list[int] = []
    size = 0
    for head in heads:
        if batch and size + head.size > BODY_BATCH_BYTES:
            yield batch
            batch, size = [], 0
        batch.append(head.uid)
        size += head.size
    if batch:
        yield batch


def _one_page(run: _Pass, uids: list[int], progress: Progress) -> None:
    """Recognize a page of messages, record ours one transaction each, then move them."""
    heads = run.connection.heads(uids)
    parsed = {head.uid: read_head(head.header) for head in heads}
    with run.store.read() as session:
        targets = recognize(session, parsed)
    run.summary.left_alone += len(heads) - len(targets)
    ours = [head for head in heads if head.uid in targets]
    done = run.processed({head.uid: parsed[head.uid] for head in ours})
    to_move = sorted(done)
    try:
        for batch in _batches([head for head in ours if head.uid not in done]):
            bodies = run.connection.messages(batch)
            for uid in batch:
                check_cancelled(progress)
                if uid not in bodies:
                    continue  # moved away meanwhile (another reader): nothing left to do
                try:
                    run.count(run.record(uid, bodies[uid], targets[uid]))
                except (ValueError, LookupError, UnicodeError) as exc:
                    run.retry.append(uid)
                    run.summary.problems.append(
                        f"message {uid} ({parsed[uid].subject!r}) could not be read: {exc}; "
                        "it stays in the mailbox and is tried again next time"
                    )
                    continue
                to_move.append(uid)
    except Cancelled:
        run.connection.move(sorted(to_move), run.processed_folder)
        raise
    run.connection.move(sorted(to_move), run.processed_folder)
