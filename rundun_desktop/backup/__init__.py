"""Keeping the embedded workspace safe: File → Back up / Restore workspace, the automatic daily backup, and
the banner shown while the server's disk is full. The archive itself is the server's own format
(`server.backup`), so a desktop backup restores with `rundun-server restore` and vice versa."""
