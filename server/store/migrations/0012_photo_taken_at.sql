-- When a photo was taken (issue 12): the executor works offline, so the time a photo reaches the server
-- (`created_at`, its attach) can be hours after it was taken. The device sends it with the tus upload
-- (`Upload-Metadata: taken_at`, ISO 8601 with an offset, stored in UTC); NULL where it was not sent (a
-- `PUT …/photos/{i}`, older clients, photos attached before this migration).
ALTER TABLE photos ADD COLUMN taken_at TEXT;
