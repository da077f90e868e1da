"""Where each path of a JSON text starts: `sections[0].steps[1].label` → its line.

A small scanner (the json module keeps no positions) that walks any JSON text, valid or not as
TDL, and records the line on which every value begins, named the way the API's `details` name paths.
It gives up quietly on broken JSON: the parser reports that separately.
"""

from __future__ import annotations

import json
from typing import Any

_DELIMS = set(",]} \t\r\n")


def _path(stack: list[list[Any]]) -> str:
    out = ""
    for frame in stack:
        kind, key = frame[0], frame[1]
        if key is None:
            break
        if kind == "arr":
            out += f"[{key}]"
        else:
            out += f".{key}" if out else str(key)
    return out


def path_lines(text: str) -> dict[str, int]:
    """{path: 0-based line} for every value in `text` ('' is the whole document)."""
    out: dict[str, int] = {}
    stack: list[list[Any]] = []  # [kind, current key or index, expecting_key]
    i, line, n = 0, 0, len(text)

    def record() -> None:
        out.setdefault(_path(stack), line)

    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            i += 1
        elif c in " \t\r":
            i += 1
        elif c == '"':
            end = i + 1
            while end < n and text[end] != '"':
                end += 2 if text[end] == "\\" else 1
            raw = text[i : end + 1]
            if stack and stack[-1][0] == "obj" and stack[-1][2]:
                try:
                    stack[-1][1] = json.loads(raw)
                except ValueError:
                    stack[-1][1] = raw.strip('"')
                stack[-1][2] = False
            else:
                record()
            line += raw.count("\n")
            i = end + 1
        elif c in "{[":
            record()
            stack.append(["obj", None, True] if c == "{" else ["arr", 0, False])
            i += 1
        elif c in "}]":
            if stack:
                stack.pop()
            i += 1
        elif c == ",":
            if stack and stack[-1][0] == "obj":
                stack[-1][2] = True
            elif stack:
                stack[-1][1] += 1
            i += 1
        elif c == ":":
            i += 1
        else:  # a number or a literal
            record()
            while i < n and text[i] not in _DELIMS:
                i += 1
    return out


def line_for(lines: dict[str, int], path: str) -> int:
    """The line of `path`, or of its nearest ancestor present in the text (a missing field)."""
    while path:
        if path in lines:
            return lines[path]
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return lines.get("", 0)
