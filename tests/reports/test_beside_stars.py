"""Beside the star figures, never mixed with them: the 0-10 answers ("Net Promoter Score (0-10)")
on the Overview and the Business tab, and the response rate of each channel on the Overview, the
Business and the Class tabs, with the counts on hover (pytest-qt, offscreen)."""

from __future__ import annotations

from feedback_desk.clock import ManualClock
from feedback_desk.services.prompting import kiosk
from feedback_desk.services.prompting.recording import Answer
from feedback_desk.store.database import Store
from feedback_desk.ui.dialogs.opener import DialogOpener
from feedback_desk.ui.tabs.business import BusinessReviewsTab
from feedback_desk.ui.tabs.classes import ClassReviewsTab
from feedback_desk.ui.tabs.overview import OverviewTab
from tests.reports.ui_fixtures import NOW
from tests.support.studio_builder import StudioBuilder

WAIT_MS = 10_000


def asked_in_may(studio: Store, cli) -> None:  # type: ignore[no-untyped-def]
    """Four newcomers asked about the studio in May: two on the command line (9 and 6 out of
    10), two at the kiosk (one answered 10, one walked away)."""
    b = StudioBuilder(studio)
    julie = b.coach("E1", "Julie", "Roy")
    clients = []
    for number in range(1, 5):
        client = b.client(f"C{number}", "Client", f"N{number}")
        session = b.session(f"S{number}", "Yoga", julie, "2026-05-10T10:00")
        b.attend(session, client)
        clients.append(client)
    for member, stars, recommend in (("C1", "5", "9"), ("C2", "4", "6")):
        done = cli(
            "answer", member, "--at", "2026-05-12T10:00", "--stars", stars, "--recommend", recommend
        )
        assert done.code == 0, done.err
    at_the_desk = ManualClock(b.at("2026-05-13T10:00"))
    answered = kiosk.start_visit(studio, at_the_desk, clients[2])
    assert answered.prompt_id is not None
    kiosk.submit(studio, at_the_desk, answered.prompt_id, Answer(stars=3, recommend=10))
    assert kiosk.start_visit(studio, at_the_desk, clients[3]).prompt_id is not None


def shown(qtbot, tab):  # type: ignore[no-untyped-def]
    qtbot.addWidget(tab)
    tab.resize(1400, 900)
    tab.show()
    with qtbot.waitSignal(tab.refreshed, timeout=WAIT_MS):
        tab.refresh()
    return tab


def test_the_overview_shows_the_0_10_score_and_the_rate_of_each_channel(
    qtbot, studio: Store, opener: DialogOpener, cli
) -> None:  # type: ignore[no-untyped-def]
    assert NOW.month == 5
    asked_in_may(studio, cli)
    tab = shown(qtbot, OverviewTab(opener.parent()))
    recommend = tab.headlines["recommend"]
    # Answers were given, so the figure shows although the question is off now.
    assert recommend.isVisible()
    assert recommend.caption.text() == "Net Promoter Score (0-10) this month"
    # 9, 6 and 10: two promoters and one detractor of three answers.
    assert recommend.value.text() == "33"
    assert recommend.toolTip() == (
        "2 promoters (9-10), 0 passives (7-8), 1 detractors (0-6), of 3 answers to the 0-10 "
        "question"
    )
    # The stars' own NPS is not changed by the 0-10 answers (5, 4 and 3 stars).
    assert tab.headlines["nps"].value.text() == "0"
    assert tab.channel_rates.text() == (
        "Response rate by channel this month: Kiosk 50.0 % · Command line 100.0 %"
    )
    assert tab.channel_rates.toolTip() == (
        "Kiosk: 1 answered of 2 prompts shown\nCommand line: 2 answered of 2 prompts shown"
    )


def test_the_business_tab_reports_the_0_10_answers_and_both_tabs_the_channels(
    qtbot, studio: Store, context, cli
) -> None:  # type: ignore[no-untyped-def]
    asked_in_may(studio, cli)
    business = shown(qtbot, BusinessReviewsTab(context))
    lines = business.summary.text().splitlines()
    assert lines[0].startswith("12 May 2026 – 20 May 2026: 3 reviews · average 4.00 · NPS 0")
    assert lines[-1] == (
        "Net Promoter Score (0-10): 33 (2 promoters (9-10), 0 passives (7-8), 1 detractors "
        "(0-6), of 3 answers to the 0-10 question)"
    )
    assert business.channel_rates.text() == (
        "Response rate by channel: Kiosk 50.0 % · Command line 100.0 %"
    )
    classes = shown(qtbot, ClassReviewsTab(context))
    assert "Net Promoter Score (0-10)" not in classes.summary.text()
    assert classes.channel_rates.text() == "Response rate by channel: no prompt shown"
