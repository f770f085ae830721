"""How long `invitations --at T`, the non-respondents list and the loop figure take on a large
store: N clients with a year of reviews, prompts and attendance.

    PYTHONPATH=src python bench/invitations_and_loop.py [--clients 5000] [--store PATH]
"""

from __future__ import annotations

import argparse
import platform
import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, insert, select

from feedback_desk.domain.kinds import Channel, PromptOutcome, ReviewKind
from feedback_desk.domain.localtime import local_day
from feedback_desk.services.invitations import due_invitations
from feedback_desk.services.loop import improvement_share, nonrespondents
from feedback_desk.services.settings import load_settings, set_setting
from feedback_desk.services.studio import open_studio
from feedback_desk.store.models import (
    Action,
    Attendance,
    ClassSession,
    ClassType,
    Client,
    Coach,
    Prompt,
    Review,
)

END = datetime(2026, 5, 14, 22, 0, tzinfo=UTC)


def build(path: Path, clients: int, seed: int) -> None:
    rng = random.Random(seed)
    store = open_studio(path)
    with store.write() as session:
        set_setting(session, "google.review_link", "https://g.page/r/x/review", at=END, actor="b")
        settings = load_settings(session)
        tz = settings.timezone
        session.add(Coach(id=1, external_id="E1", first_name="Julie", last_name="Roy"))
        session.add(ClassType(id=1, name="Spin 45"))
        session.flush()
        starts = [END - timedelta(hours=8 * n) for n in range(1, 1100)]
        session.execute(
            insert(ClassSession),
            [
                {
                    "id": n + 1,
                    "external_id": f"S{n}",
                    "class_id": 1,
                    "coach_id": 1,
                    "starts_at": s,
                    "duration_min": 60,
                }
                for n, s in enumerate(starts)
            ],
        )
        session.execute(
            insert(Client),
            [
                {
                    "id": c,
                    "external_id": f"C{c}",
                    "first_name": "F",
                    "last_name": f"L{c}",
                    "search_key": f"f l{c} c{c}",
                    "email": f"c{c}@x.example",
                    "email_consent": rng.random() < 0.8,
                    "created_at": END,
                    "updated_at": END,
                }
                for c in range(1, clients + 1)
            ],
        )
        reviews, attendance, prompts, actions = [], [], [], []
        review_id = 0
        for c in range(1, clients + 1):
            for session_index in rng.sample(range(len(starts)), 40):
                attendance.append(
                    {"session_id": session_index + 1, "client_id": c, "present": True}
                )
            for _ in range(12):
                review_id += 1
                at = END - timedelta(minutes=rng.randrange(365 * 24 * 60))
                stars = rng.choice((5, 5, 5, 4, 4, 3, 2, 1))
                reviews.append(
                    {
                        "id": review_id,
                        "external_id": f"R{review_id}",
                        "client_id": c,
                        "kind": ReviewKind.BUSINESS,
                        "stars": stars,
                        "channel": Channel.IMPORT,
                        "created_at": at,
                        "local_day": local_day(at, tz),
                        "edited_manually": False,
                    }
                )
                if stars <= 3:
                    closed = at + timedelta(days=2) if rng.random() < 0.7 else None
                    actions.append({"review_id": review_id, "opened_at": at, "closed_at": closed})
            for _ in range(6):
                at = END - timedelta(minutes=rng.randrange(120 * 24 * 60))
                prompts.append(
                    {
                        "client_id": c,
                        "kind": ReviewKind.BUSINESS,
                        "shown_at": at,
                        "local_day": local_day(at, tz),
                        "channel": Channel.KIOSK,
                        "outcome": rng.choice(list(PromptOutcome)),
                    }
                )
        session.execute(insert(Attendance), attendance)
        session.execute(insert(Review), reviews)
        session.execute(insert(Action), actions)
        session.execute(insert(Prompt), prompts)
    store.close()


def timed(label: str, fn) -> object:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = fn()
    print(f"{label}: {time.perf_counter() - started:.3f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=5000)
    parser.add_argument("--store")
    args = parser.parse_args()
    path = Path(args.store or tempfile.mkdtemp()) / "bench-email.sqlite"
    if not path.exists():
        timed("build", lambda: build(path, args.clients, 7))
    store = open_studio(path)
    with store.read() as session:
        settings = load_settings(session)
        for table in (Client, Review, Attendance, Prompt, Action):
            print(table.__tablename__, session.scalar(select(func.count()).select_from(table)))
        due = timed("invitations (five_star_pair)", lambda: due_invitations(session, settings, END))
        print("  due:", len(due))  # type: ignore[arg-type]
        after = settings.with_values({"google.invitation_mode": "after_sessions"})
        due = timed("invitations (after_sessions)", lambda: due_invitations(session, after, END))
        print("  due:", len(due))  # type: ignore[arg-type]
        found = timed("non-respondents", lambda: nonrespondents(session, settings, END))
        print("  found:", len(found))  # type: ignore[arg-type]
        share = timed("improvement share", lambda: improvement_share(session, at=END))
        print("  ", share)
    print(platform.platform(), platform.python_version())


if __name__ == "__main__":
    main()
