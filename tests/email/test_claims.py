"""Telling a dead sender's claim from a live one (services/outbox/claims.py)."""

from __future__ import annotations

import os
import subprocess
import time

from feedback_desk.services.outbox.claims import (
    LEASE_SECONDS,
    ClaimMaker,
    ClaimOwner,
    claim_is_dead,
    this_host,
)
from tests.conftest import PYTHON


def test_a_live_senders_claim_is_alive() -> None:
    token = ClaimMaker().token(time.time())
    assert ClaimOwner.parse(token) is not None
    assert len(token) <= 64
    assert not claim_is_dead(token, wall_now=time.time())


def test_the_claim_of_a_process_that_ended_is_dead_at_once() -> None:
    child = subprocess.Popen([PYTHON, "-c", "import time; time.sleep(0.01)"])
    child.wait(30)
    token = ClaimOwner(this_host(), child.pid, 0, int(time.time()), "abcd1234").token
    assert claim_is_dead(token, wall_now=time.time())


def test_a_reused_process_id_does_not_keep_a_claim_alive() -> None:
    # Our own pid, but a start time that is not ours: another process, long gone.
    token = ClaimOwner(this_host(), os.getpid(), 1, int(time.time()), "abcd1234").token
    assert claim_is_dead(token, wall_now=time.time())


def test_a_claim_from_another_pc_lives_for_the_lease() -> None:
    claimed = time.time()
    token = ClaimOwner("0therpc0", 4242, 123, int(claimed), "abcd1234").token
    assert not claim_is_dead(token, wall_now=claimed + LEASE_SECONDS - 1)
    assert claim_is_dead(token, wall_now=claimed + LEASE_SECONDS + 1)


def test_a_token_that_says_nothing_is_dead() -> None:
    assert claim_is_dead(None, wall_now=time.time())
    assert claim_is_dead("not-a-token", wall_now=time.time())
