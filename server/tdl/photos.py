"""What an image is and how many photos a step holds: one rule for the server and the offline executor.

The server refuses (415) what `sniff_image` refuses, and the desktop's executor calls the same function
when a photo is added, so an executor is never told a photo is saved that the server refuses at sync.
Pure Python: bytes in, a media type (or None: refused) out.
"""

from __future__ import annotations

from .models import Template

SIGNATURE_STEP = "_signature"  # the run-level signature's step id (SPEC §5), not a step of the template
IMAGE_HEAD_BYTES = 4096  # enough of a file's start for `sniff_image` (a HEIF `ftyp` box is read up to here)
PNG = "image/png"
IMAGE_TYPES = ("image/jpeg", PNG, "image/webp", "image/heic", "image/heif")

# ISO BMFF brands (ISO/IEC 23008-12): HEVC-coded images are HEIC, other HEIF images plain HEIF; AVIF is a
# HEIF container too (`mif1` major brand with `avif` compatible) but not a type we accept.
HEIC_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs"})
HEIF_BRANDS = frozenset({b"mif1", b"msf1", b"heif"})
AVIF_BRANDS = frozenset({b"avif", b"avis"})


def sniff_image(data: bytes) -> str | None:
    """The image's media type from its first bytes (a Content-Type header is not trusted), or None when it
    is not a JPEG, PNG, WebP, HEIC or HEIF image. Give it the first IMAGE_HEAD_BYTES of the file."""
    if data[:3] == b"\xff\xd8\xff":
        return "image/jpeg"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return PNG
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[4:8] == b"ftyp" and len(data) >= 12:
        return _heif_type(data)
    return None


def _heif_type(data: bytes) -> str | None:
    """An `ftyp` box: its major brand, then (after the minor version) its compatible brands."""
    box_end = min(int.from_bytes(data[:4], "big"), len(data), IMAGE_HEAD_BYTES)
    major = data[8:12]
    brands = {major} | {data[i : i + 4] for i in range(16, box_end - 3, 4)}
    if major in AVIF_BRANDS:
        return None
    if brands & HEIC_BRANDS:
        return "image/heic"
    if brands & HEIF_BRANDS and not brands & AVIF_BRANDS:
        return "image/heif"
    return None


def photo_capacity(template: Template, step_id: str) -> int | None:
    """How many photos (step, index) slots `step_id` has: 1 for a signature (the run-level one included),
    a photo step's `max`, a step's photo requirement's `max`, else 0. None when it is not a step at all."""
    if step_id == SIGNATURE_STEP:
        return 1
    step = template.steps_by_id().get(step_id)
    return None if step is None else step.photo_slots


def takes_png_only(template: Template, step_id: str) -> bool:
    """A signature (a step's or the run's) is a drawn PNG; other photos may be any accepted type."""
    if step_id == SIGNATURE_STEP:
        return True
    step = template.steps_by_id().get(step_id)
    return step is not None and step.type == "signature"
