"""Backup and restore of a whole data dir: a consistent database snapshot and every photo it references,
streamed into one checked (optionally encrypted) archive. `rundun-server backup | restore` drive it."""
