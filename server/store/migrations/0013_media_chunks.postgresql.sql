-- PostgreSQL's form of 0013 (see the portable file): the same tables, with the chunks stored out of line and
-- uncompressed (STORAGE EXTERNAL): photos are JPEG/PNG/WebP already, compressing them again costs CPU for
-- nothing, and EXTERNAL lets substring() read a chunk's first bytes without the rest.
CREATE TABLE media_blobs (
    sha256 TEXT PRIMARY KEY,
    bytes BIGINT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE media_blob_chunks (
    sha256 TEXT NOT NULL,
    seq BIGINT NOT NULL,
    data BYTEA NOT NULL,
    PRIMARY KEY (sha256, seq)
);
ALTER TABLE media_blob_chunks ALTER COLUMN data SET STORAGE EXTERNAL;
CREATE TABLE upload_chunks (
    upload_id TEXT NOT NULL,
    start BIGINT NOT NULL,
    data BYTEA NOT NULL,
    PRIMARY KEY (upload_id, start)
);
ALTER TABLE upload_chunks ALTER COLUMN data SET STORAGE EXTERNAL;
