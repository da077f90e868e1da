-- Media in the database (issue 15): with a PostgreSQL database, photos and the bytes of unfinished tus
-- uploads are stored in it by default, in chunks of at most 1 MiB (server/media/chunks.py), so that every
-- server process reaches them. SQLite keeps them as files in the data dir: the tables stay empty there.
CREATE TABLE media_blobs (
    sha256 TEXT PRIMARY KEY,
    bytes INTEGER NOT NULL,
    created_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE media_blob_chunks (
    sha256 TEXT NOT NULL,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (sha256, seq)
) WITHOUT ROWID;
-- `start`: the offset of the chunk's first byte in its upload. Chunks at or beyond the acknowledged offset
-- (written, never acknowledged) are deleted when the next PATCH opens the upload.
CREATE TABLE upload_chunks (
    upload_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (upload_id, start)
) WITHOUT ROWID;
