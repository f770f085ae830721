"""Writing the demo studio to a file: built aside, then moved into place in one step."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from feedback_desk.errors import FeedbackDeskError
from feedback_desk.services.demo.builder import DemoData, DemoOptions, generate
from feedback_desk.services.demo.scenarios import Role
from feedback_desk.services.demo.studio_plan import COACHES, DROPPING_COACH, STUDIO_NAME
from feedback_desk.services.demo.writer import write_store
from feedback_desk.services.progress import NullProgress, Progress, check_cancelled
from feedback_desk.store.database import open_store

_SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")
_STEPS = 9


@dataclass(frozen=True)
class DemoSummary:
    path: Path
    studio: str
    clients: int
    coaches: int
    sessions: int
    prompts: int
    reviews: int
    open_actions: int
    google_reviews: int
    invitations_sent: int
    dropping_clients: list[str]
    dropping_coach: str
    invitations_due: list[str]
    non_respondents: list[str]
    prompts_due: list[str]

    def lines(self) -> list[str]:
        return [
            f"Wrote the demo studio {self.studio!r} to {self.path}",
            f"  {self.clients} clients, {self.coaches} coaches, {self.sessions} sessions, "
            f"{self.prompts} prompts, {self.reviews} reviews, {self.open_actions} open actions, "
            f"{self.google_reviews} Google reviews, {self.invitations_sent} invitations sent",
            f"  satisfaction dropping: clients {', '.join(self.dropping_clients) or '-'}; "
            f"coach {self.dropping_coach}",
            f"  Google invitations due at 10:00: {', '.join(self.invitations_due) or '-'}",
            f"  non-respondents: {', '.join(self.non_respondents) or '-'}",
            f"  prompt due today: {', '.join(self.prompts_due) or '-'}",
        ]


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _remove_with_side_files(path: Path) -> None:
    _remove(path)
    for suffix in _SQLITE_SIDE_FILES:
        _remove(path.with_name(path.name + suffix))


def summarize(data: DemoData, path: Path) -> DemoSummary:
    external = {c.id: c.external_id for c in data.world.clients}

    def cast(role: Role) -> list[str]:
        return [external[i] for i in sorted(data.cast.with_role(role))]

    coach = next(c for c in COACHES if c.external_id == DROPPING_COACH)
    return DemoSummary(
        path=path,
        studio=STUDIO_NAME,
        clients=len(data.world.clients),
        coaches=len(COACHES),
        sessions=len(data.world.sessions),
        prompts=len(data.prompts),
        reviews=len(data.reviews),
        open_actions=sum(1 for a in data.actions if a.closed_at is None),
        google_reviews=len(data.google_reviews),
        invitations_sent=sum(1 for i in data.invitations if i.message.sent_at is not None),
        dropping_clients=cast(Role.DROPPING),
        dropping_coach=f"{coach.external_id} ({coach.first_name} {coach.last_name})",
        invitations_due=cast(Role.INVITATION_DUE),
        non_respondents=cast(Role.NON_RESPONDENT),
        prompts_due=cast(Role.PROMPT_DUE),
    )


def write_demo(
    path: str | Path, options: DemoOptions, progress: Progress | None = None
) -> DemoSummary:
    """Generate the demo studio and put it at *path*, replacing what was there.

    The store is built in a temporary file beside *path* and moved over it only when complete,
    so a crash or a cancel never leaves half a demo (nor a stale SQLite journal) behind.
    """
    watcher = progress or NullProgress()
    target = Path(path).expanduser().resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    building = target.with_name(f".{target.name}.{os.getpid()}.building")
    _remove_with_side_files(building)
    step = 0

    def report(message: str) -> None:
        nonlocal step
        check_cancelled(watcher)
        step += 1
        watcher.report(min(step, _STEPS - 1), _STEPS, message)

    try:
        data = generate(options, report)
        store = open_store(building)
        try:
            write_store(store, data, report)
        finally:
            store.close()
        check_cancelled(watcher)
        for suffix in _SQLITE_SIDE_FILES:
            _remove(building.with_name(building.name + suffix))
            _remove(target.with_name(target.name + suffix))
        try:
            os.replace(building, target)
        except OSError as exc:
            # Windows refuses to replace a file another program (a window) has open.
            raise FeedbackDeskError(f"cannot replace {target}: {exc.strerror or exc}") from exc
    except BaseException:
        _remove_with_side_files(building)
        raise
    watcher.report(_STEPS, _STEPS, "Done")
    return summarize(data, target)
