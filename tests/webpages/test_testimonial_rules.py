"""The testimonial pages spoken to over plain HTTP, for what a browser would rarely send: files
that are not photos or are too large, forms without their token, sent twice or tampered with,
links unknown or expired. Each gets a clear answer and writes nothing it should not."""

from __future__ import annotations

import io
from datetime import timedelta

import requests
from PIL import Image

from feedback_desk.domain.testimonials import TestimonialState
from feedback_desk.services.testimonials.qualities import offered_qualities
from feedback_desk.store.models import Testimonial
from tests.support.kiosk_scene import Members
from tests.support.studio_builder import StudioBuilder
from tests.webpages.conftest import Pages
from tests.webpages.http import Kiosk
from tests.webpages.test_testimonial_journey import invited, stored


def quality(pages: Pages) -> str:
    with pages.store.read() as session:
        return str(offered_qualities(session)[0].id)


def details_form(pages: Pages, **extra: str | list[str]) -> dict[str, str | list[str]]:
    return {
        "step": "details",
        "quality": quality(pages),
        "text_1": "",
        "text_2": "",
        "job_title": "",
        "name_shown": "short",
        "why": "",
        **extra,
    }


def upload(client: Kiosk, token: str, form: dict[str, str | list[str]], data: bytes) -> str:
    response = client.http.post(
        client.pages.url(f"/t/{token}"),
        data={"csrf_token": client.token, **form, "action": "upload"},
        files={"photo": ("photo.jpg", data, "image/jpeg")},
        timeout=30,
    )
    assert response.status_code == 200
    return response.text


def test_a_file_that_is_not_a_photo_or_is_too_large_is_refused_clearly(
    pages: Pages, members: Members
) -> None:
    testimonial = invited(pages, members.zoe)
    client = Kiosk(pages)
    client.get(f"/t/{testimonial.token}")
    form = details_form(pages)
    page = upload(client, testimonial.token, form, b"%PDF-1.7 my CV")
    assert "This file is not a photo. Please choose a JPEG, PNG, WebP or GIF image." in page
    assert not stored(pages, testimonial.id).has_photo
    big = io.BytesIO()
    Image.effect_noise((2600, 2600), 100).convert("RGB").save(big, format="PNG")
    assert len(big.getvalue()) > 5 * 1024 * 1024
    page = upload(client, testimonial.token, form, big.getvalue())
    assert "This photo is larger than 5 MB. Please choose a smaller one." in page
    assert not stored(pages, testimonial.id).has_photo
    small = io.BytesIO()
    Image.new("RGB", (40, 40), (1, 2, 3)).save(small, format="GIF")
    page = upload(client, testimonial.token, form, small.getvalue())
    assert "Here is your photo in the preview. Check it, then send." in page
    photo = client.http.get(pages.url(f"/t/{testimonial.token}/photo"), timeout=10)
    assert (photo.status_code, photo.headers["Content-Type"]) == (200, "image/jpeg")
    assert photo.headers["Cache-Control"] == "no-store"


def test_only_the_testimonial_form_takes_a_file(pages: Pages, members: Members) -> None:
    client = Kiosk(pages).pair()
    client.get("/kiosk")
    response = client.http.post(
        pages.url("/kiosk/search"),
        data={"csrf_token": client.token, "q": "zoe"},
        files={"photo": ("a.jpg", b"x", "image/jpeg")},
        timeout=10,
    )
    assert response.status_code == 400
    assert "Zoe" not in response.text


def test_unknown_expired_and_used_links_reveal_nothing(pages: Pages, members: Members) -> None:
    testimonial = invited(pages, members.audrey)
    for path in ("/t/NotAToken", "/t/NotAToken/photo", "/t/withdraw/NotAToken"):
        response = requests.get(pages.url(path), timeout=10)
        assert response.status_code == 404
        assert "Audrey" not in response.text
    pages.clock.advance(timedelta(days=30))
    expired = requests.get(pages.url(f"/t/{testimonial.token}"), timeout=10)
    assert expired.status_code == 404
    assert "Ce lien a expiré ou a déjà été utilisé." in expired.text
    assert "Audrey" not in expired.text
    assert "Start again" not in expired.text


def test_a_form_without_its_token_tampered_with_or_sent_twice_records_one_answer(
    pages: Pages, members: Members
) -> None:
    testimonial = invited(pages, members.audrey)
    client = Kiosk(pages)
    client.get(f"/t/{testimonial.token}")
    url = pages.url(f"/t/{testimonial.token}")
    send = details_form(pages, action="send", consent="name")
    forged = requests.post(url, data=send, timeout=10)  # no session, no form token
    assert forged.status_code == 400
    for bad in (
        {"quality": "99999"},
        {"text_1": "x" * 1001},
        {"consent": "face"},
        {"step": "elsewhere"},
    ):
        response = client.post(f"/t/{testimonial.token}", {**send, **bad})
        assert response.status_code == 400, bad
    assert stored(pages, testimonial.id).state is TestimonialState.INVITED
    first = client.post(f"/t/{testimonial.token}", send)
    assert first.status_code == 200
    assert "<h1>Merci</h1>" in first.text
    second = client.post(f"/t/{testimonial.token}", send)
    assert second.status_code == 404
    with pages.store.read() as session:
        kept = session.get_one(Testimonial, testimonial.id)
        assert kept.state is TestimonialState.ACCEPTED
        assert kept.consents() == {"name"}


def test_every_testimonial_page_carries_the_strict_policy(pages: Pages, members: Members) -> None:
    testimonial = invited(pages, members.zoe)
    response = requests.get(pages.url(f"/t/{testimonial.token}"), timeout=10)
    assert response.status_code == 200
    assert '<html lang="en">' in response.text
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["Cache-Control"] == "no-store"
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Strict" in cookie


def test_the_tablet_kiosk_offers_the_invitation_at_once_when_nothing_is_due(
    pages: Pages, studio: StudioBuilder
) -> None:
    newcomer = studio.client("C9", "Noé", "Nouveau", language="en")
    invited(pages, newcomer)
    kiosk = Kiosk(pages).pair()
    offer = kiosk.choose("noe")
    assert offer.url.endswith("/kiosk/testimonial")
    assert "<h1>Would you recommend Studio Lotus?</h1>" in offer.text
    later = kiosk.post("/kiosk/testimonial", {"step": "start", "action": "later"})
    assert "No problem. Maybe next time!" in later.text
    again = kiosk.choose("noe")  # still open: offered at the next visit
    assert again.url.endswith("/kiosk/testimonial")
    # Without the kiosk's session (another browser), the kiosk page offers nothing.
    stranger = Kiosk(pages).pair()
    stranger.get("/kiosk")
    assert stranger.get("/kiosk/testimonial").status_code == 400
