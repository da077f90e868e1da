"""What importing the server costs at every start, trimmed where a library does work the server never uses.

The desktop app waits for its embedded server's start (issue 23's cold start: bench/desktop_startup.py).
Measured with `python -X importtime` and interleaved A/B runs of the imports' CPU time:
- FastAPI (0.165) asks of every route parameter whether its type is a pydantic v1 model, and imports
  `pydantic.v1` to find out: ~35 ms, 5 % of the server's imports, for an answer that is always no here
  (nothing in Rundun uses pydantic v1). With `pydantic.v1` unimportable, FastAPI answers no by itself.
- pydantic looks for plugins in the entry points of every installed distribution the first time it builds
  a validator: ~35 ms. The server uses none; `PYDANTIC_DISABLE_PLUGINS` is pydantic's own switch.
"""

from __future__ import annotations

import os
import sys


def trim_import_costs() -> None:
    """Call before anything imports pydantic or FastAPI (a no-op for what is imported already)."""
    # A None entry makes `import pydantic.v1` raise ImportError, which FastAPI reads as "not a v1 model".
    sys.modules.setdefault("pydantic.v1", None)  # type: ignore[arg-type]
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
