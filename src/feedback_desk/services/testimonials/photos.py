"""A client's photo, as uploaded on their testimonial page: checked, resized, re-encoded.

Only the bytes decide what a file is (never its name or declared type): Pillow must read it as a
JPEG, PNG, WebP or GIF image. It is turned upright (EXIF orientation), fitted within
MAX_SIDE_PX, and saved anew as a JPEG with no metadata at all (no location, no camera, no
comments). A file over MAX_PHOTO_BYTES, or an image of absurd dimensions, is refused.
"""

from __future__ import annotations

import io
import warnings
from typing import TYPE_CHECKING

from feedback_desk.errors import Said, UserInputError
from feedback_desk.wording import Wording

if TYPE_CHECKING:
    from PIL.Image import Image as PilImage

MAX_PHOTO_BYTES = 5 * 1024 * 1024
MAX_SIDE_PX = 512
# A 5 MB file can still claim billions of pixels (a decompression bomb): refused before decoding.
MAX_PIXELS = 50_000_000
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
JPEG_QUALITY = 85


class PhotoProblem(UserInputError):
    """A file that cannot be the client's photo; ``reason`` says which rule refused it."""

    def __init__(self, reason: str, message: Said) -> None:
        super().__init__(message)
        self.reason = reason


def prepare_photo(data: bytes) -> bytes:
    """The photo to keep: a JPEG of at most MAX_SIDE_PX a side, without metadata."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    if len(data) > MAX_PHOTO_BYTES:
        raise PhotoProblem(
            "too_large",
            Wording(
                "the photo is {size:.1f} MB; at most {limit} MB are accepted",
                size=len(data) / 1024 / 1024,
                limit=MAX_PHOTO_BYTES // 1024 // 1024,
            ),
        )
    if not data:
        raise PhotoProblem("empty", Wording("the file is empty"))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS) as opened:
                width, height = opened.size
                if width * height > MAX_PIXELS:
                    raise PhotoProblem("too_many_pixels", Wording("the image has too many pixels"))
                opened.load()
                image = ImageOps.exif_transpose(opened)
                image.thumbnail((MAX_SIDE_PX, MAX_SIDE_PX))
                if image.mode != "RGB":
                    image = _flatten(image)
                # Pillow writes back what ``info`` holds (comment, ICC profile, EXIF...): none
                # of the original's metadata may reach the saved photo.
                image.info = {}
                out = io.BytesIO()
                image.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    except PhotoProblem:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PhotoProblem("too_many_pixels", Wording("the image has too many pixels")) from None
    except UnidentifiedImageError:
        raise PhotoProblem(
            "not_an_image", Wording("the file is not a photo (JPEG, PNG, WebP or GIF)")
        ) from None
    except (OSError, ValueError, SyntaxError):
        raise PhotoProblem(
            "not_an_image", Wording("the file is not a photo that can be read")
        ) from None
    return out.getvalue()


def _flatten(image: PilImage) -> PilImage:
    """Transparency onto white, palettes and greys to RGB (JPEG has no alpha)."""
    from PIL import Image

    rgba = image.convert("RGBA")
    background = Image.new("RGB", rgba.size, (255, 255, 255))
    background.paste(rgba, mask=rgba.getchannel("A"))
    return background
