"""What a subcommand gets: parsed options, output streams, the store and the clock."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any, TextIO

from feedback_desk.clock import Clock, FixedClock, SystemClock
from feedback_desk.errors import UserInputError

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from feedback_desk.services.settings import Settings
    from feedback_desk.store.database import Store


class CliContext:
    def __init__(
        self,
        *,
        args: argparse.Namespace,
        out: TextIO,
        err: TextIO,
        default_clock: Clock | None = None,
    ) -> None:
        self.args = args
        self.out = out
        self.err = err
        self._default_clock = default_clock
        self._store: Store | None = None
        self._clock: Clock | None = None

    @property
    def debug(self) -> bool:
        return bool(getattr(self.args, "debug", False))

    @property
    def store_location(self) -> str | None:
        return getattr(self.args, "store", None)

    def store(self) -> Store:
        """The store named by ``--store`` (or the default one), opened and migrated once."""
        if self._store is None:
            from feedback_desk.services.studio import open_studio

            self._store = open_studio(self.store_location)
        return self._store

    def settings(self) -> Settings:
        from feedback_desk.services.settings import load_settings

        with self.store().read() as session:
            return load_settings(session)

    def timezone(self) -> ZoneInfo:
        return self.settings().timezone

    def clock(self) -> Clock:
        """``--at T`` (local to the studio unless it has an offset), else the real clock."""
        if self._clock is None:
            at = getattr(self.args, "at", None)
            if at:
                from feedback_desk.domain.localtime import parse_instant

                try:
                    self._clock = FixedClock(parse_instant(at, self.timezone()))
                except ValueError as exc:
                    raise UserInputError(f"--at: {exc}") from None
            else:
                self._clock = self._default_clock or SystemClock()
        return self._clock

    def print(self, *values: Any) -> None:
        print(*values, file=self.out)

    def print_json(self, value: Any) -> None:
        from feedback_desk.domain.text import json_safe

        # json escapes U+0000-U+001F; json_safe escapes DEL and C1 as well (the same value).
        self.out.write(json_safe(json.dumps(value, ensure_ascii=False, indent=2)) + "\n")

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
