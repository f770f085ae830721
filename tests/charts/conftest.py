"""The charts' tests use the reports' small studio (store, clock, window context) and, like the
window's tests, a QSettings folder of their own (folded charts are remembered there)."""

from __future__ import annotations

from tests.reports.conftest import clock, context, studio
from tests.ui_window.conftest import isolated_qsettings

__all__ = ["clock", "context", "isolated_qsettings", "studio"]
