"""The layering of STYLE.md, enforced: import-linter contracts from pyproject.toml, and SQL only in server.store."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "broken" not in done.stdout.split("Contracts:")[-1].replace("0 broken", "")


SQL = re.compile(
    r"\bSELECT\b.+\bFROM\b|\bINSERT INTO\b|\bUPDATE \w+ SET\b|\bDELETE FROM\b|\bCREATE (TABLE|INDEX)\b|\bPRAGMA \w+"
)


def test_sql_lives_only_in_server_store():
    offenders = []
    for path in (ROOT / "server").rglob("*.py"):
        if "store" in path.relative_to(ROOT / "server").parts:
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if SQL.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []


def test_the_desktop_never_opens_the_server_database():
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "rundun_desktop").rglob("*.py")
        if re.search(r"rundun\.db|server\.store", path.read_text())
        and "executor" not in path.parts
        and path.name != "embedded.py"
    ]
    assert offenders == []
