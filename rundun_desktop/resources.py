"""The desktop's shipped files (`style.qss`, `icons/`, `templates/`): the package `rundun_resources`, which is
the repository's `resources/` folder, read with `importlib.resources` so that a checkout, a wheel and the
PyInstaller bundle all find them the same way."""

from __future__ import annotations

from importlib.resources.abc import Traversable

from rundun_resources import resource


def resource_path(*parts: str) -> Traversable:
    """A shipped file: `.read_text()`, `.read_bytes()`, `.is_file()` work wherever the app runs from."""
    return resource(*parts)
