"""Reading the stars and the comment out of a client's emailed answer (domain/replies.py)."""

from __future__ import annotations

import pytest

from feedback_desk.domain.replies import ReadAnswer, own_text, read_answer, stars_in_subject

GMAIL_EN = """4, the new playlist was great!

On Fri, May 15, 2026 at 1:00 PM Studio Zen <hello@studio.example> wrote:
> Hello Audrey,
>
> How was Spin 45 with Julie today?
> 5 stars: mailto:hello@studio.example?subject=Review%20X%205%20%E2%98%85
"""

GMAIL_FR_WRAPPED = """Super cours, 5 étoiles !

Le ven. 15 mai 2026 à 13:00, Studio Zen <
hello@studio.example> a écrit :

> Bonjour Audrey,
> Comment s'est passé votre cours Spin 45 avec Julie aujourd'hui ?
"""


def test_the_number_is_the_stars_and_the_quote_is_not_the_comment() -> None:
    assert read_answer(GMAIL_EN) == ReadAnswer(4, "the new playlist was great!")


def test_a_french_attribution_wrapped_over_two_lines_ends_the_own_text() -> None:
    assert read_answer(GMAIL_FR_WRAPPED) == ReadAnswer(5, "Super cours, !")


def test_a_french_attribution_with_a_non_breaking_space_before_the_colon() -> None:
    text = "3\nLa musique trop forte.\n\nLe 15 mai 2026, Studio Zen a écrit\u00a0:\n> 1 étoile"
    assert read_answer(text) == ReadAnswer(3, "La musique trop forte.")


def test_the_signature_after_dash_dash_space_is_not_the_comment() -> None:
    text = "Very good class 5\n-- \nAudrey Tremblay\n514 555 0101, ext. 2"
    assert read_answer(text) == ReadAnswer(5, "Very good class")


def test_a_run_of_stars_counts_as_the_rating() -> None:
    assert read_answer("★★★★ loved it") == ReadAnswer(4, "loved it")
    assert read_answer("★★★★☆ nearly perfect") == ReadAnswer(4, "nearly perfect")


def test_the_first_rating_wins_whether_number_or_stars() -> None:
    assert read_answer("★★ I waited 4 minutes at the desk").stars == 2
    assert read_answer("2 because the room was cold ★★★★★").stars == 2


@pytest.mark.parametrize(
    ("text", "stars"),
    [
        ("I'd say 4/5", 4),
        ("4 out of 5, good", 4),
        ("Rated 4.5 overall, so 4", 4),
        ("Came at 5:30 and left at 7pm; 3 for the noise", 3),
        ("10/10 would come back", None),
        ("Class of 2026-05-15 was fine", None),
        ("No number here, just thanks", None),
        ("★★★★★★ six stars is not an answer", None),
    ],
)
def test_what_counts_as_a_whole_number_from_1_to_5(text: str, stars: int | None) -> None:
    assert read_answer(text).stars == stars


def test_a_reply_with_only_a_number_has_no_comment() -> None:
    assert read_answer("5\n\n> quoted stuff 1 2 3") == ReadAnswer(5, None)


def test_numbers_in_the_quoted_message_are_never_read() -> None:
    assert read_answer("Thanks!\n> 4 stars: mailto:x") == ReadAnswer(None, "Thanks!")


def test_a_mailto_answer_takes_its_stars_from_the_subject_and_keeps_the_whole_body() -> None:
    assert stars_in_subject("Review 7Kq2x9LmPq0sVbN3cTw4Zy 4 ★") == 4
    assert stars_in_subject("Avis 7Kq2x9LmPq0sVbN3cTw4Zy 2 ★") == 2
    assert stars_in_subject("Re: How was Spin 45?") is None
    answer = read_answer("Room 5 was hot", subject_stars=4)
    assert answer == ReadAnswer(4, "Room 5 was hot")


def test_outlook_separators_end_the_own_text() -> None:
    text = "2 - too crowded\n\n-----Original Message-----\nFrom: Studio\n5 stars"
    assert read_answer(text) == ReadAnswer(2, "too crowded")


def test_staff_read_the_own_text_with_its_signature() -> None:
    assert own_text("Call me please\n-- \nAudrey\n\nOn Mon, X wrote:\n> hi") == (
        "Call me please\n-- \nAudrey"
    )
