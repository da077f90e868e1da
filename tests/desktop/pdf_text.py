"""Just enough PDF reading to check Qt's reports in tests: the text (through each font's ToUnicode map)
and the embedded images. Qt writes Flate-compressed streams, fonts as CID subsets (`<hex> Tj`)."""

from __future__ import annotations

import re
import zlib

OBJ = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.DOTALL)
STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.DOTALL)


def _objects(data: bytes) -> dict[int, bytes]:
    return {int(m.group(1)): m.group(2) for m in OBJ.finditer(data)}


def _stream(obj: bytes) -> bytes:
    m = STREAM.search(obj)
    if not m:
        return b""
    raw = m.group(1)
    if b"/FlateDecode" in obj.split(b"stream", 1)[0]:
        # A stream whose last byte is a CR loses it to the pattern's `\r?\n` before `endstream`: that byte
        # is in the checksum after the data, so a decompressor that does not insist on the end reads it all
        # (`zlib.decompress` raised, and one page in a hundred lost its text).
        try:
            return zlib.decompressobj().decompress(raw)
        except zlib.error:
            return b""
    return raw


def _cmap(text: bytes) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.DOTALL):
        for src, dst in re.findall(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
            mapping[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be", "replace")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", text, re.DOTALL):
        for lo, _hi, dst, targets in re.findall(
            rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:<([0-9a-fA-F]+)>|\[(.*?)\])", block, re.DOTALL
        ):
            if dst:  # <lo> <hi> <first>: consecutive code points
                start = int.from_bytes(bytes.fromhex(dst.decode()), "big")
                for i, code in enumerate(range(int(lo, 16), int(_hi, 16) + 1)):
                    mapping[code] = chr(start + i)
            else:  # <lo> <hi> [<u1> <u2> …]: one target per code (Qt's form)
                for i, target in enumerate(re.findall(rb"<([0-9a-fA-F]+)>", targets)):
                    mapping[int(lo, 16) + i] = bytes.fromhex(target.decode()).decode("utf-16-be", "replace")
    return {code: " " if char == "\t" else char for code, char in mapping.items()}


def pdf_text(data: bytes) -> str:
    """All text drawn in the PDF, in drawing order (runs separated by spaces/newlines)."""
    objects = _objects(data)
    fonts: dict[bytes, dict[int, str]] = {}
    for num, obj in objects.items():
        m = re.search(rb"/ToUnicode (\d+) 0 R", obj)
        if m:
            fonts[str(num).encode()] = _cmap(_stream(objects[int(m.group(1))]))
    # Font resource names (/F5 …) point at font objects; map them to their ToUnicode maps.
    names: dict[bytes, dict[int, str]] = {}
    for obj in objects.values():
        for name, num in re.findall(rb"/(F\w*) (\d+) 0 R", obj):
            if num in fonts:
                names[name] = fonts[num]
    out: list[str] = []
    for obj in objects.values():
        if b"/Length" not in obj or b"/Subtype" in obj.split(b"stream", 1)[0]:
            continue
        content = _stream(obj)
        if b"Tj" not in content and b"TJ" not in content:
            continue
        cmap: dict[int, str] = {}
        for token in re.finditer(
            rb"/(F\w*) [\d.]+ Tf|<([0-9a-fA-F]*)> ?Tj|\[(.*?)\] ?TJ|(T\*|Td|TD|ET)", content, re.DOTALL
        ):
            if token.group(1):
                cmap = names.get(token.group(1), {})
            elif token.group(2) is not None or token.group(3) is not None:
                hexes = (
                    [token.group(2)]
                    if token.group(2) is not None
                    else re.findall(rb"<([0-9a-fA-F]*)>", token.group(3))
                )
                for h in hexes:
                    raw = bytes.fromhex(h.decode())
                    out.append(
                        "".join(
                            cmap.get(int.from_bytes(raw[i : i + 2], "big"), "") for i in range(0, len(raw), 2)
                        )
                    )
            else:
                out.append("\n" if token.group(4) == b"ET" else "")
    return "".join(out)


def pdf_images(data: bytes) -> list[tuple[int, int]]:
    """(width, height) of every image XObject."""
    sizes = []
    for obj in _objects(data).values():
        head = obj.split(b"stream", 1)[0]
        if b"/Subtype /Image" in head and b"/SMask" not in head[:0]:
            w, h = re.search(rb"/Width (\d+)", head), re.search(rb"/Height (\d+)", head)
            if (
                w
                and h
                and b"/ImageMask true" not in head
                and not re.search(rb"/BitsPerComponent 8\s*/ColorSpace /DeviceGray", head)
            ):
                sizes.append((int(w.group(1)), int(h.group(1))))
    return sizes


DRAWING = re.compile(
    rb"([-\d.]+) [-\d.]+ [-\d.]+ [-\d.]+ [-\d.]+ [-\d.]+ cm|(?<![\w/])([qQ])(?!\w)|/F\w* ([\d.]+) Tf|/(\w+)\s+Do"
)


def _drawn(data: bytes) -> list[tuple[str, bytes, float]]:
    """Every font selection (`("font", b"", size)`) and XObject drawn (`("draw", name, scale)`) in the page
    content, sized by the current transformation's scale (`cm`, saved and restored with `q`/`Q`)."""
    found: list[tuple[str, bytes, float]] = []
    for obj in _objects(data).values():
        content = _stream(obj)
        if b"Tf" not in content and b"Do" not in content:
            continue
        scale, saved = 1.0, []
        for token in DRAWING.finditer(content):
            if token.group(1):
                scale *= abs(float(token.group(1)))
            elif token.group(2) == b"q":
                saved.append(scale)
            elif token.group(2) == b"Q":
                scale = saved.pop() if saved else 1.0
            elif token.group(3):
                found.append(("font", b"", round(float(token.group(3)) * scale, 2)))
            else:
                found.append(("draw", token.group(4), round(scale, 1)))
    return found


def pdf_font_sizes(data: bytes) -> list[float]:
    """The printed size in points of every font selection (`Tf`) in the page content."""
    return [size for kind, _, size in _drawn(data) if kind == "font"]


def pdf_image_widths(data: bytes) -> list[float]:
    """The printed width in points of every image drawn (an image XObject is a unit square, scaled)."""
    objects = _objects(data)
    images = {
        name
        for obj in objects.values()
        for name, num in re.findall(rb"/(Im\w*) (\d+) 0 R", obj)
        if b"/Subtype /Image" in objects.get(int(num), b"")
    }
    return [width for kind, name, width in _drawn(data) if kind == "draw" and name in images]
