"""A refused setting carries a code and parameters besides its English sentence, so that the
window can say it in its own language (the command line prints the sentence)."""

from __future__ import annotations

import pytest

from feedback_desk.domain.settings_schema import InvalidSetting, Problem, normalize


@pytest.mark.parametrize(
    ("key", "value", "code", "sentence"),
    [
        ("reviews.business_every_months", "a year", Problem.NOT_WHOLE_NUMBER, "whole number"),
        ("reviews.business_every_months", "0", Problem.TOO_SMALL, "must be at least 1"),
        ("reviews.business_every_months", "25", Problem.TOO_LARGE, "must be at most 24"),
        ("trends.drop_stars", "much", Problem.NOT_NUMBER, "must be a number"),
        ("studio.name", "", Problem.REQUIRED, "must not be empty"),
        ("smtp.host", "smtp .studio.ca", Problem.NOT_HOST, "not a server name"),
        ("smtp.sender", "hello@", Problem.NOT_EMAIL, "'hello@' is not an email address"),
        ("google.review_link", "g.page/r/x", Problem.NOT_URL, "not an http(s) URL"),
        ("studio.timezone", "Mars/Olympus", Problem.NOT_TIMEZONE, "unknown time zone"),
        ("smtp.security", "tls", Problem.NOT_CHOICE, "must be one of"),
        ("kiosk.pin", "12", Problem.NOT_PIN, "4 to 12 digits"),
    ],
)
def test_each_refusal_has_its_code_and_its_sentence(
    key: str, value: str, code: Problem, sentence: str
) -> None:
    with pytest.raises(InvalidSetting) as refused:
        normalize(key, value)
    assert refused.value.code is code
    assert refused.value.key == key
    assert sentence in str(refused.value)


def test_every_wrong_manager_address_is_named() -> None:
    with pytest.raises(InvalidSetting) as refused:
        normalize("studio.manager_emails", "boss@studio.ca; desk@, not-an-address")
    assert refused.value.params["addresses"] == ("desk@", "not-an-address")
    assert normalize("studio.manager_emails", "boss@studio.ca; desk@studio.ca") == (
        "boss@studio.ca, desk@studio.ca"
    )
