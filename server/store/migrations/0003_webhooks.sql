-- Webhook delivery: the retry position within the current attempt cycle. A redelivery starts a new cycle
-- (cycle_attempts back to 0) while `attempts` keeps counting every attempt ever made.
-- `next_attempt_at` is written with millisecond precision ('YYYY-MM-DDTHH:MM:SS.mmmZ') so that sub-second
-- retry schedules (tests) order correctly; the API shows it at second precision.
ALTER TABLE webhook_deliveries ADD COLUMN cycle_attempts INTEGER NOT NULL DEFAULT 0;
