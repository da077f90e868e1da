"""The line `rundun-server serve` starts with: where it answers, and where its data is, on either engine."""

from __future__ import annotations


def test_the_start_line_names_the_database_and_where_the_photos_are(server_process, database_url, tmp_path):
    """On PostgreSQL it said "data in" the default data dir, which holds nothing of it; the password stays out."""
    server, _key = server_process
    first = (tmp_path / "server.log").read_text().splitlines()[0]
    if database_url is None:
        said = f"data in {tmp_path}"
    else:
        from server.store.postgres import redact

        said = f"data in {redact(database_url)} (photos too)"
        assert ":***@" in said
    assert first == f"Rundun API on {server.url}/v1 (docs: {server.url}/docs); {said}"
