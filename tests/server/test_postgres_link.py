"""A server process finds out within about a minute that PostgreSQL's host is gone: its connections carry TCP
keepalives and a user timeout (an operator's audit: a frozen or vanished host's connections looked alive for
Linux's default of over two hours, and the webhook claims they held stayed held). What the database URL sets
itself wins."""

from __future__ import annotations

from server.store.postgres import connect


def test_connections_carry_keepalives_and_the_urls_own_settings_win(pg_cluster):
    url = pg_cluster.new_database()
    conn = connect(url)
    try:
        link = conn.raw.info.get_parameters()
        assert (link["keepalives"], link["keepalives_idle"], link["keepalives_interval"]) == ("1", "30", "10")
        assert (link["keepalives_count"], link["tcp_user_timeout"]) == ("3", "60000")
    finally:
        conn.close()
    own = connect(url + ("&" if "?" in url else "?") + "keepalives_idle=5")
    try:
        assert own.raw.info.get_parameters()["keepalives_idle"] == "5"
    finally:
        own.close()
