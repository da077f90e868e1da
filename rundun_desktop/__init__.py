"""The Rundun desktop app."""

import sys


def _keep_none_alive() -> None:
    """Work around PySide6/shiboken6 6.12.0 on Python < 3.12: every call of a void Qt method from Python
    drops one reference to None (`label.setText(...)`, `painter.setPen(...)`, …). Python 3.12 made None
    immortal, which hides the bug there; on 3.11 None's count (a few thousand at start) runs out after that
    many calls and the interpreter aborts ("none_dealloc"). None is never freed anyway, so lifting its count
    out of reach is harmless whatever the Qt version. The real fix is a PySide6 without the bug (6.11.x
    does not have it); see the desktop notes."""
    if sys.version_info < (3, 12):
        import ctypes

        ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40  # ob_refcnt is PyObject's first field


_keep_none_alive()
