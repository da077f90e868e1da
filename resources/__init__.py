"""Rundun's shipped files — the stylesheet, icons, sample templates and the template library — installed as
the package `rundun_resources` (pyproject maps it onto this `resources/` folder).

Both the server (`resources/library/*.json`) and the desktop (`style.qss`, `icons/`, `templates/`) read
them through `importlib.resources`, so the same code runs from a checkout (editable install), a wheel and
the PyInstaller bundle, and the server never imports `rundun_desktop` to find them. Nothing here imports
anything but the standard library.
"""

from __future__ import annotations

import json
from importlib.resources import files
from importlib.resources.abc import Traversable


def resource(*parts: str) -> Traversable:
    """`resource("templates", "vehicle-pre-rental.json")`: a file or folder of the shipped resources."""
    return files(__name__).joinpath(*parts)


def read_text(*parts: str) -> str:
    return resource(*parts).read_text(encoding="utf-8")


def read_json(*parts: str):
    return json.loads(read_text(*parts))


def json_files(folder: str) -> dict[str, object]:
    """Every `folder/*.json`, parsed, by file name without `.json`, in name order."""
    entries = [e for e in resource(folder).iterdir() if e.name.endswith(".json") and e.is_file()]
    return {
        e.name[: -len(".json")]: json.loads(e.read_text(encoding="utf-8"))
        for e in sorted(entries, key=lambda e: e.name)
    }
