"""What importing costs the app at every start, trimmed where a library does work the app never uses.

Measured with `python -X importtime`, tracemalloc and bench/desktop_startup.py (issue 23: spawn → window and
embedded server answering ≤ 1.0 s, RSS ≤ 100 MB):
- httpx imports its command-line client (click, rich, pygments) when they are installed: ~0.1 s.
- PySide6's `__feature__` support (snake_case / true_property, which this app does not use) hooks every
  import after PySide6's and reads the whole source file of each new module through `inspect.getsource`
  to look for the word "PySide6"; `linecache` then keeps every line of ~180 modules: ~7 MB of RSS and
  ~50 ms at start, more with each page imported later.
- The cyclic collector runs again and again while modules and the window are built, which allocate a
  lot and free almost nothing: paused until the app is ready, then one collection and a freeze (what
  start-up built lives as long as the app; later collections skip it, shorter pauses on the GUI thread).
"""

from __future__ import annotations

import gc
import logging
import sys

log = logging.getLogger("rundun.desktop")


def trim_import_costs() -> None:
    """Call first thing in the app's process (before PySide6 or httpx is imported by anything else)."""
    # A None entry makes `import httpx._main` fail softly: httpx then goes without its CLI.
    sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
    skip_pyside_source_scan()


def skip_pyside_source_scan() -> bool:
    """Answer PySide6's "does this module use PySide6?" without reading the module's source.

    The answer only decides whether calls from that module switch PySide6 classes to a `__feature__`
    selection; no module of this app selects one, so "yes, with no feature" (what `0` means there) is
    what every module gets either way. Private API: when PySide6 moves it, nothing breaks, the saving goes
    (logged). Returns whether the scan is skipped."""
    import PySide6  # noqa: F401 - loads shiboken6, which installs the import hook

    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        log.info("PySide6 without shibokensupport.feature._mod_uses_pyside: its source scan stays")
        return False
    setattr(feature, "_mod_uses_pyside", _uses_pyside)  # noqa: B010 - a private hook mypy cannot see
    return True


def _uses_pyside(module) -> bool:
    return True


def pause_collector_for_start() -> None:
    gc.disable()


def settle_after_start() -> None:
    """Once the window is up and connected: collect once, freeze what start-up built, turn the collector on."""
    gc.collect()
    gc.freeze()
    gc.enable()
