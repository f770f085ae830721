"""Templates: shipped in French and English, editable, checked, escaped in HTML."""

from __future__ import annotations

import pytest

from feedback_desk.clock import ManualClock
from feedback_desk.services.templates.catalogue import (
    LANGUAGES,
    TemplateName,
    default_template,
    get_template,
    reset_template,
    save_template,
)
from feedback_desk.services.templates.render import (
    TemplateError,
    render_html_fragment,
    render_text,
)
from feedback_desk.store.database import Store


@pytest.mark.parametrize("name", list(TemplateName))
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_shipped_template_exists_and_fills(name: TemplateName, language: str) -> None:
    template = default_template(name, language)
    template.check()
    assert template.subject
    assert "{first_name}" in template.body or name is TemplateName.ALERT


def test_the_invitation_carries_the_review_link() -> None:
    for language in LANGUAGES:
        assert "{review_link}" in default_template(TemplateName.INVITATION, language).body


def test_an_unknown_placeholder_is_a_clear_error_not_a_crash() -> None:
    with pytest.raises(TemplateError, match=r"unknown placeholder \{prenom\}.*\{first_name\}"):
        render_text("Bonjour {prenom}", {})


@pytest.mark.parametrize("bad", ["{first_name.__class__}", "{first_name!r}", "{0}", "{x[0]}"])
def test_only_bare_placeholder_names_are_allowed(bad: str) -> None:
    with pytest.raises(TemplateError):
        render_text(f"Hello {bad}", {"first_name": "A"})


def test_a_lone_brace_is_explained_and_doubled_braces_are_literal() -> None:
    with pytest.raises(TemplateError, match="literal braces"):
        render_text("Hello {first_name", {})
    assert render_text("{{not a field}} {first_name}", {"first_name": "Ana"}) == (
        "{not a field} Ana"
    )


def test_values_and_text_are_escaped_in_html_and_links_become_anchors() -> None:
    html = render_html_fragment(
        "Hi {first_name} <b>\n\n{review_link}",
        {
            "first_name": "<img src=x onerror=alert(1)>",
            "review_link": 'https://x.example/?a=1&b="2"',
        },
    )
    assert "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt; &lt;b&gt;" in html
    assert '<a href="https://x.example/?a=1&amp;b=&quot;2&quot;">' in html
    assert html.count("<p>") == 2


def test_a_studio_edits_a_template_and_can_reset_it(store: Store, clock: ManualClock) -> None:
    with store.write() as session:
        with pytest.raises(TemplateError, match="unknown placeholder"):
            save_template(
                session,
                TemplateName.THANKS,
                "en",
                subject="Hi {nom}",
                body="x",
                at=clock.now(),
                actor="t",
            )
        save_template(
            session,
            TemplateName.THANKS,
            "en",
            subject="Merci {first_name}",
            body="Thanks!\n",
            at=clock.now(),
            actor="t",
        )
    with store.read() as session:
        mine = get_template(session, TemplateName.THANKS, "en")
        assert mine.customized
        assert mine.subject == "Merci {first_name}"
        assert get_template(session, TemplateName.THANKS, "fr") == default_template(
            TemplateName.THANKS, "fr"
        )
    with store.write() as session:
        reset_template(session, TemplateName.THANKS, "en", at=clock.now(), actor="t")
    with store.read() as session:
        assert not get_template(session, TemplateName.THANKS, "en").customized
