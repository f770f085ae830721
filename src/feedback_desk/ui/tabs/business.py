"""The Business reviews tab: reviews of the studio as a whole, with their charts."""

from __future__ import annotations

from feedback_desk.domain.kinds import ReviewKind
from feedback_desk.ui.tabs.review_tab import ReviewTab


class BusinessReviewsTab(ReviewTab):
    kind = ReviewKind.BUSINESS

    def title_for_period(self) -> str:
        return self.tr("Business reviews")
