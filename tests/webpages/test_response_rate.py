"""Prompts shown on the browser kiosk count in the response rate like the window's."""

from __future__ import annotations

import json

from tests.support.kiosk_scene import Members
from tests.webpages.conftest import Pages
from tests.webpages.http import Kiosk


def test_web_prompts_answered_ignored_and_abandoned_count(
    cli, pages: Pages, members: Members
) -> None:  # type: ignore[no-untyped-def]
    kiosk = Kiosk(pages).pair()
    kiosk.choose("zoe")
    kiosk.post("/kiosk/answer", {"stars": "5", "comment": "", "action": "send"})
    kiosk.choose("audrey")  # walks away: abandoned
    stats = json.loads(cli("stats", "--from", "2026-05-01", "--to", "2026-05-31", "--json").out)
    assert stats["prompts_shown"] == 2
    assert stats["prompts_answered"] == 1
    assert stats["response_rate"] == 0.5
    assert stats["reviews"] == 1
