"""The one migration scheme (`rundun_migrations`) on its own: numbered files found in a package, a dialect's
file replacing its portable twin, Python steps for data, one number taken twice refused before anything
runs, each migration with its record in one transaction, and a newer database refused. The server's and the
desktop's own upgrades are tested beside their code (tests/server/test_*migrations.py,
tests/desktop/executor/test_store_upgrade.py)."""

from __future__ import annotations

import importlib
import sqlite3
import sys
import textwrap
import uuid

import pytest

import rundun_migrations
from rundun_migrations import SchemaTooNew, discover, migrate_sqlite


@pytest.fixture
def package(tmp_path, monkeypatch):
    """A fresh importable package `mig_<n>` whose files the test writes: `write(name, text)`."""
    name = f"mig_{uuid.uuid4().hex[:8]}"
    folder = tmp_path / name
    folder.mkdir()
    (folder / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))

    def write(file: str, text: str) -> None:
        (folder / file).write_text(textwrap.dedent(text))
        importlib.invalidate_caches()

    write.name = name  # type: ignore[attr-defined]
    yield write
    for module in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
        del sys.modules[module]


def people(package) -> None:
    package("0001_people.sql", "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL);")
    package("0002_nick.sql", "ALTER TABLE people ADD COLUMN nick TEXT;")
    package(
        "0003_nicks.py",
        '''
        """Data SQL alone would not shape: a nickname from the first word of the name, title-cased."""

        def upgrade(conn):
            rows = conn.execute("SELECT id, name FROM people").fetchall()
            for id_, name in rows:
                conn.execute("UPDATE people SET nick = ? WHERE id = ?", (name.split()[0].title(), id_))
        ''',
    )


