-- Media chunks in one table (issue 16): a photo's chunks and an unfinished upload's were two tables, so a
-- finished upload's bytes were COPIED into its photo (100 MB of photos written twice). Now both are rows of
-- `media_chunks`, keyed by their owner (the photo's SHA-256, or the upload's id) and the offset of their
-- first byte, and a finished upload becomes its photo by re-keying its rows (server/media/chunks.py).
-- SQLite keeps media as files in the data dir: the tables are empty there, converted all the same.
CREATE TABLE media_chunks (
    owner TEXT NOT NULL,
    start INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (owner, start)
) WITHOUT ROWID;
INSERT INTO media_chunks (owner, start, data) SELECT upload_id, start, data FROM upload_chunks;
INSERT INTO media_chunks (owner, start, data)
    SELECT sha256,
           COALESCE(SUM(length(data)) OVER (PARTITION BY sha256 ORDER BY seq
                    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0),
           data
    FROM media_blob_chunks;
DROP TABLE upload_chunks;
DROP TABLE media_blob_chunks;
