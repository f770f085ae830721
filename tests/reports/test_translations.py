"""The Overview, Business and Class tabs, their charts and dialogs are fully translated into
French (the catalogue's other rules are checked in tests/kiosk/test_translations.py)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.kiosk.test_translations import TS, UI, messages, update_script

REPORT_SCREENS = [
    UI / "tabs" / "overview.py",
    UI / "tabs" / "overview_lists.py",
    UI / "tabs" / "review_tab.py",
    UI / "tabs" / "business.py",
    UI / "tabs" / "classes.py",
    UI / "charts" / "report_charts.py",
    UI / "charts" / "google_growth.py",
    UI / "charts" / "chart_view.py",
    UI / "tabs" / "overview_headlines.py",
    UI / "widgets" / "reviews_panel.py",
    UI / "dialogs" / "review_details.py",
    UI / "dialogs" / "client_card.py",
    UI / "dialogs" / "edit_stars.py",
    UI / "dialogs" / "close_action.py",
    UI / "dialogs" / "opener.py",
    UI / "widgets" / "entry_list.py",
    UI / "formatting.py",
    UI / "dialogs" / "export_dialog.py",
    *sorted((UI / "worklist").glob("*.py")),
]


def test_every_string_of_the_report_screens_has_a_french_translation(tmp_path: Path) -> None:
    extracted = tmp_path / "extracted.ts"
    subprocess.run(
        [
            update_script().tool("pyside6-lupdate"),
            *map(str, REPORT_SCREENS),
            "-locations",
            "none",
            "-ts",
            str(extracted),
        ],
        check=True,
        capture_output=True,
    )
    needed = set(messages(extracted))
    assert len(needed) > 140
    shipped = messages(TS)
    missing = sorted(key for key in needed if not shipped.get(key))
    assert missing == [], "translate these in resources/translations/feedback_desk_fr.ts"
