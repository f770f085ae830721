"""One default-size demo studio for the whole session (it takes a couple of seconds), and the
command line run against a demo store."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from feedback_desk.cli import main
from feedback_desk.domain.localtime import zone
from feedback_desk.services.demo import DemoOptions, DemoSummary, write_demo
from feedback_desk.store.database import Store, open_store

# A Thursday; the 30-day and 90-day windows cross a month end and the spring DST change.
UNTIL = date(2026, 4, 16)
TZ = zone("America/Toronto")


@dataclass
class Ran:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        assert self.code == 0, self.err
        return json.loads(self.out)


Command = Callable[..., Ran]


def run_on(path: Path) -> Command:
    """`feedback-desk ARGS --store PATH`, in this process."""

    def run(*args: str) -> Ran:
        out, err = io.StringIO(), io.StringIO()
        code = main([*args, "--store", str(path)], stdout=out, stderr=err)
        return Ran(code, out.getvalue(), err.getvalue())

    return run


def at_arg(instant: datetime) -> str:
    """The --at value for an instant: the studio's local time, to the minute."""
    return instant.astimezone(TZ).strftime("%Y-%m-%dT%H:%M")


@pytest.fixture(scope="session")
def default_demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoSummary]:
    path = tmp_path_factory.mktemp("demo") / "studio.sqlite"
    summary = write_demo(path, DemoOptions(until=UNTIL))
    return path, summary


@pytest.fixture
def demo_store(default_demo: tuple[Path, DemoSummary]) -> Iterator[Store]:
    store = open_store(default_demo[0])
    yield store
    store.close()


@pytest.fixture
def demo_cli(default_demo: tuple[Path, DemoSummary]) -> Command:
    """Commands that only ask, on the shared demo store."""
    return run_on(default_demo[0])


@pytest.fixture
def demo_copy(default_demo: tuple[Path, DemoSummary], tmp_path: Path) -> Path:
    """A copy of the demo store, for commands that record something."""
    copy = tmp_path / "studio-copy.sqlite"
    shutil.copyfile(default_demo[0], copy)
    return copy
