"""How long work reports progress and learns it was cancelled, without knowing about Qt."""

from __future__ import annotations

from typing import Protocol


class Cancelled(Exception):
    """The user cancelled the work; whatever was committed before stays, the rest is not done."""


class Progress(Protocol):
    def report(self, done: int, total: int | None, message: str) -> None: ...

    @property
    def cancelled(self) -> bool: ...


class NullProgress:
    """For the command line and tests: reports go nowhere, never cancelled."""

    def report(self, done: int, total: int | None, message: str) -> None:
        return None

    @property
    def cancelled(self) -> bool:
        return False


def check_cancelled(progress: Progress) -> None:
    if progress.cancelled:
        raise Cancelled()
