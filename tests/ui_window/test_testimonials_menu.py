"""File → Export testimonials… and Clients → Invite to recommend… on the demo studio's window."""

from __future__ import annotations

from pathlib import Path

from feedback_desk.ui.testimonials.invite_dialog import InviteDialog


def test_file_export_testimonials_writes_the_page(
    qtbot, open_window, demo_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    out = tmp_path / "testimonials.html"
    assert window.export_testimonials(out) is not None
    qtbot.waitUntil(lambda: out.exists() and window.is_idle(), timeout=10_000)
    page = out.read_text(encoding="utf-8")
    assert "<h1>Ils recommandent Studio Élan</h1>" in page  # the studio's language
    assert "une sélection faite par Studio Élan" in page
    assert window.status.currentMessage() == f"Exported {out}"


def test_clients_invite_to_recommend_lists_clients_to_invite(
    qtbot, open_window, demo_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    clients = next(f for f in window.features if hasattr(f, "invite_action"))
    dialog = clients.invite_to_recommend()
    assert isinstance(dialog, InviteDialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=10_000)
    assert dialog.invite_button.text().startswith("Invite ")
    dialog.reject()
