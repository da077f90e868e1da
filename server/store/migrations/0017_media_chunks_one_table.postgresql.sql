-- PostgreSQL's form of 0017 (see the portable file for the why): the same table, its bytes stored out of line
-- and uncompressed (STORAGE EXTERNAL, as 0013's were: JPEG bytes do not compress, and pglz would spend CPU
-- finding that out on every chunk). Re-keying a row (UPDATE of `owner`) keeps its out-of-line bytes where
-- they are: only the small row and its index entry are written again.
CREATE TABLE media_chunks (
    owner TEXT NOT NULL,
    start BIGINT NOT NULL,
    data BYTEA NOT NULL,
    PRIMARY KEY (owner, start)
);
ALTER TABLE media_chunks ALTER COLUMN data SET STORAGE EXTERNAL;
INSERT INTO media_chunks (owner, start, data) SELECT upload_id, start, data FROM upload_chunks;
INSERT INTO media_chunks (owner, start, data)
    SELECT sha256,
           COALESCE(SUM(length(data)) OVER (PARTITION BY sha256 ORDER BY seq
                    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0),
           data
    FROM media_blob_chunks;
DROP TABLE upload_chunks;
DROP TABLE media_blob_chunks;
