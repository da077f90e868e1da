"""Steps and sections on the clipboard: what Copy puts there and what Paste can take from it.

A copied part travels as JSON under the editor's own type, with its translations, so that it can be pasted
into this template or another one; as plain text it is the step's or section's JSON, which a designer can
read, and which Paste also takes (a step or section copied from the JSON tab or a file).
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QMimeData

MIME_TYPE = "application/x-rundun-template-part+json"


def to_mime(part: dict[str, Any]) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME_TYPE, json.dumps(part, ensure_ascii=False).encode())
    shown = part.get("step", part.get("section"))
    mime.setText(json.dumps(shown, ensure_ascii=False, indent=2))
    return mime


def from_mime(mime: QMimeData | None) -> dict[str, Any] | None:
    """The part on the clipboard (`{"step": …}` or `{"section": …}`, maybe with `"translations"`), or None."""
    if mime is None:
        return None
    try:
        if mime.hasFormat(MIME_TYPE):
            data = json.loads(bytes(mime.data(MIME_TYPE).data()).decode())
        elif mime.hasText():
            data = json.loads(mime.text())
        else:
            return None
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    if isinstance(data.get("step"), dict) or isinstance(data.get("section"), dict):
        return data
    if isinstance(data.get("steps"), list) and all(isinstance(s, dict) for s in data["steps"]):
        return {"section": data}  # a section's JSON
    if isinstance(data.get("type"), str):
        return {"step": data}  # a step's JSON
    return None
