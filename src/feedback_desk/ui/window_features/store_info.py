"""The status bar names the open store (shortened to the room it has, in full in the tooltip),
so a manager who keeps a demo and a real studio always knows which one they are changing."""

from __future__ import annotations

from feedback_desk.ui.context import WindowContext
from feedback_desk.ui.widgets.elided_label import ElidedLabel
from feedback_desk.ui.window_features import WindowFeature


class StoreInfoFeature(WindowFeature):
    def install(self) -> None:
        self.label = ElidedLabel()
        self.label.setObjectName("storeLocation")
        self.window.status.add_permanent(self.label)

    def attach(self, context: WindowContext) -> None:
        self.label.set_full_text(context.store.location)
        self.retranslate()

    def retranslate(self) -> None:
        location = self.label.full_text()
        self.label.setToolTip(self.tr("Store: {where}").format(where=location) if location else "")
