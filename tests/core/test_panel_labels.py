"""Review-status labels: a list cell or a filter choice starts with a capital in English, like the choices beside it
("Not reviewed", "In review"); Chinese is the label itself."""

from __future__ import annotations

from reviewapp.domain.review_status import ReviewStatus
from reviewapp.i18n import speaking
from reviewapp.services.panel.labels import status_heading, status_label


def test_status_heading_is_capitalised_in_english_and_unchanged_in_chinese() -> None:
    with speaking("en"):
        assert status_label(ReviewStatus.IN_REVIEW) == "in review"
        assert status_heading(ReviewStatus.IN_REVIEW) == "In review"
        assert status_heading(ReviewStatus.AWAITING_FEEDBACK) == "Awaiting the prosecutor's feedback"
    with speaking("zh_CN"):
        for status in ReviewStatus:
            assert status_heading(status) == status_label(status) != ""
    assert status_heading(None) == ""
