"""Settings and administration: the connection, the organisation's plan and usage, API keys, members."""
