"""Writing the demo studio to a file: built aside, then moved into place in one step."""

from __future__ import annotations

import contextlib
import glob
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from feedback_desk.domain.localtime import zone
from feedback_desk.domain.settings_schema import definition
from feedback_desk.errors import FeedbackDeskError
from feedback_desk.files import make_private_dirs
from feedback_desk.services.demo.builder import DemoData, DemoOptions, generate
from feedback_desk.services.demo.story import Story, read_story
from feedback_desk.services.demo.studio_plan import COACHES, STUDIO_NAME
from feedback_desk.services.demo.writer import write_store
from feedback_desk.services.processes import is_gone, this_process
from feedback_desk.services.progress import NullProgress, Progress, check_cancelled
from feedback_desk.store.database import open_store
from feedback_desk.wording import Wording

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
    google_reviews: int
    story: Story

    @property
    def at(self) -> datetime:
        return self.story.at

    @property
    def invitations_due(self) -> list[str]:
        return self.story.invitations_due

    @property
    def non_respondents(self) -> list[str]:
        return self.story.non_respondents

    @property
    def prompts_due(self) -> list[str]:
        return [p.client for p in self.story.prompts_due]

    @property
    def dropping_clients(self) -> list[str]:
        return self.story.dropping_clients

    def lines(self) -> list[str]:
        story = self.story
        local = story.at.astimezone(zone(definition("studio.timezone").default))
        stamp = local.strftime("%Y-%m-%dT%H:%M")
        return [
            f"Wrote the demo studio {self.studio!r} to {self.path}",
            f"  {self.clients} clients, {self.coaches} coaches, {self.sessions} sessions, "
            f"{self.prompts} prompts, {self.reviews} reviews, {story.open_actions} open actions, "
            f"{self.google_reviews} Google reviews, {story.invitations_sent} invitations sent",
            f"  On {local:%a %Y-%m-%d} at {local:%H:%M} (the commands' --at {stamp}):",
            f"  satisfaction dropping: coach {', '.join(story.dropping_coaches) or '-'}; "
            f"clients ({len(story.dropping_clients)}) "
            f"{', '.join(story.dropping_clients) or '-'}",
            f"  Google invitations due: {', '.join(story.invitations_due) or '-'}",
            f"  non-respondents ({len(story.non_respondents)}): "
            f"{', '.join(story.non_respondents) or '-'}",
            "  a prompt due, for example: "
            + (", ".join(p.describe() for p in story.prompts_due) or "-"),
            f"  testimonials to review: {', '.join(story.testimonials_to_review) or '-'}",
        ]


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _remove_with_side_files(path: Path) -> None:
    _remove(path)
    for suffix in _SQLITE_SIDE_FILES:
        _remove(path.with_name(path.name + suffix))


def _building_path(target: Path) -> Path:
    """The file the demo is built in, beside *target*, named by this process (its id and start
    time), so that another run knows whether its builder is still at work."""
    pid, started = this_process()
    return target.with_name(f".{target.name}.{pid}.{started}.building")


def remove_stale_builds(target: Path) -> list[Path]:
    """Remove the half-built demos beside *target* whose builder is gone (killed, or crashed
    before it could clean up); a build still running is left alone. Returns what was removed."""
    prefix, suffix = f".{target.name}.", ".building"
    removed = []
    for path in target.parent.glob(f"{glob.escape(prefix)}*{suffix}"):
        owner = path.name[len(prefix) : -len(suffix)].split(".")
        try:
            pid, started = (int(part) for part in owner)
        except ValueError:
            continue  # not a name this code gives
        if is_gone(pid, started):
            _remove_with_side_files(path)
            removed.append(path)
    return removed


def summarize(data: DemoData, path: Path, story: Story) -> DemoSummary:
    return DemoSummary(
        path=path,
        studio=STUDIO_NAME,
        clients=len(data.world.clients),
        coaches=len(COACHES),
        sessions=len(data.world.sessions),
        prompts=len(data.prompts),
        reviews=len(data.reviews),
        google_reviews=len(data.google_reviews),
        story=story,
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
    make_private_dirs(target.parent)
    remove_stale_builds(target)
    building = _building_path(target)
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
            with store.read() as session:
                story = read_story(session, data)
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
            raise FeedbackDeskError(
                Wording(
                    "cannot replace {target}: {error}",
                    target=target,
                    error=exc.strerror or exc,
                )
            ) from exc
    except BaseException:
        _remove_with_side_files(building)
        raise
    watcher.report(_STEPS, _STEPS, "Done")
    return summarize(data, target, story)
