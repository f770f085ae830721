"""A client's photo: only real images, at most 5 MB, fitted within 512 pixels, re-encoded as a
JPEG without any of the original's metadata."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from feedback_desk.services.testimonials.photos import MAX_PHOTO_BYTES, PhotoProblem, prepare_photo


def camera_photo(size: tuple[int, int] = (2000, 1500)) -> bytes:
    image = Image.new("RGB", size, (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x0112] = 6  # orientation: rotated 90°
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif, comment=b"GPS 45.5,-73.6")
    return out.getvalue()


def test_a_camera_photo_is_turned_upright_resized_and_stripped() -> None:
    kept = prepare_photo(camera_photo())
    with Image.open(io.BytesIO(kept)) as image:
        assert image.format == "JPEG"
        assert image.size == (384, 512)  # upright (the EXIF rotation applied), within 512
        assert not image.getexif()
        assert "comment" not in image.info
        assert "exif" not in image.info
    assert b"PhoneMaker" not in kept
    assert b"GPS" not in kept


def test_a_transparent_png_becomes_a_jpeg_on_white() -> None:
    out = io.BytesIO()
    Image.new("RGBA", (100, 80), (0, 0, 0, 0)).save(out, format="PNG")
    with Image.open(io.BytesIO(prepare_photo(out.getvalue()))) as image:
        assert (image.format, image.size) == ("JPEG", (100, 80))
        assert image.getpixel((10, 10)) == (255, 255, 255)


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7 not a photo",
        b"<svg xmlns='http://www.w3.org/2000/svg'></svg>",
        b"\xff\xd8\xff\xe0 a broken jpeg",
        b"",
    ],
)
def test_what_is_not_an_image_is_refused(data: bytes) -> None:
    with pytest.raises(PhotoProblem):
        prepare_photo(data)


def test_a_file_over_5_mb_is_refused_before_it_is_decoded() -> None:
    with pytest.raises(PhotoProblem, match=r"at most 5 MB") as refused:
        prepare_photo(b"\xff\xd8" + b"0" * MAX_PHOTO_BYTES)
    assert refused.value.reason == "too_large"


def test_an_image_claiming_billions_of_pixels_is_refused() -> None:
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, format="PNG")
    png = bytearray(out.getvalue())
    # The header claims 60,000 × 60,000 pixels (a decompression bomb in a tiny file).
    header = b"IHDR" + struct.pack(">II", 60_000, 60_000) + bytes(png[24:29])
    png[12:29] = header
    png[29:33] = struct.pack(">I", zlib.crc32(header))
    with pytest.raises(PhotoProblem) as refused:
        prepare_photo(bytes(png))
    assert refused.value.reason == "too_many_pixels"