def fresh(path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def test_scripts_and_python_steps_apply_in_order_each_recorded_once(package, tmp_path):
    people(package)
    found = discover(package.name)
    assert [(m.number, m.name) for m in found] == [
        (1, "0001_people.sql"),
        (2, "0002_nick.sql"),
        (3, "0003_nicks.py"),
    ]
    conn = fresh(tmp_path / "x.db")
    assert migrate_sqlite(conn, found, "upgrade", upto=2) == ["0001_people.sql", "0002_nick.sql"]
    conn.execute("INSERT INTO people (name) VALUES ('ada lovelace'), ('GRACE hopper')")
    assert migrate_sqlite(conn, found, "upgrade") == ["0003_nicks.py"]
    assert [r[0] for r in conn.execute("SELECT nick FROM people ORDER BY id")] == ["Ada", "Grace"]
    assert migrate_sqlite(conn, found, "upgrade") == []  # nothing twice
    assert [r[0] for r in conn.execute("SELECT id FROM migrations ORDER BY id")] == [1, 2, 3]


def test_a_failing_step_rolls_back_with_its_record(package, tmp_path):
    people(package)
    package(
        "0004_broken.py",
        "def upgrade(conn):\n    conn.execute('DELETE FROM people')\n    raise ValueError('no')\n",
    )
    conn = fresh(tmp_path / "x.db")
    migrate_sqlite(conn, discover(package.name), "upgrade", upto=3)
    conn.execute("INSERT INTO people (name) VALUES ('ada')")
    with pytest.raises(ValueError, match="no"):
        migrate_sqlite(conn, discover(package.name), "upgrade")
    assert conn.execute("SELECT count(*) FROM people").fetchone()[0] == 1
    assert conn.execute("SELECT max(id) FROM migrations").fetchone()[0] == 3


def test_a_dialect_file_replaces_its_twin_and_portable_scripts_are_rewritten(package):
    package("0001_a.sql", "CREATE TABLE a (x INTEGER);")
    package("0001_a.postgresql.sql", "CREATE TABLE a (x BIGINT);")
    package("0002_b.sql", "CREATE TABLE b (y INTEGER);")
    sqlite = discover(package.name)
    pg = discover(package.name, "postgresql", lambda sql: sql.replace("INTEGER", "BIGINT"))
    assert [m.sql for m in sqlite] == ["CREATE TABLE a (x INTEGER);", "CREATE TABLE b (y INTEGER);"]
    assert [m.sql for m in pg] == ["CREATE TABLE a (x BIGINT);", "CREATE TABLE b (y BIGINT);"]
    assert [m.name for m in pg] == ["0001_a.sql", "0002_b.sql"]  # both engines record the same names


def test_one_number_taken_twice_is_refused_before_anything_runs(package):
    package("0001_a.sql", "CREATE TABLE a (x INTEGER);")
    package("0001_b.py", "def upgrade(conn):\n    pass\n")
    with pytest.raises(ValueError, match="two migrations numbered 0001"):
        discover(package.name)


def test_a_database_of_newer_code_is_refused_and_left_alone(package, tmp_path):
    people(package)
    conn = fresh(tmp_path / "x.db")
    migrate_sqlite(conn, discover(package.name), "upgrade", upto=1)
    conn.execute("INSERT INTO migrations VALUES (7, '0007_future.sql', 'x')")
    with pytest.raises(SchemaTooNew, match="schema version 7 but this code knows only up to 3: upgrade me"):
        migrate_sqlite(conn, discover(package.name), "upgrade me")
    assert "nick" not in {r[1] for r in conn.execute("PRAGMA table_info(people)")}


def test_a_user_version_count_is_adopted_once(package, tmp_path):
    people(package)
    found = discover(package.name)
    conn = fresh(tmp_path / "x.db")
    conn.executescript(
        "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL); PRAGMA user_version = 1;"
    )
    assert rundun_migrations.adopt_user_version(conn, found) == 1
    assert rundun_migrations.adopt_user_version(conn, found) == 0  # the table exists now: never again
    assert migrate_sqlite(conn, found, "upgrade") == ["0002_nick.sql", "0003_nicks.py"]
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1  # left as it was


def test_a_python_step_runs_on_postgresql_in_the_servers_runner(package, pg_cluster, monkeypatch):
    """The server's PostgreSQL runner applies a Python step after the server's own migrations, with the
    store's connection (`?` parameters, `conn.dialect`), and records it."""
    from server.store import migrations as server_migrations
    from server.store import postgres

    latest = server_migrations.latest_number()
    package(
        f"{latest + 1:04d}_org_names.py",
        "def upgrade(conn):\n"
        "    assert conn.dialect == 'postgresql'\n"
        "    conn.execute(\"INSERT INTO server_meta (key, value) VALUES (?, 'done')\", ('step',))\n",
    )
    ours = server_migrations.migration_files("postgresql") + discover(package.name, "postgresql")
    monkeypatch.setattr(postgres, "migration_files", lambda dialect: ours)
    monkeypatch.setattr(server_migrations, "latest_number", lambda: latest + 1)
    conn = postgres.connect(pg_cluster.new_database())
    try:
        assert postgres.migrate(conn) == [f"{latest + 1:04d}_org_names.py"]
        assert conn.execute("SELECT value FROM server_meta WHERE key = 'step'").fetchone()[0] == "done"
        assert conn.execute("SELECT max(id) FROM migrations").fetchone()[0] == latest + 1
    finally:
        conn.close()


def test_two_connections_migrating_one_file_at_once_apply_each_migration_once(package, tmp_path, monkeypatch):
    """The desktop's runner and sync engine open the store together: the second connection read the
    records before the first applied anything, and must not apply them again."""
    people(package)
    found = discover(package.name)
    first, second = fresh(tmp_path / "x.db"), fresh(tmp_path / "x.db")
    real, stale = rundun_migrations.applied_numbers, [set()]  # what `second` read before `first` migrated

    def applied(conn):
        return stale.pop() if conn is second and stale else real(conn)

    monkeypatch.setattr(rundun_migrations, "applied_numbers", applied)
    second.execute(rundun_migrations.CREATE_TABLE)
    assert migrate_sqlite(first, found, "upgrade") == [m.name for m in found]
    assert migrate_sqlite(second, found, "upgrade") == []
    assert [r[0] for r in second.execute("SELECT id FROM migrations ORDER BY id")] == [1, 2, 3]
