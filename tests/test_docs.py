"""The README documents every `RUNDUN_*` variable and every command-line flag; the OpenAPI document
describes every endpoint (after datasette's test_docs.py)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from rundun_desktop.app import build_parser as desktop_parser
from server.app import create_app
from server.cli import build_parser
from server.settings import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()


def _flags(parser: argparse.ArgumentParser, prefix: str = "") -> list[tuple[str, str]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += _flags(sub, f"{prefix} {name}".strip())
        elif action.option_strings and action.dest != "help":
            found.append((prefix, max(action.option_strings, key=len)))
    return found


@pytest.mark.parametrize("name", sorted(Settings.model_fields))
def test_every_setting_is_in_the_readme(name):
    assert f"`RUNDUN_{name.upper()}`" in README


@pytest.mark.parametrize(("command", "flag"), _flags(build_parser()))
def test_every_cli_flag_is_in_the_readme(command, flag):
    rows = [line for line in README.splitlines() if line.startswith("|") and f"`{flag}`" in line]
    assert any(f"rundun-server {command}" in row or command.split()[-1] in row for row in rows), (
        command,
        flag,
    )


@pytest.mark.parametrize("flag", [flag for _, flag in _flags(desktop_parser())] + ["link"])
def test_every_desktop_flag_is_in_the_readme(flag):
    assert any(line.startswith("| `rundun-desktop`") and f"`{flag}`" in line for line in README.splitlines())


@pytest.mark.parametrize("name", ["RUNDUN_DESKTOP_HOME", "RUNDUN_DESKTOP_KEYRING"])
def test_desktop_variables_are_in_the_readme(name):
    assert f"`{name}`" in README


def test_every_endpoint_has_a_description(tmp_path):
    spec = create_app(Settings(data_dir=tmp_path)).openapi()
    missing = [
        f"{method.upper()} {path}"
        for path, operations in spec["paths"].items()
        for method, operation in operations.items()
        if not (operation.get("description") or "").strip()
    ]
    assert missing == []


def test_the_quick_start_has_exactly_two_commands():
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", quick, re.DOTALL).group(1)
    commands = [line for line in block.splitlines() if line.strip() and not line.startswith("#")]
    assert [c.split("#")[0].strip() for c in commands] == ["make run", "make test"]
