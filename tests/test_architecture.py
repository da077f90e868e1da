"""The layering of STYLE.md, enforced: import-linter contracts from pyproject.toml, and SQL only in server.store."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint)], cwd=ROOT, check=False, capture_output=True, text=True, timeout=120)
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
    """No exemptions: the embedded server's first org and key come from `server.bootstrap` (the desktop's
    own executor store is `executor.db`, its own file)."""
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "rundun_desktop").rglob("*.py")
        if re.search(r"rundun\.db|server\.store|server\.services|server\.api", path.read_text())
    ]
    assert offenders == []


def test_every_api_error_is_a_real_class_with_a_docstring():
    """An IDE and mypy see each error (no classes made by `type()`), and each says when it is raised."""
    import inspect

    from server import errors

    classes = [
        value
        for value in vars(errors).values()
        if isinstance(value, type) and issubclass(value, errors.RundunError)
    ]
    assert len(classes) > 20
    for cls in classes:
        assert inspect.getsource(cls).startswith(f"class {cls.__name__}("), cls
        assert cls.__doc__ and cls.__module__ == "server.errors", cls
        assert cls is errors.RundunError or {"status", "code", "default_message"} <= set(vars(cls)), cls
    assert len({cls.code for cls in classes if cls is not errors.RundunError}) == len(classes) - 1


def test_every_desktop_package_is_in_the_feature_layers():
    """A new desktop package must take a place in the layers contract, or it could import its way into a cycle
    (the monitor ⇄ reports cycle this contract ended)."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    (contract,) = [c for c in config if c.get("containers") == ["rundun_desktop"]]
    layered = {name.strip() for layer in contract["layers"] for name in layer.split("|")}
    packages = {path.parent.name for path in (ROOT / "rundun_desktop").glob("*/__init__.py")}
    assert packages == layered


def test_one_migration_scheme_serves_the_server_and_the_desktop():
    """Numbered files in a package, applied and recorded by `rundun_migrations` (issue 14): nothing else
    records a migration or counts one in `PRAGMA user_version`, and the runner loads nothing of either side."""
    offenders = [
        str(path.relative_to(ROOT))
        for folder in ("server", "rundun_desktop")
        for path in (ROOT / folder).rglob("*.py")
        if re.search(r"PRAGMA user_version\s*=|INSERT INTO migrations", path.read_text())
    ]
    assert offenders == []
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, rundun_migrations; print(sorted(sys.modules))"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    assert "'server" not in loaded and "'rundun_desktop" not in loaded
    from rundun_desktop.executor.store import schema_migrations
    from server.store.migrations import migration_files

    for found in (migration_files(), schema_migrations()):
        assert [m.number for m in found] == sorted({m.number for m in found}) and found[0].number == 1
