"""Files for translators (SPEC §15): one language of a template as XLIFF 1.2 or CSV, and back.

Every text is one unit keyed by its stable key (`s-1.label`), with the source text and the current
translation. Writing is deterministic, so exporting, importing unchanged and exporting again gives the same
bytes. XLIFF is built and read with ElementTree (read through defusedxml: no DTD, no entity expansion, as a
file from outside may carry either); CSV with the `csv` module, UTF-8 with a byte-order mark so that a
spreadsheet shows Arabic or German as written, each cell that a spreadsheet would run as a formula guarded
with an apostrophe (`server.spreadsheet`), which import takes off again.
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from server.spreadsheet import guarded, unguarded

from .languages import template_languages, template_texts

FORMATS = ("xliff", "csv")
MEDIA_TYPES = {"xliff": "application/xliff+xml", "csv": "text/csv"}
EXTENSIONS = {"xliff": "xlf", "csv": "csv"}
XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
CSV_COLUMNS = ("key", "source", "target")
BOM = "\ufeff"
MAX_UNITS = 100_000


class TranslationFileError(ValueError):
    """A translator's file that cannot be read: not XLIFF 1.2 / not the CSV columns, or malformed."""


@dataclass(frozen=True)
class Unit:
    key: str
    source: str
    target: str  # "" when not translated yet


def units(template: Mapping[str, Any], tag: str) -> list[Unit]:
    """Every text of the template with its translation into `tag` (empty when missing), in document order."""
    table = template.get("translations")
    entries = table.get(tag) if isinstance(table, dict) else None
    entries = entries if isinstance(entries, dict) else {}
    return [Unit(key, text.source, entries.get(key) or "") for key, text in template_texts(template).items()]


def export_file(template: Mapping[str, Any], tag: str, file_format: str, original: str = "template") -> bytes:
    """One language of `template` as an XLIFF 1.2 or CSV file (`file_format` one of FORMATS)."""
    found = units(template, tag)
    if file_format == "csv":
        return _csv(found)
    return _xliff(found, template_languages(template)[0], tag, original)


def read_file(data: bytes, file_format: str) -> dict[str, str]:
    """The `{key: target}` of a translator's file, in file order ("" where a target is empty or absent)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise TranslationFileError("the file is not UTF-8 text") from None
    read = _read_csv if file_format == "csv" else _read_xliff
    out = read(text.removeprefix(BOM))
    if len(out) > MAX_UNITS:
        raise TranslationFileError(f"the file holds more than {MAX_UNITS} texts")
    return out


def unknown_keys(template: Mapping[str, Any], targets: Mapping[str, str]) -> list[str]:
    """The keys of an imported file that name no text of the template, in file order."""
    texts = template_texts(template)
    return [key for key in targets if key not in texts]


def merged_translations(template: Mapping[str, Any], tag: str, targets: Mapping[str, str]) -> dict[str, Any]:
    """The template's `translations` after importing `targets` for `tag`: a non-empty target sets that text's
    translation, an empty one removes it, a key the file leaves out keeps what it had."""
    table = dict(template.get("translations") or {})
    entries = dict(table.get(tag) or {})
    for key, target in targets.items():
        if target:
            entries[key] = target
        else:
            entries.pop(key, None)
    table[tag] = entries
    return table


def xliff_target_language(data: bytes) -> str | None:
    """The `target-language` an XLIFF file states (None when absent); the file is assumed readable."""
    root = SafeET.fromstring(data)
    file = root.find(f"{{{XLIFF_NS}}}file")
    return None if file is None else file.get("target-language")


def _xliff(found: list[Unit], source_language: str, tag: str, original: str) -> bytes:
    ET.register_namespace("", XLIFF_NS)
    root = ET.Element(f"{{{XLIFF_NS}}}xliff", {"version": "1.2"})
    file = ET.SubElement(
        root,
        f"{{{XLIFF_NS}}}file",
        {
            "original": original,
            "source-language": source_language,
            "target-language": tag,
            "datatype": "plaintext",
        },
    )
    body = ET.SubElement(file, f"{{{XLIFF_NS}}}body")
    for unit in found:
        element = ET.SubElement(body, f"{{{XLIFF_NS}}}trans-unit", {"id": unit.key})
        element.set("xml:space", "preserve")  # labels may end in a space or hold line breaks
        ET.SubElement(element, f"{{{XLIFF_NS}}}source").text = unit.source
        if unit.target:
            ET.SubElement(element, f"{{{XLIFF_NS}}}target", {"state": "translated"}).text = unit.target
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _read_xliff(text: str) -> dict[str, str]:
    try:
        root = SafeET.fromstring(text)
    except (ET.ParseError, DefusedXmlException) as exc:
        raise TranslationFileError(f"the file is not well-formed XML ({exc})") from None
    if root.tag != f"{{{XLIFF_NS}}}xliff" or root.get("version") != "1.2":
        raise TranslationFileError("the file is not XLIFF 1.2 (<xliff version='1.2'> in its namespace)")
    out: dict[str, str] = {}
    for element in root.iter(f"{{{XLIFF_NS}}}trans-unit"):
        key = element.get("id")
        if not key:
            raise TranslationFileError("a trans-unit has no id")
        if key in out:
            raise TranslationFileError(f"the trans-unit id '{key}' appears twice")
        target = element.find(f"{{{XLIFF_NS}}}target")
        out[key] = "" if target is None else "".join(target.itertext())
    return out


def _csv(found: list[Unit]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180
    writer.writerow(CSV_COLUMNS)
    # Cells a spreadsheet would run as a formula (a step titled `=HYPERLINK(…)`) are guarded as the runs
    # export's are, and read back to exactly their text (`_read_csv`)
    writer.writerows([guarded(unit.key), guarded(unit.source), guarded(unit.target)] for unit in found)
    return (BOM + buffer.getvalue()).encode("utf-8")


def _read_csv(text: str) -> dict[str, str]:
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise TranslationFileError(f"the file is not valid CSV ({exc})") from None
    if not rows or tuple(cell.strip().lower() for cell in rows[0]) != CSV_COLUMNS:
        raise TranslationFileError("the first row must name the columns key,source,target")
    out: dict[str, str] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not row:
            continue
        if len(row) != 3:
            raise TranslationFileError(f"row {number} has {len(row)} cells; every row has key,source,target")
        key = unguarded(row[0])
        if key in out:
            raise TranslationFileError(f"the key '{key}' appears twice (row {number})")
        out[key] = unguarded(row[2])
    return out
