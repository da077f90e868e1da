"""The installed version of Rundun (the `rundun` distribution): `--version` of both commands, Help → About."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _distribution_version


def version() -> str:
    """From the installed metadata (a wheel, an editable install, or the bundle, which copies it)."""
    try:
        return _distribution_version("rundun")
    except PackageNotFoundError:  # a bare checkout on sys.path, never installed
        return "0+unknown"
