"""The published page shows exactly what each client consented to, only for approved
testimonials, never after a withdrawal, in the studio's language, every client text escaped."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from feedback_desk.clock import ManualClock
from feedback_desk.domain.testimonials import ConsentPart, Place
from feedback_desk.services.testimonials import journey
from feedback_desk.services.testimonials.answering import Acceptance
from feedback_desk.store.database import Store
from tests.testimonials.conftest import Lotus
from tests.testimonials.test_services import JPEG, invite_now, quality_id

AT = "--at"


class Text(HTMLParser):
    """The page as a reader sees it: its text, its images' alt text, and its lang attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.chunks: list[str] = []
        self.images: list[tuple[str, str]] = []
        self.languages: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "img":
            self.images.append((found.get("alt") or "", found.get("src") or ""))
        if found.get("lang"):
            self.languages.append(str(found["lang"]))

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.chunks.append(" ".join(data.split()))


def read_page(path: Path) -> Text:
    parser = Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def answer_yes(store: Store, clock: ManualClock, client: int, acceptance: Acceptance) -> int:
    testimonial_id = invite_now(store, client, clock)
    journey.accept(store, clock, testimonial_id, acceptance, place=Place.CLIENT_PAGE)
    return testimonial_id


def test_the_page_shows_only_what_was_consented_and_escapes_client_text(
    cli, store: Store, lotus: Lotus, may_first: ManualClock, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    welcome, clean = quality_id(store, "Warm welcome"), quality_id(store, "Cleanliness")
    audrey_id = invite_now(store, lotus.audrey, may_first)
    journey.keep_photo(store, may_first, audrey_id, JPEG)
    journey.accept(
        store,
        may_first,
        audrey_id,
        Acceptance(
            quality_ids=[welcome, clean],
            text_1="Une amie m'en a parlé. <script>alert(1)</script>",
            text_2="J'ai retrouvé le sommeil.",
            job_title="Infirmière",
            consents=frozenset({ConsentPart.PHOTO, ConsentPart.JOB_TITLE}),
        ),
        place=Place.CLIENT_PAGE,
    )
    answer_yes(
        store,
        may_first,
        lotus.zoe,
        Acceptance(
            quality_ids=[welcome],
            text_1="A friend told me.",
            job_title="Pilot",
            full_name=True,
            consents=frozenset({ConsentPart.NAME}),
        ),
    )
    assert cli("testimonials", "export", str(tmp_path / "none.html")).code == 0
    assert "Aucun témoignage publié pour le moment." in read_page(tmp_path / "none.html").chunks
    assert cli("testimonials", "approve", "C1").code == 0
    assert cli("testimonials", "approve", "C2").code == 0
    out = tmp_path / "page.html"
    result = cli("testimonials", "export", str(out))
    assert result.code == 0, result.err
    raw = out.read_text(encoding="utf-8")
    assert "<script>" not in raw
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in raw
    page = read_page(out)
    text = page.chunks
    assert text[0] == "Ils recommandent Studio Lotus"
    assert (
        "Ces témoignages sont une sélection faite par Studio Lotus parmi ceux que ses clients ont "
        "accepté de publier." in text
    )
    read = " ".join(text)
    assert "Accueil chaleureux (2 votes)" in read
    assert "Propreté (1 vote)" in read
    # Audrey: no name (no consent), her photo and her job title (consented).
    assert "Membre de Studio Lotus" in text
    assert "Audrey B." not in raw
    assert "Bélanger" not in raw
    assert "Infirmière" in text
    assert len(page.images) == 1
    alt, src = page.images[0]
    assert alt == "Photo de Membre de Studio Lotus"
    assert src.startswith("data:image/jpeg;base64,")
    # Zoe: her full name (consented), not her job title (not consented).
    assert "Zoe Smith" in text
    assert "Pilot" not in raw
    assert page.languages[0] == "fr"
    assert "en" in page.languages  # Zoe's own words are marked as English


def test_a_withdrawal_or_a_hide_removes_the_testimonial_from_every_later_export(
    cli, store: Store, lotus: Lotus, may_first: ManualClock, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    answer_yes(
        store,
        may_first,
        lotus.audrey,
        Acceptance(
            quality_ids=[quality_id(store, "Location")],
            text_1="Tout près de chez moi.",
            consents=frozenset({ConsentPart.NAME}),
        ),
    )
    cli("testimonials", "approve", "C1")
    before = tmp_path / "before.json"
    assert cli("testimonials", "export", str(before)).code == 0
    data = json.loads(before.read_text(encoding="utf-8"))
    assert [t["name"] for t in data["testimonials"]] == ["Audrey B."]
    assert data["qualities"] == [{"label": "Emplacement", "votes": 1}]
    assert data["language"] == "fr"
    assert cli("testimonials", "withdraw", "C1").code == 0
    after = tmp_path / "after.json"
    assert cli("testimonials", "export", str(after)).code == 0
    data = json.loads(after.read_text(encoding="utf-8"))
    assert data["testimonials"] == []
    assert data["qualities"] == []
    html = tmp_path / "after.html"
    cli("testimonials", "export", str(html))
    assert "Tout près de chez moi" not in html.read_text(encoding="utf-8")


def test_the_page_is_in_the_studios_language_and_bad_names_are_refused(
    cli, store: Store, lotus: Lotus, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    lotus.builder.setting("studio.language", "en")
    out = tmp_path / "page.html"
    assert cli("testimonials", "export", str(out)).code == 0
    page = read_page(out)
    assert page.chunks[0] == "They recommend Studio Lotus"
    assert page.languages == ["en"]
    bad = cli("testimonials", "export", str(tmp_path / "page.pdf"))
    assert (bad.code, bad.err.strip()) == (
        2,
        "page.pdf: the export is an .html page or a .json file",
    )
    missing = cli("testimonials", "export", str(tmp_path / "nowhere" / "page.html"))
    assert missing.code == 2
