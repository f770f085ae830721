"""What reaches the terminal: client text never drives it.

Every line the command line prints goes through :class:`TerminalSafeWriter`, which shows control
characters (ESC, CSI, BEL, backspace, carriage return...) as ``\\xNN`` instead of passing them
to the terminal, so a client name imported with an escape sequence cannot recolour, retitle or
rewrite the screen. JSON output is escaped by the JSON writer itself (see CliContext.print_json)
and passes through unchanged.
"""

from __future__ import annotations

import io
from typing import TextIO

from feedback_desk.domain.text import terminal_safe


class TerminalSafeWriter(io.TextIOBase):
    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(terminal_safe(text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    @property
    def encoding(self) -> str:
        return getattr(self.stream, "encoding", None) or "utf-8"
